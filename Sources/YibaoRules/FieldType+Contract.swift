/// The enumerations of the contract (§3), spelled exactly as there.
extension FieldType {
    static let category = FieldType.enumeration(["employer", "flexible"])
    static let sex = FieldType.enumeration(["male", "female"])
    static let insurance = FieldType.enumeration(["employee", "resident"])
    static let status = FieldType.enumeration(["on-time-full", "not-on-time-full", "not-enrolled", "drawing-pension"])
    static let periodKind = FieldType.enumeration(["actual", "deemed"])
    static let deemedBasis = FieldType.enumeration(["pre-system-work", "military-service", "military-spouse", "other-recognised"])
    static let method = FieldType.enumeration(["lump-sum", "continued-payment"])
    static let payer = FieldType.enumeration(["employer", "individual"])
    static let specialGroup = FieldType.enumeration(["none", "subsistence-allowance", "extreme-poverty", "low-income", "relapse-poverty"])
    static let newbornOption = FieldType.enumeration(["birth-and-next-year", "next-year-only"])
    static let alternative = FieldType.enumeration(["continued-payment", "resident-insurance"])
}
