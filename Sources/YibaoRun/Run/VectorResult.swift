import YibaoRules
import YibaoSuite

/// The verdict on one vector, with its evidence.
public struct VectorResult: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        /// The answer matches.
        case pass
        /// An answer that differs.
        case fail
        /// A protocol violation, or an error answer where a result was expected.
        case error
        case timeout
        /// The implementation ended or closed its output while working on the vector.
        case crash
        /// The implementation does not list the vector's operation.
        case unsupported
        /// The implementation was given up on before the vector could be sent.
        case notRun = "not-run"
    }

    public var vector: Vector
    public var status: Status
    public var outcome: Outcome?
    public var diffs: [FieldDiff] = []
    /// What went wrong, in words (the protocol violation, the exit status, the differing error code…).
    public var message: String?
    /// The last part of the implementation's standard error, kept with failures.
    public var stderrTail: String?
    /// Seconds from sending the vector to its answer.
    public var seconds: Double?

    public init(vector: Vector, status: Status, outcome: Outcome? = nil, diffs: [FieldDiff] = [], message: String? = nil) {
        self.vector = vector
        self.status = status
        self.outcome = outcome
        self.diffs = diffs
        self.message = message
    }

    /// Judges an answer against the vector's expectation (contract §4, §6).
    public static func judge(_ vector: Vector, _ outcome: Outcome) -> VectorResult {
        switch (vector.expected, outcome) {
        case (.error(let want), .error(let code, let message, _)):
            if want == code { return VectorResult(vector: vector, status: .pass, outcome: outcome) }
            return VectorResult(vector: vector, status: .fail, outcome: outcome,
                                diffs: [FieldDiff(path: "error", expected: .string(want), actual: .string(code))],
                                message: "expected error \(want), got error \(code): \(message)")
        case (.error(let want), .result(let output, _)):
            return VectorResult(vector: vector, status: .fail, outcome: outcome,
                                diffs: [FieldDiff(path: "error", expected: .string(want), actual: output)],
                                message: "expected error \(want), got a result")
        case (.output, .error(let code, let message, _)):
            return VectorResult(vector: vector, status: .error, outcome: outcome,
                                message: "expected a result, got error \(code): \(message)")
        case (.output(let expected), .result(let output, _)):
            guard let schema = Operations.schema(named: vector.operation) else {
                return VectorResult(vector: vector, status: .error, outcome: outcome, message: "unknown operation \(vector.operation)")
            }
            guard case .object = output else {
                return VectorResult(vector: vector, status: .error, outcome: outcome, message: "the output is not a JSON object")
            }
            let diffs = Comparison.diff(expected: expected, actual: output, schema: schema)
            return VectorResult(vector: vector, status: diffs.isEmpty ? .pass : .fail, outcome: outcome, diffs: diffs,
                                message: diffs.isEmpty ? nil : "\(diffs.count) field\(diffs.count == 1 ? "" : "s") differ")
        }
    }

    /// The trace the reference gives for a vector answered with a result or an out-of-scope error
    /// (invalid-input answers carry no trace and are not cross-checked against the vector's clauses).
    public var referenceTrace: [String]? {
        switch outcome {
        case .result(_, let trace?): return trace
        case .error("out-of-scope", _, let trace?): return trace
        default: return nil
        }
    }
}
