import Testing

@testable import YibaoRules

/// employee.retiree-benefits-start — JI-2022-8/5c, 6a, 6b, JI-2020-19/3.3 (I-11).
@Suite struct RetireeBenefitsStartTests {
    static let op = "employee.retiree-benefits-start"

    static func lumpSum(_ status: Value, pension: Value?, paid: Value) -> Value {
        var v: Value = ["method": "lump-sum", "status": status, "lumpSumPaidDate": paid]
        if let pension { v = v.with("pensionFirstMonth", pension) }
        return v
    }

    /// 6b: on time and in full, paid "于领取养老金的3个月内" (pension from 2023-03: paid by 2023-05) → from the first
    /// pension month; 6a otherwise: "一次性补足……后，次月起".
    @Test(
        arguments: [
            ("on-time-full", "2023-05-31", "2023-03", "JI-2022-8/6b"),
            ("on-time-full", "2023-03-01", "2023-03", "JI-2022-8/6b"),
            ("on-time-full", "2023-06-01", "2023-07", "JI-2022-8/6a"),
            ("not-on-time-full", "2023-05-10", "2023-06", "JI-2022-8/6a"),
            ("drawing-pension", "2023-12-31", "2024-01", "JI-2022-8/6a"),
        ] as [(Value, Value, Value, String)])
    func lumpSumStart(status: Value, paid: Value, from: Value, clause: String) {
        expectOutput(
            Self.op, Self.lumpSum(status, pension: "2023-03", paid: paid),
            ["retireeBenefitsFrom": from, "inServiceBenefitsUntil": nil], trace: [clause, "JI-2022-8/10"])
    }

    /// The 2020 notices say nothing of when benefits start after a lump sum (I-11).
    @Test func lumpSumBeforeMay2022IsOutOfScope() {
        expectError(Self.op, Self.lumpSum("not-on-time-full", pension: nil, paid: "2022-04-30"), .outOfScope, trace: ["JI-2022-8/10"])
        expectOutput(Self.op, Self.lumpSum("not-on-time-full", pension: nil, paid: "2022-05-01"), ["retireeBenefitsFrom": "2022-06"])
    }

    /// JI-2022-8/5c "继续缴费达到最低缴费年限后，自次月起享受退休人员的医疗保险待遇", in-service benefits until then;
    /// before 2022-05 JI-2020-19/3.3 "缴费期间享受在职职工医疗保险待遇".
    @Test(
        arguments: [
            ("2024-06", "2024-07", ["JI-2022-8/5c", "JI-2022-8/10"]),
            ("2022-05", "2022-06", ["JI-2022-8/5c", "JI-2022-8/10"]),
            ("2022-04", "2022-05", ["JI-2020-19/3.3", "JI-2020-19/4"]),
            ("2020-09", "2020-10", ["JI-2020-19/3.3", "JI-2020-19/4"]),
        ] as [(Value, Value, [String])])
    func continuedPayment(reached: Value, from: Value, trace: [String]) {
        expectOutput(
            Self.op, ["method": "continued-payment", "minimumReachedMonth": reached],
            ["retireeBenefitsFrom": from, "inServiceBenefitsUntil": reached], trace: trace)
    }

    @Test func continuedPaymentBefore2020IsOutOfScope() {
        expectError(
            Self.op, ["method": "continued-payment", "minimumReachedMonth": "2020-08"], .outOfScope,
            trace: ["JI-2020-19/4", "JI-2022-8/10"])
    }

    @Test(
        arguments: [
            (["method": "lump-sum", "status": "on-time-full"], "lumpSumPaidDate: required"),
            (["method": "lump-sum", "status": "on-time-full", "lumpSumPaidDate": "2023-05-01"], "pensionFirstMonth: required"),
            (["method": "lump-sum", "lumpSumPaidDate": "2023-05-01"], "status: required"),
            (["method": "continued-payment"], "minimumReachedMonth: required"),
            (["method": "instalments", "minimumReachedMonth": "2023-05"], "method: not one of"),
            (["method": "continued-payment", "minimumReachedMonth": "2023-5"], "minimumReachedMonth: not a month"),
            (["minimumReachedMonth": "2023-05"], "method: required"),
            (["method": "continued-payment", "minimumReachedMonth": "2023-05", "pension": "3000"], "unknown field pension"),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}
