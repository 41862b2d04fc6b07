import YibaoRules
import YibaoYAML

/// The clause catalog of the four notices: documents and their clauses, in document order.
public struct Catalog: Sendable {
    public private(set) var documents: [NoticeDocument] = []
    public private(set) var clauses: [Clause] = []
    /// The notices' numbers and dates (catalog/parameters.yaml); nil when that file is missing or broken (a
    /// diagnostic says why).
    public var parameters: Parameters?
    private var indexByID: [String: Int] = [:]
    private var childrenByID: [String: [String]] = [:]

    public init(documents: [NoticeDocument], clauses: [Clause], parameters: Parameters? = nil) {
        self.documents = documents
        self.clauses = clauses
        self.parameters = parameters
        for (i, clause) in clauses.enumerated() {
            indexByID[clause.id] = i
            childrenByID[clause.parent, default: []].append(clause.id)
        }
    }

    public subscript(id: String) -> Clause? { indexByID[id].map { clauses[$0] } }

    public func contains(_ id: String) -> Bool { indexByID[id] != nil }

    public func children(of id: String) -> [String] { childrenByID[id] ?? [] }

    /// The clause's parents up to (not including) its document.
    public func ancestors(of id: String) -> [String] {
        var result: [String] = []
        var current = self[id]?.parent
        while let p = current, let clause = self[p] {
            result.append(p)
            current = clause.parent
        }
        return result
    }

    /// Clauses that need vectors: normative ones (a normative clause may also have children, like JI-2022-8/7).
    public var normativeClauses: [Clause] { clauses.filter(\.isNormative) }

    public func document(_ id: String) -> NoticeDocument? { documents.first { $0.id == id } }
}
