/// What is wrong with a scalar value read as a field's type. The rules word it in English (`text`, which the
/// protocol's `invalid-input` messages use); lint words it from the message catalogue in the chosen language.
public enum ScalarProblem: Sendable, Hashable {
    case notBoolean, notInteger, notString, empty, notMonth, notDate, notMoney, notDecimal
    case outOfRange(ClosedRange<Int>)
    case notOneOf([String])
    case yearOutside(ClosedRange<Int>)
    case moreThan(Money)
    /// Not a list / mapping: the type's English name.
    case notA(String)

    /// The rules' English wording, after "is": "not a month (YYYY-MM)".
    public var text: String {
        switch self {
        case .notBoolean: "not a boolean"
        case .notInteger: "not an integer"
        case .outOfRange(let range): "out of range \(range.lowerBound)...\(range.upperBound)"
        case .notString: "not a string"
        case .empty: "empty"
        case .notOneOf(let cases): "not one of \(cases.joined(separator: "|"))"
        case .notMonth: "not a month (YYYY-MM)"
        case .yearOutside(let years): "year outside \(years.lowerBound)...\(years.upperBound)"
        case .notDate: "not a date (YYYY-MM-DD)"
        case .notMoney: "not money (a decimal with at most two places, not negative)"
        case .moreThan(let money): "more than \(money)"
        case .notDecimal: "not a decimal number"
        case .notA(let name): "not \(name)"
        }
    }
}
