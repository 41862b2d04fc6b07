#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import YibaoRules

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
        /// Called after each result with (done, total); from worker threads.
        public var progress: (@Sendable (Int, Int) -> Void)?

        public init(command: [String]) {
            self.command = command
        }
    }

    /// The run could not be made: the implementation did not start or failed the hello. The CLI exits 2.
    public struct StartError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Runs `vectors` (results in the same order) and returns who answered.
    public static func run(_ vectors: [Vector], options: Options) throws(StartError) -> (Implementation, [VectorResult]) {
        signal(SIGPIPE, SIG_IGN)
        let first = Worker(options: options)
        let hello: Hello
        do throws(Worker.StartFailure) {
            hello = try first.start()
        } catch {
            first.shutdown()
            throw StartError(description: "the implementation \(options.command.joined(separator: " ")) \(error.reason)")
        }
        let operations = Set(hello.operations)
        let results = ResultTable(count: vectors.count, progress: options.progress)
        var supported: [Int] = []
        for (i, v) in vectors.enumerated() {
            if operations.contains(v.operation) {
                supported.append(i)
            } else {
                results.set(i, VectorResult(vector: v, status: .unsupported,
                                            message: "the implementation does not list \(v.operation) in its hello"))
            }
        }
        let indices = supported
        let jobs = max(1, min(options.jobs, supported.count))
        let chunk = (supported.count + jobs - 1) / max(jobs, 1)
        let workers = [first] + (1..<max(jobs, 1)).map { _ in Worker(options: options) }
        DispatchQueue.concurrentPerform(iterations: workers.count) { w in
            let slice = Array(indices[min(w * chunk, indices.count)..<min((w + 1) * chunk, indices.count)])
            workers[w].run(slice, vectors: vectors, into: results)
            workers[w].shutdown()
        }
        return (hello.implementation, results.values)
    }

    struct Hello {
        var implementation: Implementation
        var operations: [String]
    }

    /// Results by vector index, written by the workers.
    final class ResultTable: @unchecked Sendable {
        private var slots: [VectorResult?]
        private var done = 0
        private let lock = NSLock()
        private let progress: (@Sendable (Int, Int) -> Void)?
        init(count: Int, progress: (@Sendable (Int, Int) -> Void)?) {
            slots = Array(repeating: nil, count: count)
            self.progress = progress
        }
        func set(_ i: Int, _ r: VectorResult) {
            lock.lock()
            if slots[i] == nil { done += 1 }
            slots[i] = r
            let (d, n) = (done, slots.count)
            lock.unlock()
            progress?(d, n)
        }
        func get(_ i: Int) -> VectorResult? {
            lock.lock()
            defer { lock.unlock() }
            return slots[i]
        }
        var values: [VectorResult] { slots.map { $0! } }
    }
}
