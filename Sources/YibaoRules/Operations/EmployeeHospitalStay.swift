/// `employee.hospital-stay-during-transfer` — who pays for a stay spanning the transfer.
///
/// LU-2020-47/2c: "参保职工在医保关系转移接续期间住院，按出院时的医保关系所在地确定待遇享受。"
/// Event: `dischargeDate` (I-21).
enum EmployeeHospitalStay {
    static let schema = OperationSchema(
        name: "employee.hospital-stay-during-transfer",
        clauses: ["LU-2020-47/2c"],
        event: ["dischargeDate"],
        input: [
            Field("admissionDate", .date),
            Field("dischargeDate", .date),
            Field("areaAtAdmission", .string),
            Field("areaAtDischarge", .string),
        ],
        output: [Field("payingArea", .string)]
    )

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        let admission = try input.date("admissionDate")
        let discharge = try input.date("dischargeDate")
        // I-31: both areas through the one area normaliser; the paying area is reported by its full name.
        _ = try Area.poolingArea(try input.string("areaAtAdmission"), field: "areaAtAdmission")
        let dischargeArea = try Area.poolingArea(try input.string("areaAtDischarge"), field: "areaAtDischarge").name
        // I-21: admission after discharge is impossible.
        guard admission <= discharge else { throw .invalid("dischargeDate: before admissionDate") }
        // I-21: LU-2020-47 is in force 2020-09-01 .. 2025-08-31 (LU-2020-47/7); nothing later contradicts 2c.
        guard discharge >= p.date(.notices2020Start), discharge <= p.date(.notices2020End) else {
            throw .outOfScope(
                "dischargeDate \(discharge): outside 2020-09-01 .. 2025-08-31, when LU-2020-47 is in force",
                [Closings.lu2020])
        }
        // LU-2020-47/2c: the area of the relation at discharge decides.
        return Answer(
            output: .object([Member("payingArea", .string(dischargeArea))]),
            trace: ["LU-2020-47/2c", Closings.lu2020])
    }
}
