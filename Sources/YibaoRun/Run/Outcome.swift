import YibaoRules
import YibaoSuite

/// What an implementation answered for one vector.
public enum Outcome: Sendable, Equatable {
    case result(output: Value, trace: [String]?)
    case error(code: String, message: String, trace: [String]?)

    public var trace: [String]? {
        switch self {
        case .result(_, let trace), .error(_, _, let trace): return trace
        }
    }

    /// The answer as the JSON a report shows: the output object, or `{"error": code, "message": …}`.
    public var value: Value {
        switch self {
        case .result(let output, _): return output
        case .error(let code, let message, _): return .object([Member("error", .string(code)), Member("message", .string(message))])
        }
    }
}

extension Outcome {
    public init(_ result: Result<Answer, RuleError>) {
        switch result {
        case .success(let answer): self = .result(output: answer.output, trace: answer.trace)
        case .failure(let error): self = .error(code: error.code.rawValue, message: error.message, trace: error.trace)
        }
    }
}
