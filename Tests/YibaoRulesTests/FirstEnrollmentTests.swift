import Testing

@testable import YibaoRules

/// employee.first-enrollment — LU-2021-54/1 (I-22).
@Suite struct FirstEnrollmentTests {
    static let op = "employee.first-enrollment"

    /// "自缴费次月起" / "自参保缴费的次月起"; "不受参保地户籍限制".
    @Test(
        arguments: [
            ("employer", "2022-05", true, "2022-06"),
            ("flexible", "2023-12", false, "2024-01"),
            ("flexible", "2030-06", true, "2030-07"),
        ] as [(Value, Value, Bool, Value)])
    func benefitsFromTheNextMonth(category: Value, first: Value, localHukou: Bool, from: Value) {
        expectOutput(
            Self.op, ["category": category, "firstContributionMonth": first, "localHukou": .bool(localHukou)],
            ["eligible": true, "benefitsFrom": from], trace: ["LU-2021-54/1"] + closings2022)
    }

    /// In force in Jining from 2022-05-01 (I-1).
    @Test func beforeMay2022IsOutOfScope() {
        expectError(Self.op, ["category": "employer", "firstContributionMonth": "2022-04"], .outOfScope, trace: closings2022)
    }

    @Test(
        arguments: [
            (["category": "employer", "firstContributionMonth": "2022-5"], "firstContributionMonth: not a month"),
            (["category": "employer"], "firstContributionMonth: required"),
            (["category": "employer", "firstContributionMonth": "2022-05", "localHukou": 1], "localHukou: not a boolean"),
            (["category": "retired", "firstContributionMonth": "2022-05"], "category: not one of"),
            (["category": "employer", "firstContributionMonth": "2022-05", "hukou": "济宁"], "unknown field hukou"),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}
