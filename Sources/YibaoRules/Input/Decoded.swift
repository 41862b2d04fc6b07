/// One input value after it has been checked against its `FieldType`.
enum Decoded: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case month(Month)
    case date(Day)
    case money(Money)
    case list([Decoded])
    case object(Record)
    case map([String: Decoded])
}
