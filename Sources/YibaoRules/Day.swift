/// A calendar date, `YYYY-MM-DD` (proleptic Gregorian calendar).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A real calendar date of a four-digit year (1...9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Day.daysIn(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Exactly `YYYY-MM-DD`, and a real calendar date (2023-02-29 is not).
    public init?(_ text: String) {
        guard text.utf8.count == 10 else { return nil }
        var copy = text
        let parts = copy.withUTF8 { b -> (Int, Int, Int)? in
            guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
                let year = Digits.value(b, 0..<4), let month = Digits.value(b, 5..<7), let day = Digits.value(b, 8..<10)
            else { return nil }
            return (year, month, day)
        }
        guard let (year, month, day) = parts else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// For constants and results of arithmetic on valid dates.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var monthValue: Month { Month(index: year * 12 + month - 1) }

    /// The date `n` months later counted as the Civil Code counts a period of months
    /// (民法典 arts. 201–202): the same-numbered day of the target month, or its last day
    /// where there is none (2023-08-31 + 6 months = 2024-02-29).
    public func addingMonths(_ n: Int) -> Day {
        let target = monthValue + n
        let last = Day.daysIn(year: target.year, month: target.month)
        return Day(unchecked: target.year, target.month, min(day, last))
    }

    public func addingDays(_ n: Int) -> Day { Day(serial: serial + n) }

    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 (serial 0) was a Thursday.
        let r = (serial + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        // Made in one buffer: every generated case writes several dates.
        guard year >= 0, year <= 9999 else { return Digits.pad(year, 4) + "-" + Digits.pad(month, 2) + "-" + Digits.pad(day, 2) }
        return String(unsafeUninitializedCapacity: 10) { b in
            Digits.write(year, 4, into: b, at: 0)
            b[4] = UInt8(ascii: "-")
            Digits.write(month, 2, into: b, at: 5)
            b[7] = UInt8(ascii: "-")
            Digits.write(day, 2, into: b, at: 8)
            return 10
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    public var serial: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of `serial` (H. Hinnant's civil_from_days).
    init(serial: Int) {
        let z = serial + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
