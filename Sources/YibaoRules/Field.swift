/// One field of an operation's input or output.
public struct Field: Sendable, Equatable {
    public let name: String
    public let type: FieldType
    public let required: Bool
    /// What an absent optional field means; nil when absence is itself meaningful.
    public let defaultValue: Value?
    /// The values an `.int` field accepts (bounded so that no arithmetic can overflow).
    public let range: ClosedRange<Int>?

    init(
        _ name: String, _ type: FieldType, required: Bool = true, default defaultValue: Value? = nil,
        range: ClosedRange<Int>? = nil
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.range = range
    }

    /// An optional field with no default.
    static func optional(_ name: String, _ type: FieldType) -> Field {
        Field(name, type, required: false)
    }

    /// An optional field with a default.
    static func optional(_ name: String, _ type: FieldType, default value: Value) -> Field {
        Field(name, type, required: false, default: value)
    }
}
