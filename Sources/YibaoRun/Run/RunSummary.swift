/// How many vectors of a run ended in each status.
public struct RunSummary: Sendable, Equatable {
    public var passed = 0, failed = 0, errored = 0, unsupported = 0, timeout = 0, crash = 0, notRun = 0
    /// Advisory vectors (they depend on a provisional reading) that did not pass: counted here and in no other
    /// failure count; they never fail a run.
    public var advisory = 0
    public var total: Int { passed + failed + errored + unsupported + timeout + crash + notRun + advisory }
    /// "12 passed, 1 failed, 2 timed out": the counts a summary line shows (passed and failed always).
    public var phrases: [String] {
        var parts = ["\(passed) passed", "\(failed) failed"]
        if errored > 0 { parts.append("\(errored) errored") }
        if timeout > 0 { parts.append("\(timeout) timed out") }
        if crash > 0 { parts.append("\(crash) crashed") }
        if unsupported > 0 { parts.append("\(unsupported) unsupported") }
        if notRun > 0 { parts.append("\(notRun) not run") }
        if advisory > 0 { parts.append("\(advisory) advisory not passing") }
        return parts
    }

    /// Every vector passed (unsupported ones do not count as failures, contract §5).
    public var allPassed: Bool { failed + errored + timeout + crash + notRun == 0 }

    public init(_ results: some Sequence<VectorResult>) {
        for r in results { add(r.status, advisory: r.vector.advisory) }
    }

    package mutating func add(_ status: VectorResult.Status, _ n: Int = 1, advisory: Bool = false) {
        if advisory && status != .pass && status != .unsupported {
            self.advisory += n
            return
        }
        switch status {
        case .pass: passed += n
        case .fail: failed += n
        case .error: errored += n
        case .unsupported: unsupported += n
        case .timeout: timeout += n
        case .crash: crash += n
        case .notRun: notRun += n
        }
    }
}
