/// `employee.first-enrollment` — when a first-time contributor's benefits start.
///
/// LU-2021-54/1: "参保职工自缴费次月起，享受职工基本医疗保险待遇……灵活就业人员……参加职工基本医疗保险，
/// 不受参保地户籍限制，自参保缴费的次月起享受". Event: `firstContributionMonth`.
enum EmployeeFirstEnrollment {
    static let schema = OperationSchema(
        name: "employee.first-enrollment",
        clauses: ["LU-2021-54/1"],
        event: ["firstContributionMonth"],
        input: [
            Field("category", .category),
            Field("firstContributionMonth", .month),
            .optional("localHukou", .bool, default: .bool(true)),
        ],
        output: [
            Field("eligible", .bool),
            Field("benefitsFrom", .month),
        ]
    )

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        let first = try input.month("firstContributionMonth")
        // I-22, I-1: the rule governs first contributions from 2022-05 (JI-2022-8/10).
        guard first >= p.date(.notices2022Start).monthValue else {
            throw .outOfScope(
                "firstContributionMonth \(first): before 2022-05, when LU-2021-54 and JI-2022-8 took effect in Jining",
                Closings.of2022)
        }
        // LU-2021-54/1, I-22: employers must enrol their staff; flexible workers enrol "不受参保地户籍限制",
        // so `localHukou` never makes anyone ineligible.
        _ = try input.bool("localHukou")
        // LU-2021-54/1: "自缴费次月起" / "自参保缴费的次月起" — both categories.
        let output = Value.object([
            Member("eligible", .bool(true)),
            Member("benefitsFrom", .text(first + p.count(.firstEnrollmentOffset, on: first.firstDay))),
        ])
        return Answer(output: output, trace: ["LU-2021-54/1"] + Closings.of2022)
    }
}
