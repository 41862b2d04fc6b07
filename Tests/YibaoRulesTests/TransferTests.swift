import Testing

@testable import YibaoRules

/// employee.transfer — LU-2020-47/2, JI-2020-19/2.1–2.3 (2020-09 .. 2022-04), LU-2021-54/3a–3d (from 2022-05)
/// (I-3, I-4, I-5).
@Suite struct TransferTests {
    static let op = "employee.transfer"

    static func input(_ category: Value, lastPaid: Value, reduction: Value, continuation: Value, backPays: Bool) -> Value {
        [
            "category": category, "lastPaidMonthOut": lastPaid, "reductionMonth": reduction,
            "continuationMonth": continuation, "backPaysGap": .bool(backPays),
        ]
    }

    /// LU-2021-54/3b: reduction 2022-06, "3个月内" = 2022-06..08. Continued 2022-08 with back pay → benefits from the
    /// continuation month ("自参保缴费的当月起"), gap expenses paid. 3c: continued 2022-09 → from the next month
    /// 2022-10; a back payment counts for years only. 3a: out-area benefits until the last paid month.
    @Test(
        arguments: [
            ("2022-08", true, true, "2022-08", true, true, "LU-2021-54/3b"),
            ("2022-08", false, true, "2022-08", false, false, "LU-2021-54/3b"),
            ("2022-09", true, false, "2022-10", true, false, "LU-2021-54/3c"),
            ("2022-09", false, false, "2022-10", false, false, "LU-2021-54/3c"),
        ] as [(Value, Bool, Bool, Value, Bool, Bool, String)])
    func employer2022Window(continuation: Value, backPays: Bool, within: Bool, from: Value, years: Bool, expenses: Bool, clause: String) {
        expectOutput(
            Self.op, Self.input("employer", lastPaid: "2022-05", reduction: "2022-06", continuation: continuation, backPays: backPays),
            [
                "outAreaBenefitsUntil": "2022-05", "withinWindow": .bool(within), "inAreaBenefitsFrom": from,
                "gapBackPayAllowed": true, "gapCountsTowardYears": .bool(years), "gapExpensesCovered": .bool(expenses),
            ],
            trace: ["LU-2021-54/3a", clause] + closings2022)
    }

    /// LU-2021-54/3d: flexible workers "按照以上规定执行".
    @Test func flexible2022FollowsTheSameRules() {
        expectOutput(
            Self.op, Self.input("flexible", lastPaid: "2023-01", reduction: "2023-02", continuation: "2023-06", backPays: false),
            ["withinWindow": false, "inAreaBenefitsFrom": "2023-07"],
            trace: ["LU-2021-54/3a", "LU-2021-54/3c", "LU-2021-54/3d"] + closings2022)
    }

    /// JI-2020-19/2.1 (当月) and 2.2: within 3 months with back pay → the in-area fund pays the gap; beyond →
    /// "不补缴中断缴费期间的医疗保险费……在转入地参保缴费的次月开始享受".
    @Test(
        arguments: [
            ("2021-05", true, "2021-05", true, true),
            ("2021-06", false, "2021-07", false, false),
        ] as [(Value, Bool, Value, Bool, Bool)])
    func employer2020Window(continuation: Value, within: Bool, from: Value, allowed: Bool, covered: Bool) {
        expectOutput(
            Self.op, Self.input("employer", lastPaid: "2021-02", reduction: "2021-03", continuation: continuation, backPays: true),
            [
                "outAreaBenefitsUntil": "2021-02", "withinWindow": .bool(within), "inAreaBenefitsFrom": from,
                "gapBackPayAllowed": .bool(allowed), "gapCountsTowardYears": .bool(covered), "gapExpensesCovered": .bool(covered),
            ],
            trace: ["LU-2020-47/2a", "LU-2020-47/2b", "JI-2020-19/2.1", "JI-2020-19/2.2"] + closings2020)
    }

    /// JI-2020-19/2.3: a flexible worker beyond 3 months benefits "在转入地连续缴费满6个月后": paid 2021-06..11 →
    /// from 2021-12 (I-5); within 3 months, from the continuation month with the gap's expenses paid when back-paid.
    @Test(
        arguments: [
            ("2021-06", false, "2021-12", false, false),
            ("2021-05", true, "2021-05", true, true),
        ] as [(Value, Bool, Value, Bool, Bool)])
    func flexible2020Window(continuation: Value, within: Bool, from: Value, allowed: Bool, covered: Bool) {
        expectOutput(
            Self.op, Self.input("flexible", lastPaid: "2021-02", reduction: "2021-03", continuation: continuation, backPays: true),
            [
                "withinWindow": .bool(within), "inAreaBenefitsFrom": from, "gapBackPayAllowed": .bool(allowed),
                "gapExpensesCovered": .bool(covered),
            ],
            trace: ["LU-2020-47/2d", "JI-2020-19/2.3"] + closings2020)
    }

    /// The rule in force is chosen by the continuation month: 2022-04 under JI-2020-19/2.3 (six paid months),
    /// 2022-05 under LU-2021-54/3c (the next month); before 2020-09 no notice applies.
    @Test func effectiveDates() {
        expectOutput(
            Self.op, Self.input("flexible", lastPaid: "2021-11", reduction: "2021-12", continuation: "2022-04", backPays: false),
            ["inAreaBenefitsFrom": "2022-10"])
        expectOutput(
            Self.op, Self.input("flexible", lastPaid: "2021-11", reduction: "2021-12", continuation: "2022-05", backPays: false),
            ["inAreaBenefitsFrom": "2022-06"])
        expectOutput(
            Self.op, Self.input("employer", lastPaid: "2020-05", reduction: "2020-06", continuation: "2020-09", backPays: false),
            ["inAreaBenefitsFrom": "2020-10"], trace: ["LU-2020-47/2a", "LU-2020-47/2b", "JI-2020-19/2.1", "JI-2020-19/2.2"] + closings2020)
        expectError(
            Self.op, Self.input("employer", lastPaid: "2020-05", reduction: "2020-06", continuation: "2020-08", backPays: false),
            .outOfScope, trace: closings2020 + closings2022)
    }

    /// "省内跨统筹地区": a transfer from another province is outside these notices (I-4).
    @Test func crossProvinceIsOutOfScope() {
        expectError(
            Self.op,
            Self.input("employer", lastPaid: "2023-01", reduction: "2023-02", continuation: "2023-03", backPays: true)
                .with("crossProvince", true), .outOfScope, trace: ["LU-2021-54/3a"])
        expectError(
            Self.op,
            Self.input("employer", lastPaid: "2021-01", reduction: "2021-02", continuation: "2021-03", backPays: true)
                .with("crossProvince", true), .outOfScope, trace: ["LU-2020-47/1", "JI-2020-19/1"])
        expectOutput(
            Self.op,
            Self.input("employer", lastPaid: "2023-01", reduction: "2023-02", continuation: "2023-03", backPays: true)
                .with("crossProvince", false), ["withinWindow": true])
    }

    /// I-28: continuing before the reduction month is an overlap (LU-2020-47/3 "重复参保"), valid input within the window.
    @Test func continuationBeforeReductionIsAnOverlap() {
        expectOutput(
            Self.op, Self.input("employer", lastPaid: "2022-05", reduction: "2022-06", continuation: "2022-05", backPays: false),
            ["outAreaBenefitsUntil": "2022-05", "withinWindow": true, "inAreaBenefitsFrom": "2022-05"],
            trace: ["LU-2021-54/3a", "LU-2021-54/3b", "LU-2021-54/10", "JI-2022-8/10"])
    }

    @Test(
        arguments: [
            (
                input("employer", lastPaid: "2022-06", reduction: "2022-05", continuation: "2022-07", backPays: true),
                "reductionMonth: before lastPaidMonthOut"
            ),
            (
                input("employer", lastPaid: "2022-00", reduction: "2022-06", continuation: "2022-07", backPays: true),
                "lastPaidMonthOut: not a month"
            ),
            (input("employee", lastPaid: "2022-05", reduction: "2022-06", continuation: "2022-07", backPays: true), "category: not one of"),
            (
                input("employer", lastPaid: "2022-05", reduction: "2022-06", continuation: "2022-07", backPays: true).without(
                    "backPaysGap"), "backPaysGap: required"
            ),
            (
                input("employer", lastPaid: "2022-05", reduction: "2022-06", continuation: "2022-07", backPays: true).with("area", "济宁"),
                "unknown field area"
            ),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}
