import Testing

@testable import YibaoRules

/// employee.interruption — LU-2021-54/2a–2c, JI-2022-8/7, 7.1, 7.2 (I-6, I-7).
@Suite struct InterruptionTests {
    static let op = "employee.interruption"

    /// Contract §4's example: arrears from 2022-08 → suspended from the next month 2022-09; paid up in
    /// 2022-12 → restored from the next month 2023-01 ("从补齐欠费和滞纳金的次月起，恢复"); the arrears count
    /// for years only ("只计算……缴费年限") and their expenses are not paid.
    @Test func employerSuspendedNextMonthRestoredMonthAfterSettling() {
        expectOutput(
            Self.op,
            ["category": "employer", "firstUnpaidMonth": "2022-08", "lastUnpaidMonth": "2022-11", "settledMonth": "2022-12"],
            [
                "suspendedFrom": "2022-09", "restoredFrom": "2023-01", "interruptionMonths": 4, "waitingMonths": 0,
                "arrearsCountTowardYears": true, "arrearsExpensesCovered": false,
            ],
            trace: ["LU-2021-54/2a", "LU-2021-54/2b", "JI-2022-8/7", "JI-2022-8/7.2"] + closings2022)
    }

    /// LU-2021-54/2c: flexible workers interrupted "超过3个月" wait 3 months including the payment month.
    /// 3 months interrupted → no wait (restored the month after settling); 4 months → settled in 2023-05,
    /// waiting 2023-05, 06, 07 → restored 2023-08.
    @Test(
        arguments: [
            ("2023-03", "2023-04", 3, 0, "2023-05"),
            ("2023-04", "2023-05", 4, 3, "2023-08"),
        ] as [(Value, Value, Int, Int, Value)])
    func flexibleWaitingOnlyBeyondThreeMonths(last: Value, settled: Value, months: Int, waiting: Int, restored: Value) {
        expectOutput(
            Self.op,
            ["category": "flexible", "firstUnpaidMonth": "2023-01", "lastUnpaidMonth": last, "settledMonth": settled],
            [
                "suspendedFrom": "2023-02", "restoredFrom": restored, "interruptionMonths": .number(String(months)),
                "waitingMonths": .number(String(waiting)), "arrearsCountTowardYears": true, "arrearsExpensesCovered": false,
            ],
            trace: ["LU-2021-54/2a", "LU-2021-54/2b", "LU-2021-54/2c"] + closings2022)
    }

    /// Not yet settled: suspended, not restored, the arrears count for nothing (I-7).
    @Test func unsettledEmployer() {
        expectOutput(
            Self.op,
            ["category": "employer", "firstUnpaidMonth": "2023-01", "lastUnpaidMonth": "2023-02"],
            [
                "suspendedFrom": "2023-02", "restoredFrom": nil, "interruptionMonths": 2, "waitingMonths": 0,
                "arrearsCountTowardYears": false, "arrearsExpensesCovered": false,
            ],
            trace: ["LU-2021-54/2a", "JI-2022-8/7"] + closings2022)
        expectOutput(
            Self.op,
            ["category": "employer", "firstUnpaidMonth": "2023-01", "lastUnpaidMonth": "2023-02", "settledMonth": nil],
            ["restoredFrom": nil])
    }

    /// The arrears and the last unpaid month may be paid together (I-7).
    @Test func settledInTheLastUnpaidMonth() {
        expectOutput(
            Self.op,
            ["category": "employer", "firstUnpaidMonth": "2023-01", "lastUnpaidMonth": "2023-03", "settledMonth": "2023-03"],
            ["restoredFrom": "2023-04", "interruptionMonths": 3])
    }

    /// JI-2022-8/7 "本通知下发次月起6个月内" = 2022-05 .. 2022-10; 7.1: historical arrears (before the issue,
    /// I-6: up to 2022-03) settled in it by an employer paying on time keep their expenses covered;
    /// 7.2: from 2022-11 they are not.
    @Test(
        arguments: [
            ("2022-05", true, true, "JI-2022-8/7.1"),
            ("2022-10", true, true, "JI-2022-8/7.1"),
            ("2022-11", true, false, "JI-2022-8/7.2"),
            ("2023-06", true, false, "JI-2022-8/7.2"),
            ("2022-06", false, false, "JI-2022-8/7.1"),
        ] as [(Value, Bool, Bool, String)])
    func historicalArrearsTransition(settled: Value, onTime: Bool, covered: Bool, clause: String) {
        expectOutput(
            Self.op,
            [
                "category": "employer", "firstUnpaidMonth": "2021-06", "lastUnpaidMonth": "2022-03",
                "settledMonth": settled, "currentContributionsOnTime": .bool(onTime),
            ],
            ["arrearsExpensesCovered": .bool(covered), "arrearsCountTowardYears": true],
            trace: ["LU-2021-54/2a", "LU-2021-54/2b", "JI-2022-8/7", clause] + closings2022)
    }

    /// Arrears running into 2022-04 are not all "本通知下发前" (I-6): no transition relief.
    @Test func arrearsReachingTheIssueMonthAreNotHistorical() {
        expectOutput(
            Self.op,
            ["category": "employer", "firstUnpaidMonth": "2022-02", "lastUnpaidMonth": "2022-04", "settledMonth": "2022-06"],
            ["arrearsExpensesCovered": false],
            trace: ["LU-2021-54/2a", "LU-2021-54/2b", "JI-2022-8/7"] + closings2022)
    }

    /// 7.1 speaks of 参保单位; flexible workers follow 2c, which has no transition (I-6).
    @Test func flexibleWorkersHaveNoTransitionRelief() {
        expectOutput(
            Self.op,
            ["category": "flexible", "firstUnpaidMonth": "2021-06", "lastUnpaidMonth": "2022-03", "settledMonth": "2022-06"],
            ["arrearsExpensesCovered": false, "waitingMonths": 3, "restoredFrom": "2022-09"],
            trace: ["LU-2021-54/2a", "LU-2021-54/2b", "LU-2021-54/2c"] + closings2022)
    }

    /// The event: settledMonth, or the first suspended month; before 2022-05 → out-of-scope.
    @Test func effectiveDate() {
        expectError(
            Self.op, ["category": "employer", "firstUnpaidMonth": "2021-06", "lastUnpaidMonth": "2022-03", "settledMonth": "2022-04"],
            .outOfScope, trace: closings2022)
        expectError(
            Self.op, ["category": "employer", "firstUnpaidMonth": "2022-03", "lastUnpaidMonth": "2022-03"],
            .outOfScope, trace: closings2022)
        expectOutput(
            Self.op, ["category": "employer", "firstUnpaidMonth": "2022-04", "lastUnpaidMonth": "2022-04"],
            ["suspendedFrom": "2022-05", "restoredFrom": nil])
    }

    @Test(
        arguments: [
            (
                ["category": "employer", "firstUnpaidMonth": "2023-05", "lastUnpaidMonth": "2023-04"],
                "lastUnpaidMonth: before firstUnpaidMonth"
            ),
            (
                ["category": "employer", "firstUnpaidMonth": "2023-01", "lastUnpaidMonth": "2023-04", "settledMonth": "2023-03"],
                "settledMonth: before lastUnpaidMonth"
            ),
            (["category": "employer", "firstUnpaidMonth": "2023-13", "lastUnpaidMonth": "2023-04"], "firstUnpaidMonth: not a month"),
            (["category": "self-employed", "firstUnpaidMonth": "2023-01", "lastUnpaidMonth": "2023-04"], "category: not one of"),
            (["category": "employer", "lastUnpaidMonth": "2023-04"], "firstUnpaidMonth: required"),
            (
                ["category": "employer", "firstUnpaidMonth": "2023-01", "lastUnpaidMonth": "2023-04", "lateFees": "10.00"],
                "unknown field lateFees"
            ),
            (
                ["category": "employer", "firstUnpaidMonth": "2023-01", "lastUnpaidMonth": "2023-04", "currentContributionsOnTime": "yes"],
                "currentContributionsOnTime: not a boolean"
            ),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}
