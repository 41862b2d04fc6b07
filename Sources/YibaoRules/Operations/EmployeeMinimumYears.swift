/// `employee.minimum-years` — the minimum contribution years for retiree benefits.
///
/// JI-2020-19/3.1 (actual ≥ 10 years), LU-2020-47/5 (the local rule), LU-2021-54/6 (30/25 years),
/// LU-2021-54/7 and JI-2022-8/4 (from outside the province also actual ≥ 10), JI-2022-8/1 and /3 (the
/// transition to 2025-12-31). Event: `retirementDate` (I-8, I-19).
enum EmployeeMinimumYears {
    static let months = 0...1200

    static let requirementFields: [Field] = [
        Field("totalMonths", .int),
        Field("actualMonths", .int),
    ]

    static let schema = OperationSchema(
        name: "employee.minimum-years",
        clauses: [
            "JI-2020-19/3.1", "LU-2020-47/5", "LU-2021-54/6", "LU-2021-54/7",
            "JI-2022-8/1", "JI-2022-8/3", "JI-2022-8/4",
        ],
        event: ["retirementDate"],
        input: [
            Field("sex", .sex),
            Field("retirementDate", .date),
            Field("actualMonths", .int, range: months),
            Field("deemedMonths", .int, range: months),
            .optional("fromOutsideProvince", .bool, default: .bool(false)),
        ],
        output: [
            Field("requirements", .list(.object(requirementFields))),
            Field("met", .bool),
            Field("shortfallMonths", .int),
        ]
    )

    struct Requirement {
        var totalMonths: Int
        var actualMonths: Int
    }

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        let male = try input.choice("sex", as: Sex.self) == .male
        let retirement = try input.date("retirementDate")
        let actual = try input.int("actualMonths")
        let deemed = try input.int("deemedMonths")
        let outside = try input.bool("fromOutsideProvince")

        // I-19: before 2020-09-01 no notice of the suite was in force.
        guard retirement >= p.date(.notices2020Start) else {
            throw .outOfScope(
                "retirementDate \(retirement): before 2020-09-01, when JI-2020-19 took effect",
                Closings.of2020 + Closings.of2022)
        }
        // LU-2021-54/6, JI-2022-8/1: "男职工为30年，女职工为25年".
        let newMinimum = p.yearsInMonths(male ? .totalYearsMale : .totalYearsFemale, on: retirement)
        let tenYears2020 = p.yearsInMonths(.actualYears2020, on: retirement)
        let tenYearsTransition = p.yearsInMonths(.actualYearsTransition, on: retirement)
        let tenYearsOutside = p.yearsInMonths(.actualYearsOutsideProvince, on: retirement)

        var requirements: [Requirement]
        var trace: [String]
        if retirement < p.date(.issue2022) {
            // JI-2020-19/3.1 "最低实际缴费年限不低于10年(不含视同缴费年限)", under LU-2020-47/5 (local rule);
            // I-8 (and JI-2022-8/3 "本通知下发前已退休的……继续按照实际缴费年限不低于10年").
            requirements = [Requirement(totalMonths: 0, actualMonths: tenYears2020)]
            trace = ["JI-2020-19/3.1", "LU-2020-47/5", Closings.ji2020, Closings.lu2020]
        } else if retirement < p.date(.notices2022Start) {
            // JI-2022-8/3 names the issue date: retiring 2022-04-07 .. 2022-04-30 is "下发后在过渡期内退休"
            // → the new minimum or 10 actual years (I-8, in the text's order). LU-2020-47/5 still governs
            // (LU-2021-54/6 applies from 2022-05-01, I-2). JI-2022-8/4 qualifies the new minimum of (一) for those
            // from outside the province ("除满足新的最低缴费年限外，其中实际缴费年限不得低于10年"), so it comes
            // with (一) and (三) from the issue day (I-8); LU-2021-54/7 only from 2022-05-01. The choice is theirs too (I-39).
            requirements = [
                Requirement(totalMonths: newMinimum, actualMonths: outside ? tenYearsOutside : 0),
                Requirement(totalMonths: 0, actualMonths: tenYearsTransition),
            ]
            trace = ["JI-2022-8/1", "JI-2022-8/3", "LU-2020-47/5", Closings.lu2020]
            if outside { trace.append("JI-2022-8/4") }
        } else {
            // LU-2021-54/6 (30/25 years, actual + deemed); LU-2021-54/7: no actual-years limit for
            // in-province transfers; from outside the province JI-2022-8/4 "其中实际缴费年限不得低于10年" (I-8).
            let newAlternative = Requirement(totalMonths: newMinimum, actualMonths: outside ? tenYearsOutside : 0)
            if retirement <= p.date(.minimumYearsTransitionEnd) {
                // JI-2022-8/1, /3: in the transition "可选择按照新的最低缴费年限或实际缴费满10年", from outside the province too (I-39).
                requirements = [newAlternative, Requirement(totalMonths: 0, actualMonths: tenYearsTransition)]
            } else {
                // JI-2022-8/3: "过渡期结束后……按照男30年，女职工25年执行".
                requirements = [newAlternative]
            }
            trace = ["JI-2022-8/1", "JI-2022-8/3", "LU-2021-54/6", "LU-2021-54/7"] + Closings.of2022
            if outside { trace.append("JI-2022-8/4") }
        }

        // I-8: any one alternative satisfies; the shortfall is the smallest of the alternatives' larger gaps.
        let total = actual + deemed
        let gaps = requirements.map { max($0.totalMonths - total, $0.actualMonths - actual, 0) }
        let shortfall = gaps.min() ?? 0
        let output = Value.object([
            Member(
                "requirements",
                .array(
                    requirements.map {
                        .object([Member("totalMonths", .int($0.totalMonths)), Member("actualMonths", .int($0.actualMonths))])
                    })),
            Member("met", .bool(shortfall == 0)),
            Member("shortfallMonths", .int(shortfall)),
        ])
        // I-26: from outside the province, retiring 2022-04-07 .. 2022-04-30, JI-2022-8/4 read as starting with (一).
        // I-39: from outside the province, retiring in the transition, (三)'s choice read as open to them too.
        var readings: [String] = []
        if outside && retirement >= p.date(.issue2022) && retirement < p.date(.notices2022Start) { readings.append("I-26") }
        if outside && retirement >= p.date(.issue2022) && retirement <= p.date(.minimumYearsTransitionEnd) { readings.append("I-39") }
        // Both change the requirements, and so whether they are met and by how much.
        let requirementsFields = ["requirements", "met", "shortfallMonths"]
        return Answer(
            output: output, trace: trace, interpretations: readings,
            readingFields: Dictionary(uniqueKeysWithValues: readings.map { ($0, requirementsFields) }))
    }
}
