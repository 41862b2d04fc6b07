import YibaoRules
import YibaoRun
import YibaoSuite

/// The dates and months where the notices' rules change, which the generators draw from heavily: every
/// effective date and expiry in the catalog with the days either side, and the dates the texts name inside
/// their rules; and the windows the rules measure (months and days).
public struct Boundaries: Sendable {
    /// Each boundary day, the day before and the day after, in order, without repeats.
    public let days: [Day]
    /// The months of the boundary days, the month before and the month after.
    public let months: [Month]
    /// The years the generators draw ordinary dates from: the years of the boundaries, one either side.
    public let years: ClosedRange<Int>
    /// The years of the boundary days, in order: where the shrinker moves a year.
    let markYears: [Int]

    /// Windows the rules measure, in months: "次月" (1), "减员当月起3个月内" (the reduction month + 2, and + 3),
    /// "6个月内" (newborns, flexible workers' wait), "超过12个月" (newborns), and a year.
    static let monthWindows = [0, 1, 2, 3, 4, 6, 12]
    /// Windows in days: LU-2021-54/9's 9 and 15 working days are 11 to 21 calendar days, with holidays more.
    static let dayWindows = [0, 1, 7, 9, 11, 13, 15, 19, 21, 25]

    /// Dates the notices name inside their rules (most are also in the parameters).
    static let textDates: [Day] = [
        // JI-2022-8/1: "本通知下发之日起至2025年年底，为政策调整过渡期".
        Day(year: 2025, month: 12, day: 31)!,
        // JI-2022-8/7: "本通知下发次月起6个月内" = 2022-05 .. 2022-10 (I-6): the issue month's end and the transition's
        // last day (JI-2022-8/7.1 turns on settling inside it, 7.2 after it).
        Day(year: 2022, month: 3, day: 31)!,
        Day(year: 2022, month: 10, day: 31)!,
    ]

    /// Spans of months the notices name inside their rules, every month of which is a boundary month: JI-2022-8/7
    /// "本通知下发次月起6个月内，为政策调整过渡期" = 2022-05 .. 2022-10 (I-6), where settling historical arrears keeps
    /// their expenses covered (7.1) — a region a case reaches only with both its months placed just so.
    static let textWindows: [ClosedRange<Month>] = [Month(year: 2022, month: 5)!...Month(year: 2022, month: 10)!]

    public init(catalog: Catalog, parameters: Parameters) {
        var anchors = Boundaries.textDates
        // The dates in the notices' parameters (vectors/catalog/parameters.yaml), and the days their values change.
        for parameter in parameters.all {
            for dated in parameter.values {
                if let from = dated.from { anchors.append(from) }
                if case .date(let day) = dated.value { anchors.append(day) }
            }
        }
        for document in catalog.documents {
            anchors.append(document.effective.from)
            if let until = document.effective.until { anchors.append(until) }
        }
        for clause in catalog.clauses {
            anchors.append(clause.effective.from)
            if let until = clause.effective.until { anchors.append(until) }
        }
        var days = Set<Day>()
        for day in anchors {
            for d in -1...1 { days.insert(day.addingDays(d)) }
        }
        self.days = days.sorted()
        var months = Set<Month>()
        for day in self.days {
            for d in -1...1 { months.insert(day.monthValue + d) }
        }
        for window in Boundaries.textWindows {
            for k in 0...(window.upperBound - window.lowerBound) { months.insert(window.lowerBound + k) }
        }
        self.months = months.sorted()
        let low = self.days.first?.year ?? 2020, high = self.days.last?.year ?? 2026
        years = (low - 1)...(high + 1)
        markYears = Array(Set(self.days.map(\.year))).sorted()
    }

    /// A boundary month in `month + 1 ... month + within`, drawn from `random`; nil when there is none.
    func month(after month: Month, within: Int, _ random: inout SeededRandom) -> Month? {
        let low = months.partitioningIndex { $0 > month }
        let high = months.partitioningIndex { $0 > month + within }
        return low < high ? months[low + random.below(high - low)] : nil
    }

    /// The boundary day nearest to `day` (itself when it is one).
    func nearestDay(to day: Day) -> Day? {
        days.min { abs($0.serial - day.serial) < abs($1.serial - day.serial) }
    }

    /// The boundary month nearest to `month`.
    func nearestMonth(to month: Month) -> Month? {
        months.min { abs($0 - month) < abs($1 - month) }
    }
}

extension Array {
    /// The first index whose element satisfies `belongs` (which must be false, then true, along the array).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if belongs(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
