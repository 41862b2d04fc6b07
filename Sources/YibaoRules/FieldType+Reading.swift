/// The one check of a value against a field's type: the reference's input reader decodes with it, and lint, `new`
/// and `schema` describe and check vector files with it, so a value lint accepts is a value the reference reads.
extension FieldType {
    /// Years accepted in months and dates: enough for any real case, small enough that no arithmetic on them can
    /// overflow.
    public static let years = 1000...8999
    /// The most items a list (or entries a map) may hold.
    public static let maxItems = 1000
    /// The largest money amount accepted: 100,000,000,000.00 (so base × 7 × months fits in Int64).
    public static let maxMoney = Money(fen: 10_000_000_000_000)

    /// The problem with a scalar `value` as this (scalar) type, in words after "is": "not a month (YYYY-MM)";
    /// nil when it fits. `range` bounds an `.int` field.
    public func scalarProblem(_ value: Value, range: ClosedRange<Int>? = nil) -> String? {
        scalarProblemKind(value, range: range)?.text
    }

    /// What is wrong with a scalar `value` as this type, as a case a message catalogue can word in any language.
    public func scalarProblemKind(_ value: Value, range: ClosedRange<Int>? = nil) -> ScalarProblem? {
        if case .failure(let problem) = decodeScalar(value, range: range) { return problem.kind }
        return nil
    }

    struct Problem: Error {
        var kind: ScalarProblem
        var text: String { kind.text }
        init(_ kind: ScalarProblem) { self.kind = kind }
    }

    /// The scalar value decoded, or what is wrong with it.
    func decodeScalar(_ value: Value, range: ClosedRange<Int>?) -> Result<Decoded, Problem> {
        switch self {
        case .nullable(let inner):
            return value == .null ? .success(.null) : inner.decodeScalar(value, range: range)
        case .bool:
            guard case .bool(let b) = value else { return .failure(Problem(.notBoolean)) }
            return .success(.bool(b))
        case .int:
            guard case .number(let text) = value, let n = Self.wholeNumber(text) else { return .failure(Problem(.notInteger)) }
            if let range, !range.contains(n) { return .failure(Problem(.outOfRange(range))) }
            return .success(.int(n))
        case .string:
            guard case .string(let s) = value else { return .failure(Problem(.notString)) }
            // A name (an area, a county, a city) made only of white space names nothing.
            // (A first scalar that is not white space starts a character that is not: the common case, decided
            // without breaking the text into characters.)
            guard s.unicodeScalars.first.map({ !$0.properties.isWhitespace }) == true || s.contains(where: { !$0.isWhitespace })
            else { return .failure(Problem(.empty)) }
            return .success(.string(s))
        case .enumeration(let cases):
            guard case .string(let s) = value, cases.contains(s) else {
                return .failure(Problem(.notOneOf(cases)))
            }
            return .success(.string(s))
        case .month:
            guard case .string(let s) = value, let m = Month(s) else { return .failure(Problem(.notMonth)) }
            guard Self.years.contains(m.year) else {
                return .failure(Problem(.yearOutside(Self.years)))
            }
            return .success(.month(m))
        case .date:
            guard case .string(let s) = value, let d = Day(s) else { return .failure(Problem(.notDate)) }
            guard Self.years.contains(d.year) else {
                return .failure(Problem(.yearOutside(Self.years)))
            }
            return .success(.date(d))
        case .money:
            // I-20: a string or a number, at most two decimals, not negative.
            guard let text = value.numberOrStringText, let money = Money(text) else {
                return .failure(Problem(.notMoney))
            }
            guard money <= Self.maxMoney else { return .failure(Problem(.moreThan(Self.maxMoney))) }
            return .success(.money(money))
        case .decimal:
            guard let text = value.numberOrStringText, let decimal = DecimalText(text) else {
                return .failure(Problem(.notDecimal))
            }
            return .success(.string(decimal.description))
        case .list, .object, .map:
            return .failure(Problem(.notA(name)))
        }
    }

    /// A short name of the type, for messages and scaffolds: "a month (YYYY-MM)".
    public var name: String {
        switch self {
        case .month: return "a month (YYYY-MM)"
        case .date: return "a date (YYYY-MM-DD)"
        case .money: return "money (\"0.00\")"
        case .decimal: return "a decimal number"
        case .int: return "a whole number"
        case .bool: return "true or false"
        case .string: return "a string"
        case .enumeration(let cases): return "one of \(cases.joined(separator: ", "))"
        case .list: return "a list"
        case .object, .map: return "a mapping"
        case .nullable(let inner): return inner.name + " or null"
        }
    }

    /// A JSON/YAML number that is a whole number of at most 9 digits: "12", "-3", "+4", "12.0".
    /// Exponents and fractions other than zeros are not integers here.
    static func wholeNumber(_ text: String) -> Int? {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
            let fraction = bytes[(dot + 1)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
            bytes = bytes[..<dot]
        }
        guard let magnitude = Digits.value(bytes) else { return nil }
        return negative ? -magnitude : magnitude
    }
}

extension Value {
    /// A string's text or a number's text (money and decimals may be written either way).
    fileprivate var numberOrStringText: String? {
        switch self {
        case .string(let s), .number(let s): return s
        default: return nil
        }
    }
}
