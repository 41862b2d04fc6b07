import YibaoRules
import YibaoYAML

extension FieldType {
    /// The first problem with `node` as a value of this type, located at the offending node; nil when it fits.
    /// `requireFields`: object fields marked required must be present (inputs), or not (expected outputs).
    func problem(with node: YAMLNode, path: String, requireFields: Bool) -> (Mark, String)? {
        switch self {
        case .nullable(let inner):
            if node.scalar?.resolved == .null { return nil }
            return inner.problem(with: node, path: path, requireFields: requireFields)
        case .list(let element):
            guard case .sequence(let items) = node.content else { return (node.mark, "\(path): expected a list, found \(node.shapeName)") }
            for (i, item) in items.enumerated() {
                if let p = element.problem(with: item, path: "\(path)[\(i)]", requireFields: requireFields) { return p }
            }
            return nil
        case .object(let fields):
            guard case .mapping(let pairs) = node.content else { return (node.mark, "\(path): expected a mapping, found \(node.shapeName)") }
            for pair in pairs {
                let key = pair.key.scalar?.text ?? ""
                guard let field = fields.first(where: { $0.name == key }) else {
                    return (pair.key.mark, "\(path): unknown field \"\(key)\" (fields: \(fields.map(\.name).joined(separator: ", ")))")
                }
                // `null` is absent: fine for an optional field, missing for a required one.
                if pair.value.scalar?.resolved == .null, !field.type.isNullable {
                    if requireFields && field.required { return (pair.value.mark, "\(path).\(key): required, and null is absent") }
                    continue
                }
                if let p = field.type.problem(with: pair.value, path: "\(path).\(key)", requireFields: requireFields) { return p }
            }
            if requireFields {
                for field in fields where field.required && !pairs.contains(where: { $0.key.scalar?.text == field.name }) {
                    return (node.mark, "\(path): missing required field \"\(field.name)\"")
                }
            }
            return nil
        case .map(let valueType):
            guard case .mapping(let pairs) = node.content else { return (node.mark, "\(path): expected a mapping, found \(node.shapeName)") }
            for pair in pairs {
                let key = pair.key.scalar?.text ?? ""
                if let p = valueType.problem(with: pair.value, path: "\(path).\(key)", requireFields: requireFields) { return p }
            }
            return nil
        default:
            guard let scalar = node.scalar else { return (node.mark, "\(path): expected \(name), found \(node.shapeName)") }
            return scalarProblem(scalar.value) .map { (node.mark, "\(path): \($0)") }
        }
    }

    /// The problem with a scalar value of this (scalar) type, or nil.
    func scalarProblem(_ value: Value) -> String? {
        switch (self, value) {
        case (.month, .string(let s)): return Month(s) == nil ? "\"\(s)\" is not a month (YYYY-MM)" : nil
        case (.date, .string(let s)): return Day(s) == nil ? "\"\(s)\" is not a date (YYYY-MM-DD)" : nil
        case (.money, .string(let s)), (.money, .number(let s)):
            return Money(s) == nil ? "\(s) is not an amount of money (at most two decimals)" : nil
        case (.decimal, .string(let s)), (.decimal, .number(let s)):
            return DecimalText(s) == nil ? "\(s) is not a decimal number" : nil
        case (.int, .number(let s)): return Int(s) == nil ? "\(s) is not a whole number" : nil
        case (.bool, .bool), (.string, .string): return nil
        case (.enumeration(let cases), .string(let s)):
            return cases.contains(s) ? nil : "\"\(s)\" is not one of \(cases.joined(separator: ", "))"
        case (.nullable(let inner), _): return value == .null ? nil : inner.scalarProblem(value)
        default: return "expected \(name), found \(value.shapeName)"
        }
    }

    /// A short name of the type, for messages.
    var name: String {
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
}

extension Value {
    var shapeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "a mapping"
        }
    }
}
