import Testing

@testable import YibaoRules

@Suite struct MonthTests {
    @Test(arguments: [("2023-01", 2023, 1), ("1900-12", 1900, 12), ("2200-06", 2200, 6)])
    func parsesYYYYMM(text: String, year: Int, month: Int) {
        let m = Month(text)
        #expect(m?.year == year)
        #expect(m?.month == month)
        #expect(m?.description == text)
    }

    @Test(arguments: ["2023-13", "2023-00", "2023-1", "23-01", "2023/01", "2023-01-01", " 2023-01", "abc", "", "+023-01", "2023-0a"])
    func rejectsOtherText(text: String) {
        #expect(Month(text) == nil)
    }

    @Test func arithmetic() throws {
        let m = try #require(Month("2022-11"))
        #expect((m + 2).description == "2023-01")
        #expect((m + (-11)).description == "2021-12")
        #expect((m + 0) == m)
        #expect(try #require(Month("2023-02")) - m == 3)
        #expect(m - (try #require(Month("2023-02"))) == -3)
        #expect(m < m + 1)
        #expect(Month(year: 2023, month: 13) == nil)
        #expect(Month(year: 2023, month: 12)?.description == "2023-12")
    }
}

@Suite struct DayTests {
    @Test(arguments: ["2024-02-29", "2023-12-31", "2000-02-29", "1900-01-01"])
    func parsesRealDates(text: String) {
        #expect(Day(text)?.description == text)
    }

    @Test(arguments: [
        "2023-02-29", "1900-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00", "2023-1-01", "2023-01-1", "20230101", "",
        "2023-01-01T00:00",
    ])
    func rejectsImpossibleOrMalformedDates(text: String) {
        #expect(Day(text) == nil)
    }

    /// Civil Code arts. 201–202 (contract §2): the same-numbered day, or the month's last day.
    @Test(arguments: [
        ("2023-08-31", 6, "2024-02-29"),
        ("2023-03-15", 6, "2023-09-15"),
        ("2023-03-31", 1, "2023-04-30"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2023-12-31", 2, "2024-02-29"),
        ("2023-01-31", -2, "2022-11-30"),
    ])
    func addingMonths(start: String, months: Int, end: String) throws {
        #expect(try #require(Day(start)).addingMonths(months).description == end)
    }

    @Test(arguments: [
        ("2023-12-31", 1, "2024-01-01"), ("2024-02-28", 1, "2024-02-29"), ("2024-03-01", -1, "2024-02-29"),
        ("2023-01-01", 365, "2024-01-01"), ("2024-01-01", 366, "2025-01-01"),
    ])
    func addingDays(start: String, days: Int, end: String) throws {
        #expect(try #require(Day(start)).addingDays(days).description == end)
    }

    /// Known weekdays: 1970-01-01 Thursday, 2000-03-01 Wednesday, 2023-10-01 Sunday, 2024-01-01 Monday.
    @Test(arguments: [("1970-01-01", 4), ("2000-03-01", 3), ("2023-10-01", 7), ("2024-01-01", 1), ("2023-10-07", 6), ("1900-01-01", 1)])
    func weekday(date: String, weekday: Int) throws {
        #expect(try #require(Day(date)).weekday == weekday)
    }

    @Test func ordersAndGivesItsMonth() throws {
        let a = try #require(Day("2023-01-31"))
        let b = try #require(Day("2023-02-01"))
        #expect(a < b)
        #expect(a.monthValue.description == "2023-01")
    }
}

@Suite struct MoneyTests {
    @Test(arguments: [("3528", 352_800), ("3528.5", 352_850), ("3528.50", 352_850), ("0.07", 7), ("0", 0), ("007.10", 710)])
    func parses(text: String, fen: Int64) {
        #expect(Money(text)?.fen == fen)
    }

    @Test(arguments: ["3528.123", "-1", "-0.01", "1e3", "3528.", ".5", "", " 1", "1,000", "+1", "12a", "99999999999999999999"])
    func rejects(text: String) {
        #expect(Money(text) == nil)
    }

    @Test(arguments: [(Int64(352_800), "3528.00"), (7, "0.07"), (0, "0.00"), (700_350, "7003.50"), (-150, "-1.50")])
    func describesWithTwoDecimals(fen: Int64, text: String) {
        #expect(Money(fen: fen).description == text)
    }
}
