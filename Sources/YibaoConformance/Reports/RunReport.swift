import YibaoRules

/// Everything a report shows about one run: the suite, who answered, every vector's result and the coverage.
public struct RunReport: Sendable {
    public struct Summary: Sendable, Equatable {
        public var passed = 0, failed = 0, errored = 0, unsupported = 0, timeout = 0, crash = 0, notRun = 0
        public var total: Int { passed + failed + errored + unsupported + timeout + crash + notRun }
        /// "12 passed, 1 failed, 2 timed out": the counts a summary line shows (passed and failed always).
        public var phrases: [String] {
            var parts = ["\(passed) passed", "\(failed) failed"]
            if errored > 0 { parts.append("\(errored) errored") }
            if timeout > 0 { parts.append("\(timeout) timed out") }
            if crash > 0 { parts.append("\(crash) crashed") }
            if unsupported > 0 { parts.append("\(unsupported) unsupported") }
            if notRun > 0 { parts.append("\(notRun) not run") }
            return parts
        }

        /// Every vector passed (unsupported ones do not count as failures, contract §5).
        public var allPassed: Bool { failed + errored + timeout + crash + notRun == 0 }

        public init(_ results: [VectorResult]) {
            for r in results {
                switch r.status {
                case .pass: passed += 1
                case .fail: failed += 1
                case .error: errored += 1
                case .unsupported: unsupported += 1
                case .timeout: timeout += 1
                case .crash: crash += 1
                case .notRun: notRun += 1
                }
            }
        }
    }

    public var suiteName = "yibao-jining"
    public var suiteVersion = Version.tool
    public var suiteDigest: String?
    public var suiteVectors: Int
    public var implementation: Implementation
    public var results: [VectorResult]
    public var coverage: CoverageReport
    public var seconds: Double
    /// When the run was made (UTC, ISO 8601).
    public var date: String
    public var catalog: Catalog
    /// The run measured against an expected-failure list, when one was given.
    public var expectations: ExpectedFailures.Verdict?
    public var expectedFailureReasons: [String: String] = [:]
    public var summary: Summary { Summary(results) }

    public init(suite: Suite, implementation: Implementation, results: [VectorResult], coverage: CoverageReport, seconds: Double,
                digest: String? = nil, date: String = "") {
        self.suiteVectors = suite.vectors.count
        self.implementation = implementation
        self.results = results
        self.coverage = coverage
        self.seconds = seconds
        self.suiteDigest = digest
        self.date = date
        self.catalog = suite.catalog
    }

    /// The run passes when every vector passes or is unsupported, except those the expected-failure list forgives,
    /// and the list itself holds no unexpected pass, expired entry or unknown id.
    public var passed: Bool {
        guard let expectations else { return summary.allPassed }
        let forgiven = Set(expectations.expected)
        let unforgiven = results.contains { $0.status != .pass && $0.status != .unsupported && !forgiven.contains($0.vector.id) }
        return !unforgiven && expectations.problems.isEmpty
    }

    /// The normative clauses whose every vector passed, and how many normative clauses there are.
    public var clausesPassing: (passing: Int, normative: Int) { (coverage.coveredCount, coverage.normativeCount) }

    /// Certified: every normative clause has vectors and all of them pass.
    public var certified: Bool { coverage.normativeCount > 0 && coverage.coveredCount == coverage.normativeCount }
}
