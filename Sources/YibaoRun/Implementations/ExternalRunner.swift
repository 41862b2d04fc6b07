import Dispatch
import Foundation
import YibaoRules
import YibaoSuite
import YibaoSystem

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
        /// Vectors sent ahead of their answers, per process (with several jobs, at most `sharedWindow`).
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
        System.ignoreBrokenPipes()
        let jobs = max(1, min(options.jobs, feed.total))
        // The processes start staggered (`StartGate`), and the first to answer its hello opens the run for all: a
        // JVM or Node start is most of a short run, and on 2 cores the one started first is not always the first
        // ready. The run cannot be made only when every process fails its first hello.
        let race = HelloRace(processes: jobs) { hello in
            let shared = Shared(feed: feed, results: results, operations: Set(hello.operations), jobs: jobs)
            shared.active = jobs
            return shared
        }
        let gate = StartGate(limit: max(2, ProcessInfo.processInfo.activeProcessorCount), interval: 0.1)
        let group = DispatchGroup()
        // One thread per process, not concurrentPerform: that runs at most one iteration per core, and the workers
        // mostly wait on their processes, so `--jobs 8` on 2 cores would supervise only 2 processes at a time.
        for _ in 0..<jobs {
            let worker = Worker(options: options)
            group.enter()
            Thread.detachNewThread {
                gate.enter()
                let first = worker.startFirst()
                gate.leave()
                race.report(first)
                if let shared = race.wait() { worker.run(shared) }
                worker.shutdown()
                group.leave()
            }
        }
        let outcome = race.outcome()
        group.wait()
        switch outcome {
        case .success(let hello): return hello.implementation
        case .failure(let failure):
            // The reason quotes the adapter (its first line, its standard error) and is shown on a terminal: control
            // characters made visible, as a failure card shows a vector's stderr (the reason's own lines kept).
            let reason = UntrustedText.visible(Messages.relocalize(failure.reason), multiline: true)
            throw StartError(
                description: Messages.text("start.error", UntrustedText.visible(options.command.joined(separator: " ")), reason))
        }
    }

    /// The processes' first hellos: the first to succeed decides the run (its operations list is the run's); when
    /// every one fails, the first failure is why the run cannot be made.
    final class HelloRace: @unchecked Sendable {
        private let condition = NSCondition()
        private let processes: Int
        private let makeShared: (Hello) -> Shared
        private var decided: Result<Hello, Worker.StartFailure>?
        private var shared: Shared?
        private var failures: [Worker.StartFailure] = []

        init(processes: Int, makeShared: @escaping (Hello) -> Shared) {
            self.processes = processes
            self.makeShared = makeShared
        }

        func report(_ result: Result<Hello, Worker.StartFailure>) {
            condition.lock()
            defer { condition.unlock() }
            guard decided == nil else { return }
            switch result {
            case .success(let hello):
                shared = makeShared(hello)
                decided = .success(hello)
            case .failure(let failure):
                failures.append(failure)
                guard failures.count == processes else { return }
                decided = .failure(failures[0])
            }
            condition.broadcast()
        }

        /// Waits for the decision: the run's shared state, or nil when the run cannot be made.
        func wait() -> Shared? {
            condition.lock()
            defer { condition.unlock() }
            while decided == nil { condition.wait() }
            return shared
        }

        /// Waits for the decision.
        func outcome() -> Result<Hello, Worker.StartFailure> {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let decided { return decided }
                condition.wait()
            }
        }
    }

    /// The window of each process when several share the run: one being worked on, the next ones already there.
    static let sharedWindow = 4

    struct Hello {
        var implementation: Implementation
        var operations: [String]
    }

    /// What the workers share: the feed they take vectors from, the log they record in, and how many still work.
    final class Shared: @unchecked Sendable {
        let feed: VectorFeed
        let results: ResultLog
        let operations: Set<String>
        let jobs: Int
        private let lock = NSLock()
        var active = 0

        init(feed: VectorFeed, results: ResultLog, operations: Set<String>, jobs: Int) {
            self.feed = feed
            self.results = results
            self.operations = operations
            self.jobs = jobs
        }

        /// How many vectors one process may have in flight: the whole window with one job; with several, at most
        /// `sharedWindow`, so the vectors go to whichever process is free and none is left queued behind a busy one
        /// at the end (a process started late, or a slow vector, would otherwise hold a long queue).
        func window(_ full: Int) -> Int {
            jobs == 1 ? full : min(full, ExternalRunner.sharedWindow)
        }

        /// The next vector the implementation supports; the ones it does not list are recorded `unsupported` on the way.
        func next() -> (index: Int, vector: Vector)? {
            while let (index, vector) = feed.next() {
                if operations.contains(vector.operation) { return (index, vector) }
                results.record(
                    index,
                    VectorResult(
                        vector: vector, status: .unsupported,
                        message: Messages.text("runner.notListed", language: .en, vector.operation)))
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
