import Testing

@testable import YibaoRules

/// employee.minimum-years — JI-2020-19/3.1, LU-2020-47/5, LU-2021-54/6, 7, JI-2022-8/1, 3, 4 (I-8, I-19).
@Suite struct MinimumYearsTests {
    static let op = "employee.minimum-years"

    static func input(_ sex: Value, _ date: Value, actual: Int, deemed: Int, outside: Bool = false) -> Value {
        [
            "sex": sex, "retirementDate": date, "actualMonths": .number(String(actual)), "deemedMonths": .number(String(deemed)),
            "fromOutsideProvince": .bool(outside),
        ]
    }

    static let first: [String] = ["JI-2020-19/3.1", "LU-2020-47/5", "JI-2020-19/4", "LU-2020-47/7"]
    static let second: [String] = ["JI-2022-8/1", "JI-2022-8/3", "LU-2020-47/5", "LU-2020-47/7"]
    static let third: [String] = ["JI-2022-8/1", "JI-2022-8/3", "LU-2021-54/6", "LU-2021-54/7"] + closings2022

    /// After the transition (from 2026-01-01) JI-2022-8/3: "男30年，女职工25年" = 360 / 300 months, actual + deemed.
    @Test(
        arguments: [
            ("male", 300, 60, true, 0), ("male", 300, 59, false, 1), ("male", 300, 61, true, 0),
            ("female", 250, 50, true, 0), ("female", 250, 49, false, 1), ("female", 250, 51, true, 0),
            ("male", 120, 0, false, 240),
        ] as [(Value, Int, Int, Bool, Int)])
    func afterTheTransition(sex: Value, actual: Int, deemed: Int, met: Bool, shortfall: Int) {
        let total: Value = sex == "male" ? 360 : 300
        expectOutput(
            Self.op, Self.input(sex, "2026-01-01", actual: actual, deemed: deemed),
            [
                "requirements": [["totalMonths": total, "actualMonths": 0]], "met": .bool(met),
                "shortfallMonths": .number(String(shortfall)),
            ],
            trace: Self.third)
    }

    /// In the transition (to 2025-12-31) JI-2022-8/3 "可选择按照新的最低缴费年限或实际缴费满10年": 120 actual months
    /// suffice, 119 fall one short (the nearer alternative).
    @Test(
        arguments: [
            ("2025-12-31", 120, 0, true, 0), ("2025-12-31", 119, 0, false, 1), ("2022-05-01", 119, 241, true, 0),
        ] as [(Value, Int, Int, Bool, Int)])
    func inTheTransition(date: Value, actual: Int, deemed: Int, met: Bool, shortfall: Int) {
        expectOutput(
            Self.op, Self.input("male", date, actual: actual, deemed: deemed),
            [
                "requirements": [["totalMonths": 360, "actualMonths": 0], ["totalMonths": 0, "actualMonths": 120]],
                "met": .bool(met), "shortfallMonths": .number(String(shortfall)),
            ],
            trace: Self.third)
    }

    /// JI-2020-19/3.1 "最低实际缴费年限不低于10年(不含视同缴费年限)": deemed years do not count.
    @Test(arguments: [(120, 0, true, 0), (119, 0, false, 1), (119, 500, false, 1), (121, 0, true, 0)] as [(Int, Int, Bool, Int)])
    func before2022Issue(actual: Int, deemed: Int, met: Bool, shortfall: Int) {
        expectOutput(
            Self.op, Self.input("female", "2021-03-01", actual: actual, deemed: deemed),
            [
                "requirements": [["totalMonths": 0, "actualMonths": 120]], "met": .bool(met),
                "shortfallMonths": .number(String(shortfall)),
            ],
            trace: Self.first)
    }

    /// JI-2022-8/3 names its issue date: retiring 2022-04-06 is "下发前" (10 actual years); 2022-04-07 gets the choice.
    /// JI-2022-8/4 qualifies (一)'s new minimum from outside the province, so it comes with it on the issue day (I-8);
    /// JI-2022-8/10's 2022-05-01 brings LU-2021-54/6 and 7.
    @Test func ruleBoundaries() {
        expectOutput(
            Self.op, Self.input("male", "2022-04-06", actual: 100, deemed: 300),
            ["requirements": [["totalMonths": 0, "actualMonths": 120]], "met": false], trace: Self.first)
        expectOutput(
            Self.op, Self.input("male", "2022-04-07", actual: 100, deemed: 300),
            ["requirements": [["totalMonths": 360, "actualMonths": 0], ["totalMonths": 0, "actualMonths": 120]], "met": true],
            trace: Self.second)
        expectOutput(
            Self.op, Self.input("male", "2022-04-30", actual: 100, deemed: 300, outside: true),
            [
                "requirements": [["totalMonths": 360, "actualMonths": 120], ["totalMonths": 0, "actualMonths": 120]],
                "met": false, "shortfallMonths": 20,
            ],
            trace: Self.second + ["JI-2022-8/4"])
        expectOutput(
            Self.op, Self.input("male", "2022-04-30", actual: 100, deemed: 300, outside: false),
            ["requirements": [["totalMonths": 360, "actualMonths": 0], ["totalMonths": 0, "actualMonths": 120]], "met": true],
            trace: Self.second)
        expectOutput(
            Self.op, Self.input("male", "2022-05-01", actual: 100, deemed: 300, outside: true),
            [
                "requirements": [["totalMonths": 360, "actualMonths": 120], ["totalMonths": 0, "actualMonths": 120]],
                "met": false, "shortfallMonths": 20,
            ],
            trace: Self.third + ["JI-2022-8/4"])
        expectOutput(Self.op, Self.input("male", "2020-09-01", actual: 120, deemed: 0), ["met": true], trace: Self.first)
        expectError(Self.op, Self.input("male", "2020-08-31", actual: 120, deemed: 0), .outOfScope, trace: closings2020 + closings2022)
    }

    /// JI-2022-8/4: "省外转入我市的……除满足新的最低缴费年限外，其中实际缴费年限不得低于10年".
    @Test(arguments: [(120, 240, true, 0), (119, 241, false, 1)] as [(Int, Int, Bool, Int)])
    func fromOutsideTheProvince(actual: Int, deemed: Int, met: Bool, shortfall: Int) {
        expectOutput(
            Self.op, Self.input("male", "2026-03-01", actual: actual, deemed: deemed, outside: true),
            [
                "requirements": [["totalMonths": 360, "actualMonths": 120]], "met": .bool(met),
                "shortfallMonths": .number(String(shortfall)),
            ],
            trace: Self.third + ["JI-2022-8/4"])
    }

    @Test(
        arguments: [
            (input("male", "2026-01-01", actual: -1, deemed: 0), "actualMonths: out of range"),
            (input("male", "2026-01-01", actual: 1201, deemed: 0), "actualMonths: out of range"),
            (input("male", "2026-01-01", actual: 1, deemed: 0).with("deemedMonths", .number("1.5")), "deemedMonths: not an integer"),
            (input("male", "2026-01-01", actual: 1, deemed: 0).with("actualMonths", "120"), "actualMonths: not an integer"),
            (input("other", "2026-01-01", actual: 1, deemed: 0), "sex: not one of"),
            (input("male", "2023-02-29", actual: 1, deemed: 0), "retirementDate: not a date"),
            (input("male", "2026-01-01", actual: 1, deemed: 0).without("retirementDate"), "retirementDate: required"),
            (input("male", "2026-01-01", actual: 1, deemed: 0).with("age", 60), "unknown field age"),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}
