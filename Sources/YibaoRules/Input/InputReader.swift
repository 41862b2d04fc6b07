/// Reads an operation's input `Value` against its schema, once, for every operation:
/// unknown fields, missing required fields, wrong types and impossible values are
/// invalid-input naming the field's path ("periods[1].from: not a month (YYYY-MM)").
enum InputReader {
    /// Years accepted in months and dates (`FieldType.years`).
    static let years = FieldType.years

    static func read(_ value: Value, fields: [Field], path: String = "") throws(RuleError) -> Record {
        guard case .object(let members) = value else {
            throw RuleError.invalid("\(path.isEmpty ? "input" : path): not an object")
        }
        // By field position, and paths only built for a message: the reader runs for every case the fuzzer makes.
        // Fields are read in place (`fields[i].type`), not copied: a copy of a field retains its parts.
        var record = Record(path: path, fields: fields)
        for k in members.indices {
            let key = members[k].key
            var i = 0
            while i < fields.count && fields[i].name != key { i += 1 }
            guard i < fields.count else { throw RuleError.invalid("unknown field \(record.path(of: key))") }
            // Every member before this one named a field, so a repeat is one of them.
            guard !members[..<k].contains(where: { $0.key == key }) else {
                throw RuleError.invalid("\(record.path(of: key)): given twice")
            }
            // `null` is absent (docs/protocol.md): vendors' systems serialise every field. A field that may itself be
            // null keeps it; any other null field is read as left out (a required one is then "required").
            if case .null = members[k].value, !fields[i].type.isNullable { continue }
            record.values[i] = try read(members[k].value, as: fields[i].type, range: fields[i].range) { Record.path(path, key) }
        }
        for i in fields.indices where record.values[i] == nil {
            if fields[i].required {
                throw RuleError.invalid("\(record.path(of: fields[i].name)): required")
            }
            if let defaultValue = fields[i].defaultValue {
                record.values[i] = try read(defaultValue, as: fields[i].type, range: fields[i].range) {
                    Record.path(path, fields[i].name)
                }
            }
        }
        return record
    }

    /// `path` makes the value's path for a message ("periods[1].from"); it is called only when there is one.
    static func read(
        _ value: Value, as type: FieldType, range: ClosedRange<Int>?, path: () -> String
    ) throws(RuleError) -> Decoded {
        switch type {
        case .nullable(let inner):
            if value == .null { return .null }
            return try read(value, as: inner, range: range, path: path)
        case .bool, .int, .string, .enumeration, .month, .date, .money, .decimal:
            switch type.decodeScalar(value, range: range) {
            case .success(let decoded): return decoded
            case .failure(let problem): throw RuleError.invalid("\(path()): \(problem.text)")
            }
        case .list(let element):
            guard case .array(let items) = value else { throw RuleError.invalid("\(path()): not a list") }
            guard items.count <= FieldType.maxItems else { throw RuleError.invalid("\(path()): more than \(FieldType.maxItems) items") }
            var decoded: [Decoded] = []
            for (i, item) in items.enumerated() {
                decoded.append(try read(item, as: element, range: range) { "\(path())[\(i)]" })
            }
            return .list(decoded)
        case .object(let fields):
            return .object(try read(value, fields: fields, path: path()))
        case .map(let element):
            guard case .object(let members) = value else { throw RuleError.invalid("\(path()): not an object") }
            guard members.count <= FieldType.maxItems else { throw RuleError.invalid("\(path()): more than \(FieldType.maxItems) entries") }
            var map: [String: Decoded] = [:]
            for member in members {
                guard !member.key.isEmpty else { throw RuleError.invalid("\(path()): empty key") }
                guard map[member.key] == nil else { throw RuleError.invalid("\(path()).\(member.key): given twice") }
                map[member.key] = try read(member.value, as: element, range: range) { path() + "." + member.key }
            }
            return .map(map)
        }
    }
}
