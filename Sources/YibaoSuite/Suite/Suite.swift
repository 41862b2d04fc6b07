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
    /// The interpretations awaiting a ruling (docs/interpretations.md): what makes a vector or generated case advisory,
    /// so part of the digest.
    public var provisional: Set<String> = []
    /// The suite's versions, newest first (`changelog.yaml`); `changelog.version` is the suite's version.
    public var changelog = Changelog()
    public var version: String { changelog.version }

    public init(root: String, catalog: Catalog, vectors: [Vector], retired: [String: String] = [:], interpretations: Set<String>? = nil) {
        self.root = root
        self.catalog = catalog
        self.vectors = vectors
        self.retired = retired
        self.interpretations = interpretations
    }

    /// The vectors whose id contains `pattern`, or whose operation or document is `pattern`, or one of whose clauses
    /// is `pattern` or a sub-clause of it (`LU-2021-54/3` matches `LU-2021-54/3b`, `JI-2022-8/9` matches
    /// `JI-2022-8/9.2.1`; `LU-2021-54/1` does not match `LU-2021-54/10`).
    public func vectors(matching pattern: String?) -> [Vector] {
        guard let pattern, !pattern.isEmpty else { return vectors }
        return vectors.filter { Self.matches($0, pattern) }
    }

    /// Whether `vector` is selected by `pattern` (see `vectors(matching:)`); every vector is, without a pattern.
    package static func matches(_ v: Vector, _ pattern: String?) -> Bool {
        guard let pattern, !pattern.isEmpty else { return true }
        return v.id.contains(pattern) || v.operation == pattern || v.document == pattern
            || v.clauses.contains { clause($0, isWithin: pattern) }
    }

    static func clause(_ id: String, isWithin pattern: String) -> Bool {
        guard id.hasPrefix(pattern) else { return false }
        guard let next = id.dropFirst(pattern.count).first else { return true }
        return next == "." || next.isLetter
    }
}
