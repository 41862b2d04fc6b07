/// A JSON/YAML value as the operations receive and return it.
public enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's text, exactly as written ("3528.5", "12").
    case number(String)
    case string(String)
    case array([Value])
    /// Members in their order.
    case object([Member])

    /// The value of the first member named `key`, for an object; nil otherwise.
    public subscript(key: String) -> Value? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}
