#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import YibaoRules
import YibaoSuite

/// Runs vectors against an external implementation over the JSON-lines protocol (contract §5), supervising it:
/// a hang becomes `timeout`, an exit `crash`, garbage `error`, and the run always ends with every vector given a status.
public enum ExternalRunner {
    public struct Options: Sendable {
        /// The implementation's command line, already split into arguments.
        public var command: [String]
        /// Seconds an implementation may work on one vector (counted from when it could start on it).
        public var timeout: Double = 10
        /// Seconds a started process may take to answer the hello (a JVM adapter starts slower than it answers).
        public var helloTimeout: Double = 10
        /// Implementation processes run in parallel.
        public var jobs: Int = 1
        /// Vectors sent ahead of their answers, per process.
        public var window: Int = 128
        /// Consecutive starts that answer nothing before the remaining vectors are given up (`not-run`).
        public var maxDeadStarts: Int = 3
        public var maxLineBytes: Int = 16 << 20
        public var stderrTailBytes: Int = 64 << 10
        /// The suite, as the hello announces it.
        public var suiteName = "yibao-jining"
        public var suiteVersion = Version.tool
        public var suiteDigest = ""

        public init(command: [String]) {
            self.command = command
        }
    }

    /// The run could not be made: the implementation did not start or failed the hello. The CLI exits 2.
    public struct StartError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Runs the vectors of `feed` (result `i` for the feed's vector `i`, into `results`) and returns who answered.
    /// The feed is read as the implementation works, so only the vectors in flight are held.
    public static func run(_ feed: VectorFeed, options: Options, into results: ResultLog) throws(StartError) -> Implementation {
        signal(SIGPIPE, SIG_IGN)
        let first = Worker(options: options)
        let hello: Hello
        do throws(Worker.StartFailure) {
            hello = try first.start()
        } catch {
            first.shutdown()
            throw StartError(description: "the implementation \(options.command.joined(separator: " ")) \(error.reason)")
        }
        let shared = Shared(feed: feed, results: results, operations: Set(hello.operations))
        let jobs = max(1, min(options.jobs, feed.total))
        let workers = [first] + (1..<jobs).map { _ in Worker(options: options) }
        shared.active = workers.count
        DispatchQueue.concurrentPerform(iterations: workers.count) { w in
            workers[w].run(shared)
            workers[w].shutdown()
        }
        return hello.implementation
    }

    struct Hello {
        var implementation: Implementation
        var operations: [String]
    }

    /// What the workers share: the feed they take vectors from, the log they record in, and how many still work.
    final class Shared: @unchecked Sendable {
        let feed: VectorFeed
        let results: ResultLog
        let operations: Set<String>
        private let lock = NSLock()
        var active = 0

        init(feed: VectorFeed, results: ResultLog, operations: Set<String>) {
            self.feed = feed
            self.results = results
            self.operations = operations
        }

        /// The next vector the implementation supports; the ones it does not list are recorded `unsupported` on the way.
        func next() -> (index: Int, vector: Vector)? {
            while let (index, vector) = feed.next() {
                if operations.contains(vector.operation) { return (index, vector) }
                results.record(index, VectorResult(vector: vector, status: .unsupported,
                                                   message: "the implementation does not list \(vector.operation) in its hello"))
            }
            return nil
        }

        /// A worker stops (given up, or out of vectors); true for the last one, which then owns what is left.
        func stop() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            active -= 1
            return active == 0
        }
    }
}
