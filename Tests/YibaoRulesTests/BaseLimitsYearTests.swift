import Testing

@testable import YibaoRules

/// employee.base-limits-year — LU-2021-54/8 "自公告之日的次月起……按公告的平均工资调整……；公告之日的当月前（含公告
/// 当月）继续按上一年度公布的平均工资执行" (I-17).
@Suite struct BaseLimitsYearTests {
    static let op = "employee.base-limits-year"
    static let announcements: Value = [["wageYear": 2021, "date": "2022-06-20"], ["wageYear": 2022, "date": "2023-07-15"]]

    /// The announcement month still uses the previous year's; the month after uses the announced one.
    @Test(
        arguments: [
            ("2023-07", 2021), ("2023-08", 2022), ("2022-06", 2020), ("2022-07", 2021), ("2022-05", 2020), ("2030-01", 2022),
        ] as [(Value, Int)])
    func wageYearInForce(month: Value, wageYear: Int) {
        expectOutput(
            Self.op, ["month": month, "announcements": Self.announcements], ["wageYear": .number(String(wageYear))],
            trace: ["LU-2021-54/8"] + closings2022)
    }

    /// I-17: with none in force, the answer falls back to the year before the earliest given; that year's wage is
    /// announced only after it ends, so it can apply from February of the next year at the earliest.
    @Test(arguments: [("2022-09", nil), ("2023-01", nil), ("2023-02", 2022), ("2024-07", 2022)] as [(Value, Int?)])
    func fallbackYearMustBeAnnounceable(month: Value, wageYear: Int?) {
        let input: Value = ["month": month, "announcements": [["wageYear": 2023, "date": "2024-07-10"]]]
        if let wageYear {
            expectOutput(Self.op, input, ["wageYear": .number(String(wageYear))], trace: ["LU-2021-54/8"] + closings2022)
        } else {
            expectError(Self.op, input, .invalidInput, message: "announcements: none is in force")
        }
    }

    @Test func beforeMay2022IsOutOfScope() {
        expectError(Self.op, ["month": "2022-04", "announcements": Self.announcements], .outOfScope, trace: closings2022)
    }

    @Test(
        arguments: [
            (["month": "2023-07", "announcements": []], "announcements: empty"),
            (
                ["month": "2023-07", "announcements": [["wageYear": "2022", "date": "2023-07-15"]]],
                "announcements[0].wageYear: not an integer"
            ),
            (["month": "2023-07", "announcements": [["wageYear": 2022, "date": "2023-02-30"]]], "announcements[0].date: not a date"),
            (["month": "2023-07", "announcements": [["wageYear": 2022]]], "announcements[0].date: required"),
            (
                ["month": "2023-07", "announcements": [["wageYear": 2022, "date": "2023-07-15", "by": "省人社厅"]]],
                "unknown field announcements[0].by"
            ),
            (
                ["month": "2023-07", "announcements": [["wageYear": 99999, "date": "2023-07-15"]]],
                "announcements[0].wageYear: out of range"
            ),
            (["month": "2023-07"], "announcements: required"),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}
