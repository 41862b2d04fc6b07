import YibaoRules
import YibaoRun
import YibaoSuite

/// Everything a report shows about one run: the suite, who answered, every vector's result and the coverage.
public struct RunReport: Sendable {
    /// The counts by status (kept by the run layer, which counts as results come).
    public typealias Summary = RunSummary

    public var suiteName = "yibao-jining"
    /// The suite's semantic version (its changelog's newest release), shown beside the digest.
    public var suiteVersion = Version.tool
    public var suiteDigest: String?
    public var suiteVectors: Int
    public var implementation: Implementation
    /// Every vector's result, in vector order (read back from the run's spool as it is iterated).
    public var results: ResultLog
    public var coverage: CoverageReport
    public var seconds: Double
    /// When the run was made (UTC, ISO 8601).
    public var date: String
    public var catalog: Catalog
    /// The run measured against an expected-failure list, when one was given.
    public var expectations: ExpectedFailures.Verdict?
    public var expectedFailureReasons: [String: String] = [:]
    /// `certify`'s certificate (its scope and verdict), shown by every format it writes; nil for `run`.
    public var certificate: Certificate?
    /// The command that reruns this run (each failure card adds `--only ID`): `yibao run`, with `--impl` and the
    /// implementation's command line sh-quoted when an implementation was run. The reports escape it like any
    /// other text.
    public var rerun = "yibao run"
    public var summary: Summary { results.summary }

    public init(
        suite: Suite, implementation: Implementation, results: [VectorResult], coverage: CoverageReport, seconds: Double,
        digest: String? = nil, date: String = ""
    ) {
        self.init(
            catalog: suite.catalog, suiteVectors: suite.vectors.count, implementation: implementation, results: ResultLog(results),
            coverage: coverage, seconds: seconds, digest: digest, date: date)
        suiteVersion = suite.version
    }

    public init(
        catalog: Catalog, suiteVectors: Int, implementation: Implementation, results: ResultLog, coverage: CoverageReport,
        seconds: Double, digest: String? = nil, date: String = ""
    ) {
        self.suiteVectors = suiteVectors
        self.implementation = implementation
        self.results = results
        self.coverage = coverage
        self.seconds = seconds
        self.suiteDigest = digest
        self.date = date
        self.catalog = catalog
    }

    /// The run passes when every vector passes or is unsupported, except those the expected-failure list forgives,
    /// and the list itself holds no unexpected pass, expired entry or unknown id.
    public var passed: Bool {
        guard let expectations else { return summary.allPassed }
        return expectations.unforgiven == 0 && expectations.problems.isEmpty
    }

    /// The expected-failure reason of a vector the list forgives (listed, and neither passed nor unsupported).
    public func forgivenReason(_ result: VectorResult) -> String? {
        guard expectations != nil, result.status != .pass, result.status != .unsupported else { return nil }
        return expectedFailureReasons[result.vector.id]
    }

    /// The normative clauses whose every vector passed, and how many normative clauses there are.
    public var clausesPassing: (passing: Int, normative: Int) { (coverage.coveredCount, coverage.normativeCount) }
}
