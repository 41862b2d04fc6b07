/// An enumerated field of the contract (§3): its cases are the spellings on the wire, so the schema's
/// `FieldType.enumeration` and the rules' `switch` come from one list, and the compiler checks every switch is whole.
protocol Choice: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

extension FieldType {
    /// The enumeration whose values are `C`'s spellings, in declaration order.
    static func enumeration<C: Choice>(of _: C.Type) -> FieldType { .enumeration(C.allCases.map(\.rawValue)) }

    static let category = enumeration(of: Category.self)
    static let sex = enumeration(of: Sex.self)
    static let insurance = enumeration(of: Insurance.self)
    static let status = enumeration(of: ContributionStatus.self)
    static let periodKind = enumeration(of: PeriodKind.self)
    static let deemedBasis = enumeration(of: DeemedBasis.self)
    static let method = enumeration(of: RetirementMethod.self)
    static let payer = enumeration(of: Payer.self)
    static let specialGroup = enumeration(of: SpecialGroup.self)
    static let newbornOption = enumeration(of: NewbornOption.self)
    static let alternative = enumeration(of: Alternative.self)
}

/// Who pays: an employer for its employees, or a flexible worker (灵活就业人员) for themself.
enum Category: String, Choice { case employer, flexible }

enum Sex: String, Choice { case male, female }

/// Which basic medical insurance (职工 or 城乡居民).
enum Insurance: String, Choice { case employee, resident }

/// How a retiree paid before retiring (JI-2020-19/3.2, JI-2022-8/5b).
enum ContributionStatus: String, Choice {
    case onTimeFull = "on-time-full"
    case notOnTimeFull = "not-on-time-full"
    case notEnrolled = "not-enrolled"
    case drawingPension = "drawing-pension"
}

/// 实际缴费年限 or 视同缴费年限.
enum PeriodKind: String, Choice { case actual, deemed }

enum DeemedBasis: String, Choice {
    case preSystemWork = "pre-system-work"
    case militaryService = "military-service"
    case militarySpouse = "military-spouse"
    case otherRecognised = "other-recognised"
}

/// 一次性补缴 or 按月继续缴费.
enum RetirementMethod: String, Choice {
    case lumpSum = "lump-sum"
    case continuedPayment = "continued-payment"
}

enum Payer: String, Choice { case employer, individual }

/// JI-2022-8/8's groups that skip the waiting period.
enum SpecialGroup: String, Choice {
    case none
    case subsistenceAllowance = "subsistence-allowance"
    case extremePoverty = "extreme-poverty"
    case lowIncome = "low-income"
    case relapsePoverty = "relapse-poverty"
}

enum NewbornOption: String, Choice {
    case birthAndNextYear = "birth-and-next-year"
    case nextYearOnly = "next-year-only"
}

/// JI-2020-19/3.3, JI-2022-8/5c: what someone who cannot back-pay at once may do instead.
enum Alternative: String, Choice {
    case continuedPayment = "continued-payment"
    case residentInsurance = "resident-insurance"
}
