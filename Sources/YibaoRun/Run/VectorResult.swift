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
    /// What the implementation wrote to standard error while the vector was in flight, kept with failures.
    public var stderr: StderrLines?
    /// Input, why, clause texts and the reference's answer, for a vector that neither passed nor is unsupported.
    public var card: FailureCard?
    /// Seconds from sending the vector to its answer.
    public var seconds: Double?

    public init(vector: Vector, status: Status, outcome: Outcome? = nil, diffs: [FieldDiff] = [], message: String? = nil) {
        self.vector = vector
        self.status = status
        self.outcome = outcome
        self.diffs = diffs
        self.message = message
    }

    /// Lines of an implementation's standard error shown with a vector: those written while it was in flight (the
    /// last `maxLines`, at most `maxBytes`), and whether other vectors were in flight meanwhile.
    public struct StderrLines: Sendable, Equatable {
        public static let maxLines = 40
        public static let maxBytes = 4096

        /// The lines kept, the last ones written.
        public var text: String
        /// Bytes written before `text` and left out (the caps, or older than what the runner keeps).
        public var omittedBytes: Int
        /// Other vectors in flight while these lines were written: 0 means they are this vector's alone; nil means
        /// they are the process's last lines, not attributed to a vector.
        public var others: Int?

        public init(text: String, omittedBytes: Int = 0, others: Int?) {
            self.text = text
            self.omittedBytes = omittedBytes
            self.others = others
        }

        /// The last lines of `bytes`, within the caps.
        public init(_ bytes: [UInt8], others: Int?, lostBytes: Int) {
            var start = max(0, bytes.count - Self.maxBytes)
            var lines = 0
            var k = bytes.count - 1
            if k >= 0 && bytes[k] == 0x0A { k -= 1 }
            while k >= start {
                if bytes[k] == 0x0A {
                    lines += 1
                    if lines == Self.maxLines {
                        start = k + 1
                        break
                    }
                }
                k -= 1
            }
            // Start on a whole line (or a whole character) when the byte cap cut one.
            if start > 0 && bytes[start - 1] != 0x0A {
                if let nl = bytes[start...].firstIndex(of: 0x0A), nl + 1 < bytes.count { start = nl + 1 }
                while start < bytes.count && bytes[start] & 0xC0 == 0x80 { start += 1 }
            }
            self.init(text: String(decoding: bytes[start...], as: UTF8.self), omittedBytes: lostBytes + start, others: others)
        }
    }

    /// Judges an answer against the vector's expectation (contract §4, §6).
    public static func judge(_ vector: Vector, _ outcome: Outcome) -> VectorResult {
        switch (vector.expected, outcome) {
        case (.error(let want), .error(let code, let message, _)):
            if want == code { return VectorResult(vector: vector, status: .pass, outcome: outcome) }
            return VectorResult(
                vector: vector, status: .fail, outcome: outcome,
                diffs: [FieldDiff(path: "error", expected: .string(want), actual: .string(code))],
                message: Messages.text("judge.otherError", language: .en, want, code, message))
        case (.error(let want), .result(let output, _)):
            return VectorResult(
                vector: vector, status: .fail, outcome: outcome,
                diffs: [FieldDiff(path: "error", expected: .string(want), actual: output)],
                message: Messages.text("judge.result", language: .en, want))
        case (.output, .error(let code, let message, _)):
            return VectorResult(
                vector: vector, status: .error, outcome: outcome,
                message: Messages.text("judge.error", language: .en, code, message))
        case (.output(let expected), .result(let output, _)):
            guard let schema = Operations.schema(named: vector.operation) else {
                return VectorResult(
                    vector: vector, status: .error, outcome: outcome,
                    message: Messages.text("judge.unknownOperation", language: .en, vector.operation))
            }
            guard case .object = output else {
                return VectorResult(
                    vector: vector, status: .error, outcome: outcome, message: Messages.text("judge.notObject", language: .en))
            }
            let diffs = Comparison.diff(expected: expected, actual: output, schema: schema)
            return VectorResult(
                vector: vector, status: diffs.isEmpty ? .pass : .fail, outcome: outcome, diffs: diffs,
                message: diffs.isEmpty ? nil : differingFieldsMessage(diffs.count))
        }
    }

    /// The message of a `fail` with `count` differing fields, as the JSON report carries it (reports for people say it
    /// in their reader's language).
    public static func differingFieldsMessage(_ count: Int) -> String { "\(count) field\(count == 1 ? "" : "s") differ" }

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
