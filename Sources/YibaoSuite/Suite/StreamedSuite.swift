import Foundation
import YibaoRules
import YibaoYAML

/// A suite checked in full but not held in memory: what a run must know before its first vector (the catalog, the
/// digest the hello announces, how many vectors it will run), and a feed that reads the vectors again, a file at a
/// time, as the run consumes them. A run's memory so stays flat in the number of files (it holds one file's vectors),
/// but for the id table (one id per vector: duplicate ids, the digest's order, expected-failure lists). The first
/// file's vectors, which the check has just read, are handed to the feed rather than read a second time (one file's
/// vectors: the bound the feed keeps to anyway).
public struct StreamedSuite: Sendable {
    public var root: String
    public var catalog: Catalog
    public var retired: [String: String]
    public var interpretations: Set<String>?
    /// The suite's versions, newest first; `version` is the newest.
    public var changelog: Changelog { context.changelog }
    public var version: String { changelog.version }
    /// Vectors in the suite.
    public var count: Int
    /// Vectors the filter selects (all without a filter), in suite order: what the feed gives.
    public var selected: Int
    /// `Suite.digest` of the same suite.
    public var digest: String
    public var ids: Set<String>
    let filter: VectorFilter
    /// The filter's terms (patterns, or the `--only` id) that no vector matches.
    public var unmatched: [String]
    let files: [String]
    let context: Suite.Context
    let loader: YAMLLoader
    /// The selected vectors of the first file, from the check, until the feed takes them.
    let firstFile: FirstFile

    /// One file's checked vectors, taken once (by the first feed made; a later feed reads the file again).
    final class FirstFile: @unchecked Sendable {
        private let lock = NSLock()
        private var vectors: [Vector]?

        init(_ vectors: [Vector]?) {
            self.vectors = vectors
        }

        func take() -> [Vector]? {
            lock.lock()
            defer { lock.unlock() }
            let taken = vectors
            vectors = nil
            return taken
        }
    }

    /// Checks the suite under `root` as `Suite.load` does (the same problems, sorted), keeping of each vector its id
    /// and its digest line. `filter` selects vectors as `Suite.vectors(matching:)` does.
    public static func open(root: String, filter: String?, loader: YAMLLoader = YAMLLoader()) -> (StreamedSuite, [Diagnostic]) {
        open(root: root, filter: VectorFilter(patterns: filter.map { [$0] } ?? []), loader: loader)
    }

    public static func open(root: String, filter: VectorFilter = VectorFilter(), loader: YAMLLoader = YAMLLoader()) -> (
        StreamedSuite, [Diagnostic]
    ) {
        struct Kept {
            var id: String
            var idMark: Mark
            var hash: SHA256.Digest
            var selected: Bool
            var terms: [Int]
            /// The vector itself, for the first file's selected vectors (what the feed starts with).
            var vector: Vector?
        }
        let (context, files, diagnostics) = Suite.prepare(root: root, loader: loader)
        var reader = NodeReader()
        reader.diagnostics = diagnostics
        let checked = Suite.checkAll(files, context: context, loader: loader) { file, v in
            let selected = filter.matches(v.vector)
            return Kept(
                id: v.id, idMark: v.idMark, hash: Suite.vectorHash(v.vector), selected: selected,
                terms: filter.isEmpty ? [] : filter.matchedTerms(v.vector), vector: file == 0 && selected ? v.vector : nil)
        }
        var hashes: [(id: String, hash: SHA256.Digest)] = []
        var ids = Set<String>()
        var selected = 0
        var matchedTerms = Set<Int>()
        Suite.firstOccurrences(checked, reader: &reader, id: \.id, mark: \.idMark) { kept in
            hashes.append((kept.id, kept.hash))
            ids.insert(kept.id)
            if kept.selected { selected += 1 }
            matchedTerms.formUnion(kept.terms)
        }
        let suite = StreamedSuite(
            root: root, catalog: context.catalog, retired: context.retired, interpretations: context.interpretations,
            count: hashes.count, selected: selected,
            digest: Suite.digest(catalog: context.catalog, provisional: context.provisional, vectorHashes: hashes),
            ids: ids, filter: filter, unmatched: filter.terms.indices.filter { !matchedTerms.contains($0) }.map { filter.terms[$0] },
            files: files, context: context, loader: loader, firstFile: FirstFile(checked.first?.items.compactMap(\.vector)))
        return (suite, reader.diagnostics.sorted())
    }

    /// The selected vectors, in suite order, read again from the files as they are taken.
    public func makeFeed() -> VectorFeed {
        VectorFeed(suite: self)
    }
}
