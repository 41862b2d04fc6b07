import ArgumentParser
import Foundation
import YibaoConformance

/// How to reach an implementation: shared by `run` and `certify`.
struct ImplementationOptions: ParsableArguments {
    @Option(name: .long, help: "Seconds an implementation may take to answer one vector.")
    var timeout: Double = 10

    @Option(name: .customLong("hello-timeout"), help: "Seconds a started implementation may take to answer the hello.")
    var helloTimeout: Double = 10

    @Option(name: .long, help: "Implementation processes to run in parallel.")
    var jobs = 1

    /// Runs `vectors` of `suite` against the reference (impl nil) or the implementation, and builds the report.
    func execute(_ vectors: [Vector], of suite: Suite, impl: String?, progress: Bool) throws -> RunReport {
        let start = Date()
        let digest = suite.digest
        let results: [VectorResult]
        let implementation: Implementation
        if let impl {
            let command: [String]
            do { command = try CommandLineSplitter.split(impl) } catch {
                printError("yibao: --impl: \(error)")
                throw ExitCode(2)
            }
            var options = ExternalRunner.Options(command: command)
            options.timeout = timeout
            options.helloTimeout = helloTimeout
            options.jobs = jobs
            options.suiteDigest = digest
            if progress { options.progress = ProgressLine(start: start).update }
            do {
                (implementation, results) = try ExternalRunner.run(vectors, options: options)
            } catch {
                printError("yibao: \(error)")
                throw ExitCode(2)
            }
            if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        } else {
            results = ReferenceRunner.run(vectors)
            implementation = ReferenceRunner.implementation
        }
        // The clause cross-check needs the reference's own traces.
        let traces = impl == nil ? CoverageReport.referenceTraces(results) : nil
        let coverage = CoverageReport(catalog: suite.catalog, results: results, traces: traces)
        return RunReport(suite: suite, implementation: implementation, results: results, coverage: coverage,
                         seconds: Date().timeIntervalSince(start), digest: digest,
                         date: ISO8601DateFormatter().string(from: start))
    }
}

/// "  1234/5000 vectors" on standard error, redrawn at most ten times a second, from the first second of a run on.
final class ProgressLine: @unchecked Sendable {
    private let start: Date
    private var last = Date.distantPast
    private let lock = NSLock()

    init(start: Date) { self.start = start }

    func update(done: Int, total: Int) {
        let now = Date()
        lock.lock()
        defer { lock.unlock() }
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(last) > 0.1 || done == total else { return }
        last = now
        FileHandle.standardError.write(Data("\r  \(done)/\(total) vectors".utf8))
    }
}

/// Renders a run report in the chosen format.
func render(_ report: RunReport, as format: ReportFormat, verbose: Bool, color: Bool) -> String {
    switch format {
    case .text: return TextReport.run(report, verbose: verbose, color: color)
    case .json: return JSON.serializeInParallel(JSONReport.run(report)) + "\n"
    case .junit: return JUnitReport.run(report)
    case .markdown: return MarkdownReport.run(report)
    case .html: return HTMLReport.run(report, catalog: report.catalog)
    }
}
