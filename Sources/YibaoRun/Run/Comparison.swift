import YibaoRules
import YibaoSuite

/// One field where an answer differs from what a vector expects.
public struct FieldDiff: Sendable, Equatable {
    /// The field's path: `restoredFrom`, `requirements[1].actualMonths`.
    public var path: String
    public var expected: Value
    /// nil when the answer lacks the field.
    public var actual: Value?
}

/// Compares answers with expectations field by field, by the operation's output types (contract §4):
/// months, dates and money compare as values (`"70.04"` = `70.040`), lists element by element, objects by
/// the expected fields.
public enum Comparison {
    public static func diff(expected: [Member], actual: Value, schema: OperationSchema) -> [FieldDiff] {
        var diffs: [FieldDiff] = []
        for member in expected {
            let type = schema.output.first { $0.name == member.key }?.type
            compare(member.value, actual[member.key], type: type, path: member.key, into: &diffs)
        }
        return diffs
    }

    static func compare(_ expected: Value, _ actual: Value?, type: FieldType?, path: String, into diffs: inout [FieldDiff]) {
        guard let actual else {
            diffs.append(FieldDiff(path: path, expected: expected, actual: nil))
            return
        }
        var innerType = type
        if case .nullable(let inner)? = type { innerType = inner }
        switch (expected, actual, innerType) {
        case (.array(let e), .array(let a), _):
            var element: FieldType?
            if case .list(let t)? = innerType { element = t }
            if e.count != a.count {
                diffs.append(FieldDiff(path: path, expected: expected, actual: actual))
                return
            }
            for i in e.indices { compare(e[i], a[i], type: element, path: "\(path)[\(i)]", into: &diffs) }
        case (.object(let e), .object, _):
            for member in e {
                var fieldType: FieldType?
                if case .object(let fields)? = innerType { fieldType = fields.first { $0.name == member.key }?.type }
                if case .map(let valueType)? = innerType { fieldType = valueType }
                compare(member.value, actual[member.key], type: fieldType, path: "\(path).\(member.key)", into: &diffs)
            }
        default:
            if !scalarEqual(expected, actual, type: innerType) {
                diffs.append(FieldDiff(path: path, expected: expected, actual: actual))
            }
        }
    }

    static func scalarEqual(_ e: Value, _ a: Value, type: FieldType?) -> Bool {
        if e == a { return true }
        switch (e, a, type) {
        case (.string(let x), .string(let y), .month?): return Month(x).map { $0 == Month(y) } ?? false
        case (.string(let x), .string(let y), .date?): return Day(x).map { $0 == Day(y) } ?? false
        case (.number(let x), .number(let y), .int?):
            return DecimalText(x).map { $0 == DecimalText(y) } ?? false
        case (_, _, .money?), (_, _, .decimal?), (.number, .number, _):
            guard let x = e.numberText, let y = a.numberText, let dx = DecimalText(x), let dy = DecimalText(y) else { return false }
            return dx == dy
        default: return false
        }
    }
}

extension Value {
    /// The text of a number, or of a string holding one (money is a string in answers).
    var numberText: String? {
        switch self {
        case .number(let t), .string(let t): return t
        default: return nil
        }
    }
}
