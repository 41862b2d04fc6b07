/// `retiree.not-enrolled` — retirees who were not in employee insurance when they retired.
///
/// LU-2020-47/6 "退休时未参加职工基本医疗保险的人员，可在户籍所在地的县（市、区）参加职工基本医疗保险，按照当地
/// 规定补缴医疗保险费……或者参加当地居民基本医疗保险"; JI-2020-19/3.5 (the details: 济医保发〔2019〕50号). No event (I-21).
enum RetireeNotEnrolled {
    static let optionFields: [Field] = [
        Field("insurance", .insurance),
        Field("county", .string),
        Field("backPayment", .bool),
    ]

    static let schema = OperationSchema(
        name: "retiree.not-enrolled",
        clauses: ["LU-2020-47/6", "JI-2020-19/3.5"],
        input: [
            Field("enrolledAtRetirement", .bool),
            Field("hukouCounty", .string),
        ],
        output: [Field("options", .list(.object(optionFields)))]
    )

    static func option(_ insurance: String, _ county: String, backPayment: Bool) -> Value {
        .object([
            Member("insurance", .string(insurance)), Member("county", .string(county)),
            Member("backPayment", .bool(backPayment)),
        ])
    }

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        let county = try input.string("hukouCounty")
        if try input.bool("enrolledAtRetirement") {
            // LU-2020-47/6 covers only those not enrolled at retirement (I-21).
            return Answer(output: .object([Member("options", .array([]))]), trace: ["LU-2020-47/6"])
        }
        // LU-2020-47/6: employee insurance in the hukou county with back payment, or resident insurance there;
        // JI-2020-19/3.5 leaves the contributions to 济医保发〔2019〕50号 (I-21: the options stay the same).
        let options: [Value] = [
            option("employee", county, backPayment: true),
            option("resident", county, backPayment: false),
        ]
        return Answer(output: .object([Member("options", .array(options))]), trace: ["LU-2020-47/6", "JI-2020-19/3.5"])
    }
}
