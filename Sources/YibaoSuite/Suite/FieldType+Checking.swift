import YibaoRules
import YibaoYAML

extension FieldType {
    /// The first problem with `node` as a value of this type, located at the offending node; nil when it fits.
    /// `requireFields`: inputs (true) or an expected output (false). An object's required fields must be present
    /// either way: an expected output lists only the fields it checks, but an object inside one is compared whole,
    /// so `requirements: [{}, {}]` is an error, not a wildcard.
    /// Scalars are checked by the rules' own `scalarProblem`, so what lint accepts the reference reads.
    func problem(with node: YAMLNode, path: String, range: ClosedRange<Int>? = nil, requireFields: Bool) -> (Mark, String)? {
        switch self {
        case .nullable(let inner):
            if node.scalar?.resolved == .null { return nil }
            return inner.problem(with: node, path: path, range: range, requireFields: requireFields)
        case .list(let element):
            guard case .sequence(let items) = node.content else {
                return (node.mark, Messages.text("lint.type.expected", path, Messages.text("shape.list"), node.shapeName))
            }
            if items.count > FieldType.maxItems { return (node.mark, Messages.text("lint.type.tooManyItems", path, FieldType.maxItems)) }
            for (i, item) in items.enumerated() {
                if let p = element.problem(with: item, path: "\(path)[\(i)]", range: range, requireFields: requireFields) { return p }
            }
            return nil
        case .object(let fields):
            guard case .mapping(let pairs) = node.content else {
                return (node.mark, Messages.text("lint.type.expected", path, Messages.text("shape.mapping"), node.shapeName))
            }
            for pair in pairs {
                let key = pair.key.scalar?.text ?? ""
                guard let field = fields.first(where: { $0.name == key }) else {
                    return (pair.key.mark, Messages.text("lint.type.unknownField", path, key, fields.map(\.name).joined(separator: ", ")))
                }
                // `null` is absent: fine for an optional field, missing for a required one.
                if pair.value.scalar?.resolved == .null, !field.type.isNullable {
                    if requireFields && field.required {
                        return (pair.value.mark, Messages.text("lint.type.requiredNull", "\(path).\(key)"))
                    }
                    continue
                }
                if let p = field.type.problem(with: pair.value, path: "\(path).\(key)", range: field.range, requireFields: requireFields) {
                    return p
                }
            }
            for field in fields where field.required && !pairs.contains(where: { $0.key.scalar?.text == field.name }) {
                // An expected object inside a field is compared whole: `{}` would otherwise match any answer.
                if !requireFields {
                    return (
                        node.mark,
                        Messages.text("lint.type.missingWhole", path, field.name)
                    )
                }
                return (node.mark, Messages.text("lint.type.missing", path, field.name))
            }
            return nil
        case .map(let valueType):
            guard case .mapping(let pairs) = node.content else {
                return (node.mark, Messages.text("lint.type.expected", path, Messages.text("shape.mapping"), node.shapeName))
            }
            if pairs.count > FieldType.maxItems { return (node.mark, Messages.text("lint.type.tooManyEntries", path, FieldType.maxItems)) }
            for pair in pairs {
                let key = pair.key.scalar?.text ?? ""
                if key.isEmpty { return (pair.key.mark, Messages.text("lint.type.emptyKey", path)) }
                if let p = valueType.problem(with: pair.value, path: "\(path).\(key)", range: range, requireFields: requireFields) {
                    return p
                }
            }
            return nil
        default:
            guard let scalar = node.scalar else {
                return (node.mark, Messages.text("lint.type.expected", path, localizedName, node.shapeName))
            }
            let value = scalar.value
            return scalarProblemKind(value, range: range).map {
                (node.mark, Messages.text("lint.type.scalar", path, JSON.serialize(value), $0.localizedText))
            }
        }
    }
}
