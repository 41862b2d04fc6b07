import YibaoRules
import YibaoYAML

/// The whole conformance suite: the clause catalog and every vector, as loaded from a `vectors/` folder.
public struct Suite: Sendable {
    /// The `vectors/` folder.
    public var root: String
    public var catalog: Catalog
    public var vectors: [Vector]
    /// Ids that were used once and may not be reused, with the reason they were retired.
    public var retired: [String: String]
    /// Interpretation ids (I-1, …) known from docs/interpretations.md beside the suite, when that file exists.
    public var interpretations: Set<String>?

    public init(root: String, catalog: Catalog, vectors: [Vector], retired: [String: String] = [:], interpretations: Set<String>? = nil) {
        self.root = root
        self.catalog = catalog
        self.vectors = vectors
        self.retired = retired
        self.interpretations = interpretations
    }

    /// The vectors whose id, operation, document or a clause matches `pattern`
    /// (a substring; a clause pattern also matches its sub-clauses: `LU-2021-54/3` matches `LU-2021-54/3b`).
    public func vectors(matching pattern: String?) -> [Vector] {
        guard let pattern, !pattern.isEmpty else { return vectors }
        return vectors.filter { v in
            v.id.contains(pattern) || v.operation == pattern || v.document == pattern
                || v.clauses.contains { $0 == pattern || $0.hasPrefix(pattern) }
        }
    }
}
