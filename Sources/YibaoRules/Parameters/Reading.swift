/// The readings the engine's structure carries rather than a number of the notices: how money is rounded, how a
/// period of months ends, and which boundaries are inclusive. The reference's readings are the defaults;
/// `yibao strength` changes them one at a time to see whether the vectors notice.
public struct Reading: Sendable, Hashable {
    /// I-20: the amount is rounded to the fen once, half up.
    public enum Rounding: String, Sendable, CaseIterable {
        case halfUp = "half-up"
        case halfEven = "half-even"
        case truncation
    }

    /// Contract §2 (民法典 arts. 201–202): a period of months ends on the same-numbered day, or the month's last day
    /// where there is none. `overflow` instead runs the missing days into the next month (2023-08-31 + 6 months =
    /// 2024-03-02).
    public enum MonthEnd: String, Sendable, CaseIterable {
        case civilCode = "civil-code"
        case overflow
    }

    /// Day-precise boundaries a ±1 in a parameter's unit (months) cannot move by one day.
    public enum Boundary: String, Sendable, CaseIterable {
        /// I-15 "6个月内": paid on or before birth + 6 months.
        case newbornWithin = "newborn.within"
        /// I-15 "超过12个月": paid after birth + 12 months.
        case newbornBeyond = "newborn.beyond"
    }

    public var rounding: Rounding = .halfUp
    public var monthEnd: MonthEnd = .civilCode
    /// Boundaries whose comparison is flipped (inclusive ↔ exclusive).
    public var flipped: Set<Boundary> = []

    public init() {}

    /// `hundredths / 100` rounded to a whole number in this reading's mode (values are never negative).
    func divideBy100(_ hundredths: Int64) -> Int64 {
        let q = hundredths / 100, r = hundredths % 100
        switch rounding {
        case .halfUp: return r >= 50 ? q + 1 : q
        case .halfEven: return r > 50 || (r == 50 && q % 2 == 1) ? q + 1 : q
        case .truncation: return q
        }
    }

    /// `day` + `n` months under this reading's month end.
    func adding(months n: Int, to day: Day) -> Day {
        switch monthEnd {
        case .civilCode: return day.addingMonths(n)
        case .overflow:
            let first = (day.monthValue + n).firstDay
            return first.addingDays(day.day - 1)
        }
    }

    /// `a ≤ b`, or `a < b` when the boundary is flipped.
    func atMost(_ a: Day, _ b: Day, _ boundary: Boundary) -> Bool {
        flipped.contains(boundary) ? a < b : a <= b
    }
}
