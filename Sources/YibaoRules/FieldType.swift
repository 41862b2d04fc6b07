/// The type of an input or output field.
public indirect enum FieldType: Sendable, Equatable {
    /// `YYYY-MM`
    case month
    /// `YYYY-MM-DD`
    case date
    /// A decimal with at most two places: a string, or a number on input.
    case money
    /// A decimal string such as "0.07".
    case decimal
    case int
    case bool
    case string
    case enumeration([String])
    case list(FieldType)
    case object([Field])
    /// An object with any keys, each holding a `T` (e.g. `systemStart`).
    case map(FieldType)
    /// The type, or null.
    case nullable(FieldType)
}

extension FieldType {
    /// Whether null is a value of the type (a nullable field keeps null; any other field reads null as absent).
    public var isNullable: Bool {
        if case .nullable = self { return true }
        return false
    }
}
