import YibaoRules

/// Deliberately invalid inputs: a required field missing or null, a value of the wrong type or impossible
/// (2023-02-29, 2022-13, money with three decimals or a sign), an unknown field, the fault one level down in a
/// list's object. Both the reference and the implementation must answer them `invalid-input`.
extension InputGenerator {
    func corrupt(_ input: Value, fields: [Field], _ r: inout SeededRandom) -> Value {
        guard case .object(var members) = input else { return input }
        switch r.below(6) {
        case 0:
            // A required field missing.
            let required = fields.filter(\.required).map(\.name)
            if let name = required.isEmpty ? nil : r.pick(required) { members.removeAll { $0.key == name } }
        case 1:
            // An unknown field.
            members.append(Member(r.pick(["extra", "Category", "备注"]), .string("x")))
        case 2 where !members.isEmpty:
            // null where a value is needed (or allowed: then the reference decides).
            members[r.below(members.count)].value = .null
        default:
            guard !members.isEmpty else { break }
            let k = r.below(members.count)
            let type = fields.first { $0.name == members[k].key }?.type ?? .string
            members[k].value = wrongValue(for: type, members[k].value, &r)
        }
        return .object(members)
    }

    func wrongValue(for type: FieldType, _ current: Value, _ r: inout SeededRandom) -> Value {
        switch type {
        case .nullable(let inner): return wrongValue(for: inner, current, &r)
        case .month: return .string(r.pick(["2022-13", "2022-00", "2022-5", "2022/05", "2022-05-01"]))
        case .date: return .string(r.pick(["2023-02-29", "2022-04-31", "2022-4-1", "2022-05", "20220501"]))
        case .money, .decimal: return r.pick([.string("-1.00"), .string("1.005"), .string("1e3"), .string("壹佰"), .bool(true)])
        case .int: return r.pick([.string("12"), .number("1.5"), .number("-99999999"), .number("1e2")])
        case .bool: return r.pick([.string("true"), .number("1"), .string("是")])
        case .string, .enumeration: return r.pick([.number("3"), .string("unknown-value"), .array([])])
        case .list(let element):
            // The fault inside the first item when there is one; else not a list.
            if case .array(var items) = current, !items.isEmpty {
                if case .object(let fields) = element {
                    items[0] = corrupt(items[0], fields: fields, &r)
                } else {
                    items[0] = wrongValue(for: element, items[0], &r)
                }
                return .array(items)
            }
            return .object([])
        case .object(let fields): return corrupt(current, fields: fields, &r)
        case .map: return .array([.string("x")])
        }
    }
}
