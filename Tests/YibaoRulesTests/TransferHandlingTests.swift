import Testing

@testable import YibaoRules

/// employee.transfer-handling — LU-2021-54/9 (I-18): within a city no transfer; 9 working days inside Shandong,
/// 15 across provinces, counted after the application day.
@Suite struct TransferHandlingTests {
    static let op = "employee.transfer-handling"

    static func input(
        from: Value, to: Value, fromProvince: Value = "山东省", toProvince: Value = "山东省", applied: Value,
        holidays: Value = [], extra: Value = []
    ) -> Value {
        [
            "fromCity": from, "toCity": to, "fromProvince": fromProvince, "toProvince": toProvince, "applicationDate": applied,
            "holidays": holidays, "extraWorkdays": extra,
        ]
    }

    /// "省内设区的市内流动就业的，无需办理".
    @Test func withinOneCityNoTransfer() {
        expectOutput(
            Self.op, Self.input(from: "济宁市", to: "济宁市", fromProvince: "山东", applied: "2023-06-02"),
            ["transferNeeded": false, "deadline": nil], trace: ["LU-2021-54/9"] + closings2022)
    }

    /// Applied Friday 2023-06-02: 9 working days = Mon 06-05 .. Fri 06-09 (5), Mon 06-12 .. Thu 06-15 (9);
    /// across provinces 15 = .. Fri 06-23.
    @Test func plainWeeks() {
        expectOutput(
            Self.op, Self.input(from: "济南市", to: "济宁市", applied: "2023-06-02"),
            ["transferNeeded": true, "deadline": "2023-06-15"], trace: ["LU-2021-54/9"] + closings2022)
        expectOutput(
            Self.op, Self.input(from: "南京市", to: "济宁市", fromProvince: "江苏省", applied: "2023-06-02"),
            ["transferNeeded": true, "deadline": "2023-06-23"])
    }

    /// National Day 2023: applied Thursday 09-28; holidays 09-29 and 10-02..06 (09-30, 10-01 are a weekend); make-up
    /// working days Saturday 10-07 and Sunday 10-08. Working days after 09-28: 10-07 (1), 10-08 (2), 10-09..13 (3–7),
    /// 10-16 (8), 10-17 (9).
    @Test func holidaysAndMakeUpDays() {
        expectOutput(
            Self.op,
            Self.input(
                from: "济南市", to: "济宁市", applied: "2023-09-28",
                holidays: ["2023-09-29", "2023-10-02", "2023-10-03", "2023-10-04", "2023-10-05", "2023-10-06"],
                extra: ["2023-10-07", "2023-10-08"]),
            ["deadline": "2023-10-17"])
        // Without the make-up days: 10-09..13 (1–5), 10-16..19 (6–9).
        expectOutput(
            Self.op,
            Self.input(
                from: "济南市", to: "济宁市", applied: "2023-09-28",
                holidays: ["2023-09-29", "2023-10-02", "2023-10-03", "2023-10-04", "2023-10-05", "2023-10-06"]),
            ["deadline": "2023-10-19"])
    }

    /// A Saturday application: the count starts on Monday (Mon 2023-06-05 .. Thu 06-15 = 9).
    @Test func applicationOnAWeekend() {
        expectOutput(Self.op, Self.input(from: "济南市", to: "济宁市", applied: "2023-06-03"), ["deadline": "2023-06-15"])
    }

    /// Neither side in Shandong: not a Shandong notice's case (I-18).
    @Test func neitherSideShandong() {
        expectError(
            Self.op, Self.input(from: "南京市", to: "杭州市", fromProvince: "江苏省", toProvince: "浙江省", applied: "2023-06-02"),
            .outOfScope, trace: ["LU-2021-54/9"])
    }

    @Test func effectiveDate() {
        expectError(Self.op, Self.input(from: "济南市", to: "济宁市", applied: "2022-04-30"), .outOfScope, trace: closings2022)
        // Sunday 2022-05-01 → Mon 05-02 .. Fri 05-06 (5), Mon 05-09 .. Thu 05-12 (9).
        expectOutput(Self.op, Self.input(from: "济南市", to: "济宁市", applied: "2022-05-01"), ["deadline": "2022-05-12"])
    }

    @Test(
        arguments: [
            (input(from: "济南市", to: "济宁市", applied: "2023-06-02", holidays: ["2023-02-30"]), "holidays[0]: not a date"),
            (input(from: "济南市", to: "济宁市", applied: "2023-06-02", holidays: "2023-06-05"), "holidays: not a list"),
            (input(from: "", to: "济宁市", applied: "2023-06-02"), "fromCity: empty"),
            (input(from: "济南市", to: "济宁市", applied: "2023-6-2"), "applicationDate: not a date"),
            (input(from: "济南市", to: "济宁市", applied: "2023-06-02").without("toProvince"), "toProvince: required"),
            (input(from: "济南市", to: "济宁市", applied: "2023-06-02").with("channel", "online"), "unknown field channel"),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}
