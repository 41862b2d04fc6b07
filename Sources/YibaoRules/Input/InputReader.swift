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
            record.fields[field.name] = try read(
                member.value, as: field.type, range: field.range,
                path: record.path(of: field.name))
        }
        for field in fields where record.fields[field.name] == nil {
            if field.required {
                throw RuleError.invalid("\(record.path(of: field.name)): required")
            }
            if let defaultValue = field.defaultValue {
                record.fields[field.name] = try read(
                    defaultValue, as: field.type, range: field.range,
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
        case .bool, .int, .string, .enumeration, .month, .date, .money, .decimal:
            switch type.decodeScalar(value, range: range) {
            case .success(let decoded): return decoded
            case .failure(let problem): throw RuleError.invalid("\(path): \(problem.text)")
            }
        case .list(let element):
            guard case .array(let items) = value else { throw RuleError.invalid("\(path): not a list") }
            guard items.count <= FieldType.maxItems else { throw RuleError.invalid("\(path): more than \(FieldType.maxItems) items") }
            var decoded: [Decoded] = []
            for (i, item) in items.enumerated() {
                decoded.append(try read(item, as: element, range: range, path: "\(path)[\(i)]"))
            }
            return .list(decoded)
        case .object(let fields):
            return .object(try read(value, fields: fields, path: path))
        case .map(let element):
            guard case .object(let members) = value else { throw RuleError.invalid("\(path): not an object") }
            guard members.count <= FieldType.maxItems else { throw RuleError.invalid("\(path): more than \(FieldType.maxItems) entries") }
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
}
