/// Which vectors a run takes: `--filter` patterns (a vector is taken when any matches, see `Suite.matches`) and
/// `--only` (one vector, by its exact id). Without either, every vector.
public struct VectorFilter: Sendable, Equatable {
    public var patterns: [String]
    public var only: String?

    public init(patterns: [String] = [], only: String? = nil) {
        self.patterns = patterns.filter { !$0.isEmpty }
        self.only = only
    }

    public var isEmpty: Bool { patterns.isEmpty && only == nil }

    public func matches(_ vector: Vector) -> Bool {
        if let only { return vector.id == only }
        return patterns.isEmpty || patterns.contains { Suite.matches(vector, $0) }
    }

    /// The patterns (or the `--only` id) that `vector` matches, as indices into `terms`.
    func matchedTerms(_ vector: Vector) -> [Int] {
        terms.indices.filter { k in only != nil ? vector.id == only : Suite.matches(vector, terms[k]) }
    }

    /// What was asked for: the `--only` id, or the patterns.
    public var terms: [String] { only.map { [$0] } ?? patterns }

    /// The nearest names to `term` among `candidates` (ids, clauses, operations, documents): those that contain it,
    /// then those within a few edits (closest first), then those it contains.
    public static func suggestions(for term: String, among candidates: [String], limit: Int = 5) -> [String] {
        let t = term.lowercased()
        var scored: [(Int, String)] = []
        for c in Set(candidates) {
            let l = c.lowercased()
            if l.contains(t) {
                scored.append((0, c))
            } else if let d = distance(Array(t.utf8), Array(l.utf8), limit: max(2, t.count / 3)) {
                scored.append((1 + d, c))
            } else if t.contains(l) && l.count >= 4 {
                scored.append((100, c))
            }
        }
        return scored.sorted { ($0.0, $0.1.count, $0.1) < ($1.0, $1.1.count, $1.1) }.prefix(limit).map(\.1)
    }

    /// Levenshtein distance, or nil when over `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var best = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                best = min(best, current[j])
            }
            if best > limit { return nil }
            previous = current
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
