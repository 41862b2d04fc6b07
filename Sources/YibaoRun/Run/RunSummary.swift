import YibaoSuite

/// How many vectors of a run ended in each status.
public struct RunSummary: Sendable, Equatable {
    public var passed = 0, failed = 0, errored = 0, unsupported = 0, timeout = 0, crash = 0, notRun = 0
    /// Advisory vectors (they depend on a provisional reading) that did not pass: counted here and in no other
    /// failure count; they never fail a run.
    public var advisory = 0
    public var total: Int { passed + failed + errored + unsupported + timeout + crash + notRun + advisory }
    /// "12 passed, 1 failed, 2 timed out": the counts a summary line shows (passed and failed always).
    public var phrases: [String] {
        var parts = [Messages.text("count.passed", passed), Messages.text("count.failed", failed)]
        if errored > 0 { parts.append(Messages.text("count.errored", errored)) }
        if timeout > 0 { parts.append(Messages.text("count.timedOut", timeout)) }
        if crash > 0 { parts.append(Messages.text("count.crashed", crash)) }
        if unsupported > 0 { parts.append(Messages.text("count.unsupported", unsupported)) }
        if notRun > 0 { parts.append(Messages.text("count.notRun", notRun)) }
        if advisory > 0 { parts.append(Messages.text("count.advisory", advisory)) }
        return parts
    }

    /// "663 vectors: 663 passed, 0 failed" in the current language.
    public var line: String {
        Messages.text("summary.vectors", Messages.text("count.vectors", total), phrases.joined(separator: Messages.text("list.separator")))
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
