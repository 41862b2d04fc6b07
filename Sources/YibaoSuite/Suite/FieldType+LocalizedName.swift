import YibaoRules

extension FieldType {
    /// The type's short name from the message catalogue ("a month (YYYY-MM)" / "月份（YYYY-MM）"), for lint.
    public var localizedName: String {
        switch self {
        case .month: Messages.text("type.month")
        case .date: Messages.text("type.date")
        case .money: Messages.text("type.money")
        case .decimal: Messages.text("type.decimal")
        case .int: Messages.text("type.int")
        case .bool: Messages.text("type.bool")
        case .string: Messages.text("type.string")
        case .enumeration(let cases): Messages.text("type.enumeration", cases.joined(separator: ", "))
        case .list: Messages.text("shape.list")
        case .object, .map: Messages.text("shape.mapping")
        case .nullable(let inner): Messages.text("type.nullable", inner.localizedName)
        }
    }
}
