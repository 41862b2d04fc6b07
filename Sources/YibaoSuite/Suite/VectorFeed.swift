import Dispatch
import Foundation

/// The vectors of a run, handed out one at a time in suite order (vector `i` is the feed's `i`-th), from any thread.
///
/// Over a `StreamedSuite` the feed reads the suite again as it goes: a background thread checks the next few units
/// (files, or pieces of a large file) on every core while the run works through the current ones, and holds at most
/// one batch ahead, so memory stays flat in the number of vectors.
public final class VectorFeed: @unchecked Sendable {
    /// How many vectors the feed gives in all.
    public let total: Int
    private let condition = NSCondition()
    private var ready: [[Vector]] = []
    private var current: [Vector] = []
    private var position = 0
    private var finished = false
    private var nextIndex = 0

    /// A feed over vectors already in memory.
    public init(_ vectors: [Vector]) {
        total = vectors.count
        current = vectors
        finished = true
    }

    init(suite: StreamedSuite) {
        total = suite.selected
        let units = suite.plan.units.map(\.unit)
        let (context, loader, filter) = (suite.context, suite.loader, suite.filter)
        let batch = max(2, ProcessInfo.processInfo.activeProcessorCount)
        Thread.detachNewThread { [self] in
            var start = 0
            while start < units.count {
                let slice = Array(units[start..<min(start + batch, units.count)])
                start += slice.count
                let slots = Slots<[Vector]>(count: slice.count, initial: [])
                DispatchQueue.concurrentPerform(iterations: slice.count) { k in
                    let checked = Suite.check(slice[k], context: context, loader: loader)?.items ?? []
                    slots.set(k, checked.compactMap { filter.matches($0.vector) ? $0.vector : nil })
                }
                let vectors = (0..<slice.count).flatMap { slots.get($0) }
                condition.lock()
                while !ready.isEmpty { condition.wait() }
                ready.append(vectors)
                condition.broadcast()
                condition.unlock()
            }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Vectors not yet handed out.
    public var remaining: Int {
        condition.lock()
        defer { condition.unlock() }
        return total - nextIndex
    }

    /// The next vector and its index, or nil at the end.
    public func next() -> (index: Int, vector: Vector)? {
        condition.lock()
        defer { condition.unlock() }
        if nextIndex >= total { return nil }  // the files grew since they were checked: the run keeps to what was checked
        while position == current.count {
            if !ready.isEmpty {
                current = ready.removeFirst()
                position = 0
                condition.broadcast()
                continue
            }
            if finished { return nil }
            condition.wait()
        }
        let vector = current[position]
        position += 1
        nextIndex += 1
        if position == current.count {
            current = []
            position = 0
        }
        return (nextIndex - 1, vector)
    }
}
