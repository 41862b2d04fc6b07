import Testing

@testable import YibaoRules

/// resident.newborn — LU-2021-54/5, JI-2022-8/9.1–9.4 (I-14, I-15; Civil Code periods, contract §2).
@Suite struct NewbornTests {
    static let op = "resident.newborn"

    static func input(_ born: Value, _ paid: Value, _ option: Value? = nil) -> Value {
        var v: Value = ["birthDate": born, "paymentDate": paid]
        if let option { v = v.with("option", option) }
        return v
    }

    /// Born 2023-03-15: "6个月内" ends 2023-09-15. Paid that day in the birth year → 9.1 from the birth date at the
    /// birth year's standard; the next day → 9.3 "自缴费的次月起".
    @Test func sixMonthsFromMidMonthBirth() {
        expectOutput(
            Self.op, Self.input("2023-03-15", "2023-09-15"),
            ["coverage": [["year": 2023, "from": "2023-03-15", "standardYear": 2023]], "asOrdinaryResident": false],
            trace: ["LU-2021-54/5", "JI-2022-8/9.1", "JI-2022-8/10"])
        expectOutput(
            Self.op, Self.input("2023-03-15", "2023-09-16"),
            ["coverage": [["year": 2023, "from": "2023-10-01", "standardYear": 2023]], "asOrdinaryResident": false],
            trace: ["LU-2021-54/5", "JI-2022-8/9.3", "JI-2022-8/10"])
    }

    /// Born 2023-08-31: 6 months end 2024-02-29 (no February 31). Paid then, across the year end → 9.2 either way.
    @Test func crossingTheYearWithinSixMonths() {
        expectOutput(
            Self.op, Self.input("2023-08-31", "2024-02-29", "birth-and-next-year"),
            [
                "coverage": [
                    ["year": 2023, "from": "2023-08-31", "standardYear": 2023],
                    ["year": 2024, "from": "2024-01-01", "standardYear": 2024],
                ],
                "asOrdinaryResident": false,
            ],
            trace: ["LU-2021-54/5", "JI-2022-8/9.2.1", "JI-2022-8/10"])
        expectOutput(
            Self.op, Self.input("2023-08-31", "2024-02-29", "next-year-only"),
            ["coverage": [["year": 2024, "from": "2024-01-01", "standardYear": 2024]], "asOrdinaryResident": false],
            trace: ["LU-2021-54/5", "JI-2022-8/9.2.2", "JI-2022-8/10"])
        expectError(Self.op, Self.input("2023-08-31", "2024-02-29"), .invalidInput, message: "option: required")
    }

    /// The day after 2024-02-29 is beyond 6 months, in the next year: JI-2022-8 is silent, LU-2021-54/5 "超过6个月的，
    /// 自缴费的次月起" (I-14).
    @Test func afterSixMonthsInTheFollowingYear() {
        expectOutput(
            Self.op, Self.input("2023-08-31", "2024-03-01", "next-year-only"),
            ["coverage": [["year": 2024, "from": "2024-04-01", "standardYear": 2024]], "asOrdinaryResident": false],
            trace: ["LU-2021-54/5", "JI-2022-8/10"])
    }

    /// "超过12个月": born 2023-03-15, paid 2024-03-15 is not beyond; 2024-03-16 is → ordinary resident (9.4).
    @Test func twelveMonths() {
        expectOutput(
            Self.op, Self.input("2023-03-15", "2024-03-15"),
            ["coverage": [["year": 2024, "from": "2024-04-01", "standardYear": 2024]], "asOrdinaryResident": false],
            trace: ["LU-2021-54/5", "JI-2022-8/10"])
        expectOutput(
            Self.op, Self.input("2023-03-15", "2024-03-16"), ["coverage": [], "asOrdinaryResident": true],
            trace: ["LU-2021-54/5", "JI-2022-8/9.4", "JI-2022-8/10"])
    }

    /// Paid on the birth day.
    @Test func paidOnTheBirthDay() {
        expectOutput(
            Self.op, Self.input("2024-12-31", "2024-12-31"),
            ["coverage": [["year": 2024, "from": "2024-12-31", "standardYear": 2024]]])
    }

    /// In force from 2022-05-01.
    @Test func effectiveDate() {
        expectError(Self.op, Self.input("2022-03-01", "2022-04-30"), .outOfScope, trace: closings2022)
        expectOutput(
            Self.op, Self.input("2022-03-01", "2022-05-01"),
            ["coverage": [["year": 2022, "from": "2022-03-01", "standardYear": 2022]]],
            trace: ["LU-2021-54/5", "JI-2022-8/9.1", "JI-2022-8/10"])
    }

    @Test(
        arguments: [
            (input("2023-05-02", "2023-05-01"), "paymentDate: before birthDate"),
            (input("2023-02-29", "2023-05-01"), "birthDate: not a date"),
            (input("2023-01-02", "2023-05-01", "both"), "option: not one of"),
            (["birthDate": "2023-01-02"], "paymentDate: required"),
            (input("2023-01-02", "2023-05-01").with("weight", 3), "unknown field weight"),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}
