import Dispatch
import Foundation

/// Splits `0..<count` into contiguous chunks, runs `body` on each on every core, and returns the results in order.
package func parallelChunks<T>(_ count: Int, minimumChunk: Int = 1024, _ body: @Sendable (Range<Int>) -> T) -> [T] {
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunks = max(1, min(cores * 4, count / max(1, minimumChunk)))
    if chunks == 1 { return [body(0..<count)] }
    let results = Slots<T?>(count: chunks, initial: nil)
    DispatchQueue.concurrentPerform(iterations: chunks) { k in
        let lower = count * k / chunks, upper = count * (k + 1) / chunks
        results.set(k, body(lower..<upper))
    }
    return (0..<chunks).map { results.get($0)! }
}

/// Results written by concurrent workers, one slot each, read once they have all finished.
package final class Slots<T>: @unchecked Sendable {
    private var slots: [T]
    private let lock = NSLock()
    package init(count: Int, initial: T) { slots = Array(repeating: initial, count: count) }
    package func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }
    package func get(_ i: Int) -> T {
        lock.lock()
        defer { lock.unlock() }
        return slots[i]
    }
}
