import YibaoRules
import YibaoYAML

/// One test vector: an operation's input and the outputs the notices require, with the reasoning.
public struct Vector: Sendable, Identifiable {
    public enum Expected: Sendable, Equatable {
        /// The output fields that must match (a subset of the operation's outputs).
        case output([Member])
        /// An error answer with this code (`invalid-input`, `out-of-scope`).
        case error(String)
    }

    public var id: String
    public var title: String
    public var operation: String
    public var clauses: [String]
    public var interpretations: [String]
    public var why: String
    public var input: Value
    public var expected: Expected
    /// The file (relative to the suite root's parent, as given) and the position of the vector's mapping.
    public var mark: Mark
    /// The interpretations it names whose status in docs/interpretations.md is provisional (awaiting a ruling).
    public var provisional: [String] = []

    /// A vector that depends on a provisional reading is advisory: it runs and is reported in its own section and
    /// count, but does not fail `run` or `certify` (`verify` still requires the reference to pass it).
    public var advisory: Bool { !provisional.isEmpty }

    public init(
        id: String, title: String, operation: String, clauses: [String], interpretations: [String], why: String,
        input: Value, expected: Expected, mark: Mark
    ) {
        self.id = id
        self.title = title
        self.operation = operation
        self.clauses = clauses
        self.interpretations = interpretations
        self.why = why
        self.input = input
        self.expected = expected
        self.mark = mark
    }

    public var file: String { mark.file }

    /// The notice document of the vector's first clause (`LU-2021-54/3b` → `LU-2021-54`).
    public var document: String { String(clauses.first?.split(separator: "/").first ?? "") }
}
