import Foundation

extension ExternalRunner {
    /// Staggers the processes' first starts: at most `limit` (the core count) are starting at once, and one more
    /// starts every `interval` whatever. Sixteen Node or JVM starts sharing two cores all end late together (measured:
    /// 16 Node adapters on 2 cores each answered its hello 1.2-1.3 s after it was spawned, and none worked before);
    /// two at a time have the first ones working after one start's time while the rest start. The interval keeps a
    /// start that waits on I/O rather than on a core (a database connection) from holding the others back for long.
    final class StartGate: @unchecked Sendable {
        private let condition = NSCondition()
        private let limit: Int
        private let interval: TimeInterval
        private var starting = 0
        private var lastStart = Date.distantPast

        init(limit: Int, interval: TimeInterval) {
            self.limit = max(1, limit)
            self.interval = interval
        }

        /// Waits until a process may start: fewer than `limit` are starting, or `interval` has passed since the
        /// last start.
        func enter() {
            condition.lock()
            defer { condition.unlock() }
            while starting >= limit {
                let next = lastStart.addingTimeInterval(interval)
                if Date() >= next { break }
                _ = condition.wait(until: next)
            }
            starting += 1
            lastStart = Date()
        }

        /// A process has answered its hello, or failed to.
        func leave() {
            condition.lock()
            starting -= 1
            condition.broadcast()
            condition.unlock()
        }
    }
}
