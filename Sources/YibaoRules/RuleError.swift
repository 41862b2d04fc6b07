/// Why an operation gave no result.
public struct RuleError: Error, Sendable, Equatable {
    public enum Code: String, Sendable {
        case invalidInput = "invalid-input"
        case outOfScope = "out-of-scope"
        case unsupported
        case `internal`
    }

    public var code: Code
    /// For invalid-input it names the field: "lastUnpaidMonth: before firstUnpaidMonth".
    public var message: String
    /// out-of-scope: the clauses whose windows excluded the case; invalid-input: [].
    public var trace: [String]

    public init(code: Code, message: String, trace: [String] = []) {
        self.code = code
        self.message = message
        self.trace = trace
    }

    static func invalid(_ message: String) -> RuleError {
        RuleError(code: .invalidInput, message: message)
    }

    static func outOfScope(_ message: String, _ trace: [String]) -> RuleError {
        RuleError(code: .outOfScope, message: message, trace: trace)
    }
}
