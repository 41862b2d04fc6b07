import YibaoRules

/// Everything a report shows about one run: the suite, who answered, every vector's result and the coverage.
public struct RunReport: Sendable {
    public struct Summary: Sendable, Equatable {
        public var passed = 0, failed = 0, errored = 0, unsupported = 0, timeout = 0, crash = 0, notRun = 0
        public var total: Int { passed + failed + errored + unsupported + timeout + crash + notRun }
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
    public var summary: Summary { Summary(results) }

    public init(suite: Suite, implementation: Implementation, results: [VectorResult], coverage: CoverageReport, seconds: Double,
                digest: String? = nil) {
        self.suiteVectors = suite.vectors.count
        self.implementation = implementation
        self.results = results
        self.coverage = coverage
        self.seconds = seconds
        self.suiteDigest = digest
    }
}
