import Foundation

/// The vectors of a run, handed out one at a time in suite order (vector `i` is the feed's `i`-th), from any thread.
///
/// Over a `StreamedSuite` the feed reads the suite again as it goes, one file at a time when the previous one is used
/// up, so a run holds one file's vectors, not the suite's. The first file's come from the check that opened the suite.
public final class VectorFeed: @unchecked Sendable {
    /// How many vectors the feed gives in all.
    public let total: Int
    private let lock = NSLock()
    private let suite: StreamedSuite?
    private var current: [Vector] = []
    private var position = 0
    private var nextFile = 0
    private var nextIndex = 0

    /// A feed over vectors already in memory.
    public init(_ vectors: [Vector]) {
        total = vectors.count
        current = vectors
        suite = nil
    }

    init(suite: StreamedSuite) {
        total = suite.selected
        self.suite = suite
        if let first = suite.firstFile.take() {
            current = first
            nextFile = 1
        }
    }

    /// Vectors not yet handed out.
    public var remaining: Int {
        lock.lock()
        defer { lock.unlock() }
        return total - nextIndex
    }

    /// The next vector and its index, or nil at the end.
    public func next() -> (index: Int, vector: Vector)? {
        lock.lock()
        defer { lock.unlock() }
        if nextIndex >= total { return nil }  // the files grew since they were checked: the run keeps to what was checked
        while position == current.count {
            guard let suite, nextFile < suite.files.count else { return nil }
            let checked = Suite.check(file: suite.files[nextFile], context: suite.context, loader: suite.loader)
            current = checked.items.compactMap { suite.filter.matches($0.vector) ? $0.vector : nil }
            position = 0
            nextFile += 1
        }
        let vector = current[position]
        position += 1
        nextIndex += 1
        return (nextIndex - 1, vector)
    }
}
