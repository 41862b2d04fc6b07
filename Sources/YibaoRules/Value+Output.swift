/// Builders for output values in the contract's formats (§2).
extension Value {
    /// "YYYY-MM"
    static func text(_ month: Month) -> Value { .string(month.description) }
    /// "YYYY-MM-DD"
    static func text(_ day: Day) -> Value { .string(day.description) }
    /// "1234.56"
    static func text(_ money: Money) -> Value { .string(money.description) }
    /// A JSON number.
    static func int(_ n: Int) -> Value { .number(String(n)) }
    /// The month, or null.
    static func text(_ month: Month?) -> Value { month.map { .text($0) } ?? .null }
    /// The date, or null.
    static func text(_ day: Day?) -> Value { day.map { .text($0) } ?? .null }
}
