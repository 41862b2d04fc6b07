import YibaoRules

/// Makes operation inputs from the operations' schemas with domain generators, not uniform noise: dates and
/// months drawn heavily from the boundaries and from the windows the rules measure between a case's own dates,
/// month ends, 29 February and year ends; money either side of the case's other amounts and with half-fen
/// products; counts either side of the notices' thresholds; holiday and make-up-day calendars around the case's
/// dates; period lists that overlap. A share of inputs is made deliberately invalid (`InputGenerator+Invalid`).
public struct InputGenerator: Sendable {
    public let boundaries: Boundaries
    /// Percent of cases made deliberately invalid.
    public var invalidPercent: Int

    public init(boundaries: Boundaries, invalidPercent: Int = 8) {
        self.boundaries = boundaries
        self.invalidPercent = invalidPercent
    }

    /// What one case has drawn so far: later fields are drawn near earlier ones, as real cases' dates are.
    struct Context {
        var dates: [Day] = []
        var months: [Month] = []
        var money: [Money] = []
        var ints: [Int] = []
        var areas: [String] = []
        /// The province codes of the cities drawn so far (`fromCity`, then `toCity`), and how many province fields
        /// have been drawn: the n-th province field goes with the n-th city.
        var cityProvinces: [String] = []
        var provincesDrawn = 0
        /// The months drawn so far in the object being drawn (a period's `from` before its `to`).
        var objectMonths: [Month] = []
    }

    /// Contribution counts the notices turn on: 10, 25 and 30 years (JI-2020-19/3.1, JI-2022-8/1, LU-2021-54/6),
    /// 3 and 6 months (LU-2021-54/2c, /3).
    static let thresholds = [0, 1, 3, 6, 12, 120, 300, 360]
    /// Amounts near real bases; x.50 bases give half-fen products with odd month counts.
    static let amounts: [Int64] = [352_800, 352_850, 423_060, 500_000, 612_345, 1_058_400, 1_764_050]

    /// One input for `schema`, drawn from `random`; `valid` is false for a deliberately invalid one.
    public func input(for schema: OperationSchema, random: inout SeededRandom) -> (input: Value, valid: Bool) {
        var context = Context()
        let input = object(schema.input, &random, &context)
        if random.percent(invalidPercent) {
            return (corrupt(input, fields: schema.input, &random), false)
        }
        return (input, true)
    }

    func object(_ fields: [Field], _ r: inout SeededRandom, _ c: inout Context) -> Value {
        let outer = c.objectMonths
        c.objectMonths = []
        defer { c.objectMonths = outer }
        var members: [Member] = []
        members.reserveCapacity(fields.count)
        for field in fields {
            if !field.required && r.percent(field.defaultValue == nil ? 25 : 40) { continue }
            if case .bool(let usual)? = field.defaultValue, case .bool = field.type, r.percent(50) {
                // An optional flag mostly keeps its usual value when sent, so that the cases its other value turns
                // into invalid-input (an employer resuming without back pay) do not starve the regions beside them.
                members.append(Member(field.name, .bool(usual)))
                continue
            }
            members.append(Member(field.name, value(field.type, name: field.name, range: field.range, &r, &c)))
        }
        return .object(members)
    }

    func value(
        _ type: FieldType, name: String, range: ClosedRange<Int>?, nearLast: Bool = false,
        _ r: inout SeededRandom, _ c: inout Context
    ) -> Value {
        switch type {
        case .nullable(let inner):
            if r.percent(15) { return .null }
            return value(inner, name: name, range: range, &r, &c)
        case .bool: return .bool(r.percent(50))
        case .enumeration(let cases): return .string(r.pick(cases))
        case .string: return .string(string(name: name, &r, &c))
        case .int: return .number(String(int(range, &r, &c)))
        case .month:
            let m = name == "laborRelationMonth" ? laborRelationMonth(&r, &c) : month(&r, &c)
            c.months.append(m)
            c.objectMonths.append(m)
            return .string(m.description)
        case .date:
            let d = nearLast ? calendarDay(&r, &c) : date(&r, &c)
            if !nearLast { c.dates.append(d) }
            return .string(d.description)
        case .money, .decimal:
            let m = money(&r, &c)
            c.money.append(m)
            // Money may be a JSON number on input (I-20).
            return r.percent(10) ? .number(m.description) : .string(m.description)
        case .list(let element):
            var count = r.pick([0, 1, 1, 2, 2, 3])
            if case .date = element { count = r.int(0...5) }
            var items: [Value] = []
            for _ in 0..<count {
                items.append(value(element, name: name, range: range, nearLast: true, &r, &c))
            }
            return .array(items)
        case .object(let fields):
            return object(fields, &r, &c)
        case .map(let element):
            var keys = Array(Set(c.areas)).sorted()
            if keys.isEmpty || r.percent(20) { keys.append(poolingArea(&r)) }
            var members: [Member] = []
            for key in keys where !members.contains(where: { $0.key == key }) && r.percent(75) {
                members.append(Member(key, value(element, name: name, range: range, &r, &c)))
            }
            return .object(members)
        }
    }

    // MARK: Domain generators

    func date(_ r: inout SeededRandom, _ c: inout Context) -> Day {
        let roll = r.below(100)
        if roll < 35 || (roll < 65 && c.dates.isEmpty && c.months.isEmpty) {
            return r.pick(boundaries.days)
        }
        if roll < 65 {
            // Relative to the case's own dates: the windows the rules measure, and a day either side.
            if c.dates.isEmpty || r.percent(15) {
                let m = r.pick(c.months.isEmpty ? boundaries.months : c.months)
                return r.percent(50) ? Day(year: m.year, month: m.month, day: 1)! : lastDay(m)
            }
            let base = r.pick(c.dates)
            let sign = r.percent(12) ? -1 : 1
            let shifted =
                r.percent(55)
                ? base.addingMonths(sign * r.pick(Boundaries.monthWindows))
                : base.addingDays(sign * r.pick(Boundaries.dayWindows))
            return shifted.addingDays(r.int(-1...1))
        }
        let year = r.int(boundaries.years)
        if roll < 85 {
            // Month ends, 29 February, year ends and starts.
            switch r.below(4) {
            case 0: return lastDay(Month(year: year, month: r.int(1...12))!)
            case 1:
                let leap = [2020, 2024, 2028].filter { boundaries.years.contains($0) }
                return Day(year: leap.isEmpty ? 2024 : r.pick(leap), month: 2, day: 29)!
            case 2: return Day(year: year, month: 12, day: 31)!
            default: return Day(year: year, month: 1, day: 1)!
            }
        }
        let month = r.int(1...12)
        return Day(year: year, month: month, day: r.int(1...28 + (month == 2 ? 0 : 2)))!
    }

    /// A holiday or make-up day: near the case's latest date, so that it falls inside the working-day count.
    func calendarDay(_ r: inout SeededRandom, _ c: inout Context) -> Day {
        guard let base = c.dates.last, r.percent(90) else { return date(&r, &c) }
        return base.addingDays(r.int(0...24))
    }

    func month(_ r: inout SeededRandom, _ c: inout Context) -> Month {
        let m = unorderedMonth(&r, &c)
        if let previous = c.objectMonths.last, m < previous, r.percent(80) {
            // An object's months mostly come in the order its rules need (a period's `to` not before its `from`, the
            // reduction not before the last paid month): mirrored to the other side of the month before it. One in
            // five keeps the impossible order, which must be invalid-input.
            return previous + (previous - m)
        }
        if c.objectMonths.isEmpty, c.months.count >= 2, r.percent(30) {
            // The first month of a later object inside the span of the one before (a period that starts before the
            // previous one ends): periods that overlap, in one area or two (LU-2020-47/3).
            let (a, b) = (c.months[c.months.count - 2], c.months[c.months.count - 1])
            if a < b { return a + r.int(0...(b - a)) }
        }
        return m
    }

    /// The month the employee's labour relation with the new employer began (I-36): at or before the continuation
    /// month drawn just before it, by up to half a year, so that continuations on time, late within the 3-month
    /// window and late beyond it (I-37) all come up; one in seven after it, which must be invalid-input.
    func laborRelationMonth(_ r: inout SeededRandom, _ c: inout Context) -> Month {
        guard let continuation = c.objectMonths.last else { return month(&r, &c) }
        if r.percent(15) { return continuation + r.int(1...3) }
        return continuation + -r.pick([0, 0, 1, 1, 2, 3, 4, 6])
    }

    func unorderedMonth(_ r: inout SeededRandom, _ c: inout Context) -> Month {
        let roll = r.below(100)
        let anchors = c.months + c.dates.map(\.monthValue)
        if roll < 35 || (roll < 75 && anchors.isEmpty) {
            return r.pick(boundaries.months)
        }
        if roll < 55 {
            let sign = r.percent(12) ? -1 : 1
            return r.pick(anchors) + sign * r.pick(Boundaries.monthWindows) + r.int(-1...1)
        }
        if roll < 80, let latest = c.months.last, let ahead = boundaries.month(after: latest, within: 24, &r) {
            // A boundary after the case's latest month: a later field on the far side of a rule change the earlier
            // one is before (arrears before the issue month, settled inside JI-2022-8/7's transition).
            return ahead
        }
        return Month(year: r.int(boundaries.years), month: r.int(1...12))!
    }

    func money(_ r: inout SeededRandom, _ c: inout Context) -> Money {
        let roll = r.below(100)
        if roll < 30, let other = c.money.last {
            // Either side of the case's other amounts (a due base against the minimum base).
            return Money(fen: max(0, other.fen + Int64(r.int(-1...1))))
        }
        if roll < 60 { return Money(fen: r.pick(Self.amounts) + Int64(r.pick([0, 0, 1, -1, 50, 5]))) }
        if roll < 80 { return Money(fen: Int64(r.int(1_000...30_000)) * 100 + 50) }
        return Money(fen: Int64(r.int(0...3_000_000)))
    }

    func int(_ range: ClosedRange<Int>?, _ r: inout SeededRandom, _ c: inout Context) -> Int {
        let range = range ?? 0...100
        let n: Int
        if range.lowerBound >= 1000 {
            // A year: mostly one of the case's own, or one either side.
            let years = c.dates.map(\.year) + c.months.map(\.year)
            n = years.isEmpty || r.percent(25) ? r.int(boundaries.years) : r.pick(years) + r.pick([0, 0, 0, 1, -1])
        } else {
            switch r.below(100) {
            case 0..<40: n = r.pick(Self.thresholds) + r.int(-1...1)
            case 40..<65:
                // The complement to a threshold of a count drawn before (actual + deemed against 25 or 30 years).
                n = r.pick(Self.thresholds) - (c.ints.last ?? 0) + r.int(-1...1)
            default: n = r.int(range.lowerBound...min(range.upperBound, max(range.lowerBound, 480)))
            }
        }
        let clamped = min(max(n, range.lowerBound), range.upperBound)
        c.ints.append(clamped)
        return clamped
    }

    func string(name: String, _ r: inout SeededRandom, _ c: inout Context) -> String {
        if r.percent(2) { return r.pick(["", "  "]) }  // names nothing: invalid-input
        if name.hasSuffix("Province") {
            defer { c.provincesDrawn += 1 }
            let side = c.provincesDrawn < c.cityProvinces.count ? c.cityProvinces[c.provincesDrawn] : nil
            return province(cityProvince: side, &r)
        }
        if name.hasSuffix("City") {
            let city = city(&r)
            c.cityProvinces.append(city.province)
            return city.text
        }
        if name.hasSuffix("ounty") { return county(&r) }
        // Areas: mostly one already in the case, so that periods overlap in one area or span several.
        let area = !c.areas.isEmpty && r.percent(50) ? r.pick(c.areas) : poolingArea(&r)
        c.areas.append(area)
        return area
    }

    func lastDay(_ m: Month) -> Day {
        var day = 31
        while Day(year: m.year, month: m.month, day: day) == nil { day -= 1 }
        return Day(year: m.year, month: m.month, day: day)!
    }
}
