/// Reads an operation's input `Value` against its schema, once, for every operation:
/// unknown fields, missing required fields, wrong types and impossible values are
/// invalid-input naming the field's path ("periods[1].from: not a month (YYYY-MM)").
enum InputReader {
    /// Years accepted in months and dates: enough for any real case, small enough that no
    /// arithmetic on them can overflow.
    static let years = 1000...8999
    /// The longest list accepted.
    static let maxListCount = 1000
    /// The largest money amount accepted: 100,000,000,000.00 (so base × 7 × months fits in Int64).
    static let maxMoney = Money(fen: 10_000_000_000_000)

    static func read(_ value: Value, fields: [Field], path: String = "") throws(RuleError) -> Record {
        guard case .object(let members) = value else {
            throw RuleError.invalid("\(path.isEmpty ? "input" : path): not an object")
        }
        var record = Record(path: path, fields: [:])
        var seen = Set<String>()
        for member in members {
            guard let field = fields.first(where: { $0.name == member.key }) else {
                throw RuleError.invalid("unknown field \(record.path(of: member.key))")
            }
            guard seen.insert(member.key).inserted else {
                throw RuleError.invalid("\(record.path(of: member.key)): given twice")
            }
            // `null` is absent (docs/protocol.md): vendors' systems serialise every field. A field that may itself be
            // null keeps it; any other null field is read as left out (a required one is then "required").
            if member.value == .null, !field.type.isNullable { continue }
            record.fields[field.name] = try read(member.value, as: field.type, range: field.range,
                                                 path: record.path(of: field.name))
        }
        for field in fields where record.fields[field.name] == nil {
            if field.required {
                throw RuleError.invalid("\(record.path(of: field.name)): required")
            }
            if let defaultValue = field.defaultValue {
                record.fields[field.name] = try read(defaultValue, as: field.type, range: field.range,
                                                     path: record.path(of: field.name))
            }
        }
        return record
    }

    static func read(_ value: Value, as type: FieldType, range: ClosedRange<Int>?, path: String) throws(RuleError) -> Decoded {
        switch type {
        case .nullable(let inner):
            if value == .null { return .null }
            return try read(value, as: inner, range: range, path: path)
        case .bool:
            guard case .bool(let b) = value else { throw RuleError.invalid("\(path): not a boolean") }
            return .bool(b)
        case .int:
            guard case .number(let text) = value, let n = wholeNumber(text) else {
                throw RuleError.invalid("\(path): not an integer")
            }
            if let range, !range.contains(n) {
                throw RuleError.invalid("\(path): out of range \(range.lowerBound)...\(range.upperBound)")
            }
            return .int(n)
        case .string:
            guard case .string(let s) = value else { throw RuleError.invalid("\(path): not a string") }
            // A name (an area, a county, a city) made only of white space names nothing.
            guard s.contains(where: { !$0.isWhitespace }) else { throw RuleError.invalid("\(path): empty") }
            return .string(s)
        case .enumeration(let cases):
            guard case .string(let s) = value, cases.contains(s) else {
                throw RuleError.invalid("\(path): not one of \(cases.joined(separator: "|"))")
            }
            return .string(s)
        case .month:
            guard case .string(let s) = value, let m = Month(s) else {
                throw RuleError.invalid("\(path): not a month (YYYY-MM)")
            }
            guard years.contains(m.year) else { throw RuleError.invalid("\(path): year outside \(years.lowerBound)...\(years.upperBound)") }
            return .month(m)
        case .date:
            guard case .string(let s) = value, let d = Day(s) else {
                throw RuleError.invalid("\(path): not a date (YYYY-MM-DD)")
            }
            guard years.contains(d.year) else { throw RuleError.invalid("\(path): year outside \(years.lowerBound)...\(years.upperBound)") }
            return .date(d)
        case .money, .decimal:
            // I-20: a string or a number, at most two decimals, not negative.
            let text: String
            switch value {
            case .string(let s): text = s
            case .number(let s): text = s
            default: throw RuleError.invalid("\(path): not money (a decimal with at most two places)")
            }
            guard let money = Money(text) else {
                throw RuleError.invalid("\(path): not money (a decimal with at most two places, not negative)")
            }
            guard money <= maxMoney else { throw RuleError.invalid("\(path): more than \(maxMoney)") }
            return .money(money)
        case .list(let element):
            guard case .array(let items) = value else { throw RuleError.invalid("\(path): not a list") }
            guard items.count <= maxListCount else { throw RuleError.invalid("\(path): more than \(maxListCount) items") }
            var decoded: [Decoded] = []
            for (i, item) in items.enumerated() {
                decoded.append(try read(item, as: element, range: range, path: "\(path)[\(i)]"))
            }
            return .list(decoded)
        case .object(let fields):
            return .object(try read(value, fields: fields, path: path))
        case .map(let element):
            guard case .object(let members) = value else { throw RuleError.invalid("\(path): not an object") }
            guard members.count <= maxListCount else { throw RuleError.invalid("\(path): more than \(maxListCount) entries") }
            var map: [String: Decoded] = [:]
            for member in members {
                let memberPath = path + "." + member.key
                guard !member.key.isEmpty else { throw RuleError.invalid("\(path): empty key") }
                guard map[member.key] == nil else { throw RuleError.invalid("\(memberPath): given twice") }
                map[member.key] = try read(member.value, as: element, range: range, path: memberPath)
            }
            return .map(map)
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
