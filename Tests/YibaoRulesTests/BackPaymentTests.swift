import Testing

@testable import YibaoRules

/// employee.back-payment — JI-2020-19/3.2a–c, 3.3, 3.4, LU-2020-47/5; JI-2022-8/5a–5c (I-9, I-10, I-20).
@Suite struct BackPaymentTests {
    static let op = "employee.back-payment"

    static func input(
        _ status: Value, _ date: Value, months: Int, category: Value = "employer",
        last: Value? = nil, due: Value? = nil, pension: Value? = nil, minimum: Value? = nil
    ) -> Value {
        var v: Value = ["category": category, "status": status, "shortfallMonths": .number(String(months)), "paymentDate": date]
        if let last { v = v.with("lastContributionBase", last) }
        if let due { v = v.with("previousMonthDueBase", due) }
        if let pension { v = v.with("previousMonthPension", pension) }
        if let minimum { v = v.with("minimumBase", minimum) }
        return v
    }

    static let alternatives: Value = ["continued-payment", "resident-insurance"]

    /// "按本人最后一次缴费基数和7%的比例……一次性补足", rounded half-up once at the end (contract §2):
    /// 1000.50 × 7% × 1 = 70.035 → 70.04; 3528.50 × 7% × 13 = 3210.935 → 3210.94 (rounding each month first would give
    /// 247.00 × 13 = 3211.00); 0.50 × 7% = 0.035 → 0.04 (half a fen rounds up); 0.07 × 7% = 0.0049 → 0.00;
    /// 0.08 × 7% = 0.0056 → 0.01.
    @Test(
        arguments: [
            ("1000.50", 1, "70.04"), ("3528.50", 13, "3210.94"), ("0.50", 1, "0.04"), ("0.07", 1, "0.00"), ("0.08", 1, "0.01"),
            ("3528", 0, "0.00"), ("5000", 240, "84000.00"),
        ] as [(Value, Int, Value)])
    func onTimeFullUsesTheLastBase(base: Value, months: Int, amount: Value) {
        let expected: Value = [
            "base": .string(Money(base.text)?.description ?? "?"), "rate": "0.07",
            "months": .number(String(months)), "amount": amount, "payer": "employer",
            "personalAccountCredit": "0.00", "alternatives": Self.alternatives,
        ]
        expectOutput(
            Self.op, Self.input("on-time-full", "2021-06-01", months: months, last: base, minimum: "9999"), expected,
            trace: ["JI-2020-19/3.2a", "JI-2020-19/3.3", "JI-2020-19/3.4", "LU-2020-47/5", "JI-2020-19/4", "LU-2020-47/7"])
        expectOutput(
            Self.op, Self.input("on-time-full", "2023-06-01", months: months, last: base, minimum: "9999"), expected,
            trace: ["JI-2022-8/5a", "JI-2022-8/5b", "JI-2022-8/5c", "JI-2020-19/3.4", "JI-2022-8/10"])
    }

    /// JI-2020-19/3.2b "按退休时上月应缴纳基本医疗保险费的基数(低于……当年最低缴费基数的，按当年最低缴费基数)";
    /// 3.2c the previous month's pension, floored the same way.
    @Test(
        arguments: [
            ("not-on-time-full", "3000", nil, "3500", "3500.00", "JI-2020-19/3.2b"),
            ("not-on-time-full", "4000", nil, "3500", "4000.00", "JI-2020-19/3.2b"),
            ("drawing-pension", nil, "2800", "3300", "3300.00", "JI-2020-19/3.2c"),
            ("drawing-pension", nil, "4100.10", "3300", "4100.10", "JI-2020-19/3.2c"),
        ] as [(Value, Value?, Value?, Value, Value, String)])
    func flooredBases2020(status: Value, due: Value?, pension: Value?, minimum: Value, base: Value, clause: String) {
        expectOutput(
            Self.op, Self.input(status, "2022-04-30", months: 10, due: due, pension: pension, minimum: minimum),
            ["base": base],
            trace: [clause, "JI-2020-19/3.3", "JI-2020-19/3.4", "LU-2020-47/5", "JI-2020-19/4", "LU-2020-47/7"])
    }

    /// JI-2022-8/5b from 2022-05-01: "未参加职工医疗保险或未按时足额缴纳……按照当年最低缴费基数".
    @Test(arguments: ["not-on-time-full", "not-enrolled"] as [Value])
    func minimumBaseFrom2022(status: Value) {
        expectOutput(
            Self.op, Self.input(status, "2022-05-01", months: 10, due: "5000", minimum: "3500"),
            ["base": "3500.00", "amount": "2450.00"],
            trace: ["JI-2022-8/5a", "JI-2022-8/5b", "JI-2022-8/5c", "JI-2020-19/3.4", "JI-2022-8/10"])
    }

    /// The day before 2022-05-01 the previous month's due base still counts (JI-2020-19/3.2b).
    @Test func dueBaseTheDayBefore() {
        expectOutput(
            Self.op, Self.input("not-on-time-full", "2022-04-30", months: 10, due: "5000", minimum: "3500"),
            ["base": "5000.00", "amount": "3500.00"])
    }

    /// Not enrolled under the 2020 notices: JI-2020-19/3.5 defers to 济医保发〔2019〕50号.
    @Test func notEnrolled2020IsOutOfScope() {
        expectError(Self.op, Self.input("not-enrolled", "2021-01-04", months: 10, minimum: "3500"), .outOfScope, trace: ["JI-2020-19/3.5"])
    }

    /// I-9: a pension drawer pays on JI-2020-19/3.2c until it expires (2025-08-31); after it no rule speaks of pension
    /// drawers (JI-2022-8/5 speaks of those retiring), so out-of-scope, before any base is needed.
    @Test func pensionDrawersAcrossTheExpiryOf2020Notices() {
        expectOutput(
            Self.op, Self.input("drawing-pension", "2025-08-31", months: 12, pension: "5000", minimum: "3600"),
            ["base": "5000.00", "amount": "4200.00"],
            trace: ["JI-2022-8/5a", "JI-2020-19/3.2c", "JI-2020-19/4", "JI-2022-8/5c", "JI-2020-19/3.4", "JI-2022-8/10"])
        expectError(
            Self.op, Self.input("drawing-pension", "2025-09-01", months: 12, pension: "5000", minimum: "3600"),
            .outOfScope, trace: ["JI-2022-8/5b", "JI-2020-19/3.2c", "JI-2020-19/4"])
        expectError(
            Self.op, Self.input("drawing-pension", "2026-03-01", months: 12), .outOfScope,
            trace: ["JI-2022-8/5b", "JI-2020-19/3.2c", "JI-2020-19/4"])
    }

    /// "由单位(灵活就业人员由本人)".
    @Test func flexibleWorkersPayThemselves() {
        expectOutput(
            Self.op, Self.input("on-time-full", "2024-01-02", months: 1, category: "flexible", last: "4000"),
            ["payer": "individual", "amount": "280.00"])
    }

    @Test func moneyAsANumber() {
        expectOutput(
            Self.op, Self.input("on-time-full", "2024-01-02", months: 2, last: .number("3528.5")),
            ["base": "3528.50", "amount": "493.99"])
    }

    @Test(arguments: ["2020-08-31", "2019-01-01"] as [Value])
    func before2020IsOutOfScope(date: Value) {
        expectError(
            Self.op, Self.input("on-time-full", date, months: 1, last: "4000"), .outOfScope,
            trace: ["LU-2020-47/7", "JI-2020-19/4", "JI-2022-8/10"])
    }

    @Test func theFirstDayIsIn() {
        expectOutput(Self.op, Self.input("on-time-full", "2020-09-01", months: 1, last: "4000"), ["amount": "280.00"])
    }

    @Test(
        arguments: [
            (input("on-time-full", "2023-06-01", months: 10, minimum: "3500"), "lastContributionBase: required"),
            (input("not-enrolled", "2023-06-01", months: 10), "minimumBase: required"),
            (input("not-on-time-full", "2021-06-01", months: 10, minimum: "3500"), "previousMonthDueBase: required"),
            (input("drawing-pension", "2021-06-01", months: 10, pension: "3000"), "minimumBase: required"),
            (input("on-time-full", "2023-06-01", months: 10, last: "3528.123"), "lastContributionBase: not money"),
            (input("on-time-full", "2023-06-01", months: 10, last: "-1.00"), "lastContributionBase: not money"),
            (input("on-time-full", "2023-06-01", months: 10, last: .number("1e3")), "lastContributionBase: not money"),
            (input("on-time-full", "2023-06-01", months: 10, last: .number("99999999999999999999")), "lastContributionBase: not money"),
            (input("on-time-full", "2023-06-01", months: -1, last: "1"), "shortfallMonths: out of range"),
            (input("on-time-full", "2023-06-01", months: 1201, last: "1"), "shortfallMonths: out of range"),
            (input("late", "2023-06-01", months: 1, last: "1"), "status: not one of"),
            (input("on-time-full", "2023-06-01", months: 1, last: "1").without("status"), "status: required"),
            (input("on-time-full", "2023-06-31", months: 1, last: "1"), "paymentDate: not a date"),
            (input("on-time-full", "2023-06-01", months: 1, last: "1").with("rate", "0.07"), "unknown field rate"),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}

extension Value {
    var text: String {
        switch self {
        case .string(let s), .number(let s): s
        default: ""
        }
    }
}
