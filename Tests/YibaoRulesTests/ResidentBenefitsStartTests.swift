import Testing

@testable import YibaoRules

/// resident.benefits-start — LU-2021-54/4a–4d, JI-2022-8/8 (I-12, I-13).
@Suite struct ResidentBenefitsStartTests {
    static let op = "resident.benefits-start"

    static func input(_ year: Int, _ paid: Value, _ group: Value = "none") -> Value {
        ["coverageYear": .number(String(year)), "paymentDate": paid, "specialGroup": group]
    }

    /// "集中征缴期统一为每年的9月至12月，居民在集中征缴期按时缴纳医保费的，自次年1月1日起享受"; paid on or after
    /// January 1: "设置3个月的待遇享受等待期" including the payment month → January → April 1; special groups "不设置
    /// 待遇等待期" (from the payment).
    @Test(
        arguments: [
            (2024, "2023-09-01", "none", "2024-01-01", 0, "LU-2021-54/4a"),
            (2024, "2023-12-31", "none", "2024-01-01", 0, "LU-2021-54/4a"),
            (2024, "2023-10-10", "low-income", "2024-01-01", 0, "LU-2021-54/4a"),
            (2024, "2024-01-01", "none", "2024-04-01", 3, "LU-2021-54/4b"),
            (2024, "2024-03-15", "none", "2024-06-01", 3, "LU-2021-54/4b"),
            (2024, "2024-01-01", "subsistence-allowance", "2024-01-01", 0, "LU-2021-54/4c"),
            (2024, "2024-03-15", "extreme-poverty", "2024-03-15", 0, "LU-2021-54/4c"),
            (2024, "2024-05-20", "relapse-poverty", "2024-05-20", 0, "LU-2021-54/4c"),
            (2024, "2024-02-29", "none", "2024-05-01", 3, "LU-2021-54/4b"),
        ] as [(Int, Value, Value, Value, Int, String)])
    func benefitsStart(year: Int, paid: Value, group: Value, from: Value, waiting: Int, clause: String) {
        expectOutput(
            Self.op, Self.input(year, paid, group), ["benefitsFrom": from, "waitingMonths": .number(String(waiting))],
            trace: [clause, "LU-2021-54/4d", "JI-2022-8/8"])
    }

    /// JI-2022-8/8 "自2023年起" (I-12): the first unified collection period (2023-09..12) is for coverage year 2024;
    /// coverage years up to 2023 follow Jining's earlier policy, whatever the payment date, checked before it.
    @Test(
        arguments: [
            (2023, "2022-12-31"), (2023, "2022-09-01"), (2023, "2023-01-01"), (2023, "2023-12-31"),
            (2023, "2024-01-01"), (2022, "2022-05-10"), (2023, "2020-01-01"),
        ] as [(Int, Value)])
    func coverageYearsBefore2024AreOutOfScope(year: Int, paid: Value) {
        expectError(Self.op, Self.input(year, paid), .outOfScope, trace: ["LU-2021-54/4d", "JI-2022-8/8"])
    }

    @Test func specialGroupDefaultsToNone() {
        expectOutput(Self.op, ["coverageYear": 2024, "paymentDate": "2024-02-10"], ["benefitsFrom": "2024-05-01", "waitingMonths": 3])
    }

    /// August 31 is before the collection period opens; January 1 after the coverage year is too late (I-13).
    @Test(
        arguments: [
            (input(2024, "2023-08-31"), "paymentDate: outside"),
            (input(2024, "2025-01-01"), "paymentDate: outside"),
            (input(2024, "2024-01-01", "poor"), "specialGroup: not one of"),
            (input(2024, "2024-02-30"), "paymentDate: not a date"),
            (["paymentDate": "2024-01-01"], "coverageYear: required"),
            (input(2024, "2024-01-01").with("coverageYear", "2024"), "coverageYear: not an integer"),
            (input(2024, "2024-01-01").with("amount", "380"), "unknown field amount"),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}
