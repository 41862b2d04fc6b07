/// The numbers and dates the notices fix — window lengths, year minimums, rates, working-day limits, 当月 / 次月
/// offsets, collection months, in-force dates — as data: each with its id, clause, the Chinese phrase it comes from,
/// its unit and its dated values (vectors/catalog/parameters.yaml, loaded with the catalog). The rules read them
/// from this value, so the engine stays pure and a changed number changes the answers.
public struct Parameters: Sendable, Equatable {
    public enum Unit: String, Sendable, CaseIterable {
        /// A count of calendar months ("3 个月").
        case months
        /// A count of years ("10 年"); the rules count them as 12 months each.
        case years
        /// A count of working days ("9 个工作日").
        case workingDays = "working-days"
        /// A rate with at most two decimals ("7%" is 0.07).
        case rate
        /// A start offset in months: 当月 is 0, 次月 is 1.
        case offset
        /// A calendar date.
        case date
        /// A month of the year, 1 ... 12.
        case monthOfYear = "month-of-year"
        /// A calendar year.
        case year
    }

    /// One value of a parameter.
    public enum Quantity: Sendable, Equatable, CustomStringConvertible {
        /// months, years, working days, offsets, months of the year
        case count(Int)
        /// A rate in hundredths (0.07 is 7).
        case rate(hundredths: Int)
        case date(Day)

        public var description: String {
            switch self {
            case .count(let n): String(n)
            case .rate(let h): RateText.text(h)
            case .date(let d): d.description
            }
        }
    }

    /// A value and the day it applies from (nil: from the start).
    public struct Dated: Sendable, Equatable {
        public var from: Day?
        public var value: Quantity

        public init(from: Day?, value: Quantity) {
            self.from = from
            self.value = value
        }
    }

    public struct Parameter: Sendable, Equatable {
        public var key: ParameterKey
        public var clause: String
        /// The words of the notice the number comes from.
        public var phrase: String
        public var unit: Unit { key.unit }
        /// In order of `from`; the first may have no `from`.
        public var values: [Dated]

        public init(key: ParameterKey, clause: String, phrase: String, values: [Dated]) {
            self.key = key
            self.clause = clause
            self.phrase = phrase
            self.values = values
        }

        public var id: String { key.rawValue }
    }

    /// In the file's order.
    public private(set) var all: [Parameter]
    /// The readings the text leaves to the engine's structure (rounding, month ends, boundaries).
    public var reading = Reading()
    private var index: [ParameterKey: Int] = [:]

    /// Checks that every key the rules read is given exactly once, in its unit, with values in date order.
    public init(_ parameters: [Parameter]) throws(ParametersError) {
        var index: [ParameterKey: Int] = [:]
        for (i, p) in parameters.enumerated() {
            guard index[p.key] == nil else { throw ParametersError(id: p.id, message: "defined twice") }
            index[p.key] = i
            guard !p.values.isEmpty else { throw ParametersError(id: p.id, message: "has no value") }
            for (j, v) in p.values.enumerated() {
                if let problem = Self.problem(v.value, unit: p.unit) { throw ParametersError(id: p.id, message: problem) }
                if j > 0 {
                    guard let from = v.from, let previous = p.values[j - 1].from ?? Day(year: 1, month: 1, day: 1), previous < from else {
                        throw ParametersError(id: p.id, message: "values[\(j)].from: every value after the first needs a later from date")
                    }
                }
            }
        }
        for key in ParameterKey.allCases where index[key] == nil {
            throw ParametersError(id: key.rawValue, message: "missing: the rules read it")
        }
        self.all = parameters
        self.index = index
    }

    /// Why `value` is not a value in `unit`, or nil.
    public static func problem(_ value: Quantity, unit: Unit) -> String? {
        switch (unit, value) {
        case (.date, .date): return nil
        case (.rate, .rate(let h)): return (0...100).contains(h) ? nil : "a rate between 0 and 1"
        case (.offset, .count(let n)): return (0...1).contains(n) ? nil : "an offset is 0 (当月) or 1 (次月)"
        case (.monthOfYear, .count(let n)): return (1...12).contains(n) ? nil : "a month of the year is 1 ... 12"
        case (.months, .count(let n)), (.workingDays, .count(let n)): return (0...120).contains(n) ? nil : "a count between 0 and 120"
        case (.years, .count(let n)): return (0...60).contains(n) ? nil : "a count of years between 0 and 60"
        case (.year, .count(let n)): return (1...9999).contains(n) ? nil : "a four-digit year"
        default: return "not a value in \(unit.rawValue)"
        }
    }

    public subscript(key: ParameterKey) -> Parameter { all[index[key] ?? 0] }

    /// The value in force on `day` (the last whose `from` is not after it; before every `from`, the first).
    func value(_ key: ParameterKey, on day: Day?) -> Quantity {
        let values = self[key].values
        guard let day else { return values[0].value }
        return values.last { $0.from.map { $0 <= day } ?? true }?.value ?? values[0].value
    }

    /// A count (months, working days, offsets, months of the year, a year).
    func count(_ key: ParameterKey, on day: Day? = nil) -> Int {
        if case .count(let n) = value(key, on: day) { return n }
        return 0
    }

    /// A count of years as months.
    func yearsInMonths(_ key: ParameterKey, on day: Day? = nil) -> Int { count(key, on: day) * 12 }

    /// A date parameter.
    func date(_ key: ParameterKey) -> Day {
        if case .date(let d) = value(key, on: nil) { return d }
        return Day(unchecked: 1, 1, 1)
    }

    /// A rate in hundredths.
    func hundredths(_ key: ParameterKey, on day: Day? = nil) -> Int {
        if case .rate(let h) = value(key, on: day) { return h }
        return 0
    }

    /// A copy with value `valueIndex` of `key` replaced (nil if the new value is not valid in the unit).
    public func replacing(_ key: ParameterKey, value valueIndex: Int, with quantity: Quantity) -> Parameters? {
        guard let i = index[key], all[i].values.indices.contains(valueIndex),
            Self.problem(quantity, unit: key.unit) == nil
        else { return nil }
        var copy = self
        copy.all[i].values[valueIndex].value = quantity
        return copy
    }
}

/// A parameter file that does not give the rules what they read.
public struct ParametersError: Error, Sendable, CustomStringConvertible {
    public var id: String
    public var message: String
    public var description: String { "parameter \(id): \(message)" }
}

/// Rates as the answers write them: "0.07".
enum RateText {
    static func text(_ hundredths: Int) -> String {
        String(hundredths / 100) + "." + Digits.pad(hundredths % 100, 2)
    }
}
