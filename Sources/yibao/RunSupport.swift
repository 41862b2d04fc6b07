import ArgumentParser
import Foundation
import YibaoConformance
import YibaoSystem

/// How to reach an implementation: shared by `run` and `certify`.
struct ImplementationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Messages.text("option.impl.timeout")))
    var timeout: Double = 10

    @Option(name: .customLong("hello-timeout"), help: ArgumentHelp(Messages.text("option.impl.helloTimeout")))
    var helloTimeout: Double = 10

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.impl.jobs")))
    var jobs = 1

    @Flag(name: .long, help: ArgumentHelp(Messages.text("option.impl.serial")))
    var serial = false

    @Option(
        name: .customLong("impl-arg"),
        help: ArgumentHelp(
            Messages.text("option.impl.implArguments"),
            discussion: Messages.text("option.impl.implArguments.more"),
            valueName: "arg"))
    var implArguments: [String] = []

    @Flag(name: .long, help: ArgumentHelp(Messages.text("option.impl.quiet")))
    var quiet = false

    func validate() throws {
        if jobs < 1 { throw ValidationError(Messages.text("usage.atLeastOne", "--jobs")) }
        if serial && jobs != 1 { throw ValidationError(Messages.text("usage.serialJobs", jobs)) }
        if !(timeout > 0) { throw ValidationError(Messages.text("usage.positiveSeconds", "--timeout")) }
        if !(helloTimeout > 0) { throw ValidationError(Messages.text("usage.positiveSeconds", "--hello-timeout")) }
    }

    /// The external runner's options for `--impl` and its `--impl-arg`s (exit 2 when the command line cannot be split).
    /// The hello announces `version` and `digest` (a run and every start of a certification alike, so a start cannot
    /// tell the random section from the vectors by its hello).
    func runnerOptions(impl: String, version: String? = nil, digest: String) throws -> ExternalRunner.Options {
        let command: [String]
        do { command = try CommandLineSplitter.split(impl) } catch {
            printError("yibao: --impl: \(error)")
            throw ExitCode(2)
        }
        var options = ExternalRunner.Options(command: command + implArguments)
        options.timeout = timeout
        options.helloTimeout = helloTimeout
        options.jobs = jobs
        if serial { options.window = 1 }
        options.suiteDigest = digest
        if let version { options.suiteVersion = version }
        return options
    }

    /// Runs the suite's selected vectors against the reference (impl nil) or the implementation, and builds the
    /// report. The vectors are read as the run goes and the results spooled, so memory stays flat.
    func execute(_ suite: StreamedSuite, impl: String?) throws -> RunReport {
        let start = Date()
        let feed = suite.makeFeed()
        let progress = quiet ? nil : ProgressLine(start: start, terminal: System.isTerminal(2))
        let results = ResultLog(count: feed.total, progress: progress?.update, cards: suite.catalog)
        let implementation: Implementation
        if let impl {
            let options = try runnerOptions(impl: impl, version: suite.version, digest: suite.digest)
            do {
                implementation = try ExternalRunner.run(feed, options: options, into: results)
            } catch {
                printError("yibao: \(error)")
                throw ExitCode(2)
            }
        } else {
            ReferenceRunner.run(feed, parameters: suite.catalog.parameters, into: results)
            implementation = ReferenceRunner.implementation
        }
        progress?.finish()
        // The clause cross-check needs the reference's own traces.
        let coverage = CoverageReport(catalog: suite.catalog, log: results, crossCheck: impl == nil)
        var report = RunReport(
            catalog: suite.catalog, suiteVectors: suite.count, implementation: implementation, results: results,
            coverage: coverage, seconds: Date().timeIntervalSince(start), digest: suite.digest,
            date: ISO8601DateFormatter().string(from: start))
        report.suiteVersion = suite.version
        if let impl {
            report.rerun = "yibao run " + commandLine(impl: impl)
        }
        return report
    }
}

extension ImplementationOptions {
    /// `--impl CMD [--impl-arg ARG …]` as the user would type it again, each word sh-quoted: the rerun line under each
    /// failure and certify's replay line both name the implementation this way.
    func commandLine(impl: String) -> String {
        "--impl " + CommandLineSplitter.quote(impl) + implArguments.map { " --impl-arg " + CommandLineSplitter.quote($0) }.joined()
    }
}

/// `--impl` must name a command: an empty or blank one is a usage error (64), not a failed start.
func validateImpl(_ impl: String) throws {
    guard impl.contains(where: { !$0.isWhitespace }) else { throw ValidationError(Messages.text("usage.implEmpty")) }
}

/// Progress on standard error from the first second of a run on: on a terminal "  1234/5000 vectors", redrawn at most
/// ten times a second; elsewhere (CI logs) "yibao: 1234/5000 vectors after 12 s" every 5 seconds.
final class ProgressLine: @unchecked Sendable {
    private let start: Date
    private let terminal: Bool
    private var last = Date.distantPast
    private var drawn = false
    private let lock = NSLock()

    init(start: Date, terminal: Bool) {
        self.start = start
        self.terminal = terminal
    }

    func update(done: Int, total: Int) {
        let now = Date()
        lock.lock()
        defer { lock.unlock() }
        let elapsed = now.timeIntervalSince(start)
        if terminal {
            guard elapsed > 1, now.timeIntervalSince(last) > 0.1 || done == total else { return }
            last = now
            drawn = true
            FileHandle.standardError.write(Data(("\r  " + Messages.text("progress.terminal", done, total)).utf8))
        } else {
            guard elapsed > 5, now.timeIntervalSince(last) >= 5, done < total else { return }
            last = now
            FileHandle.standardError.write(Data((Messages.text("progress.log", done, total, Int(elapsed)) + "\n").utf8))
        }
    }

    /// Clears a terminal line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if terminal && drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Writes a run report in the chosen format.
func render(_ report: RunReport, as format: ReportFormat, verbose: Bool, color: Bool, into out: inout ReportSink) {
    switch format {
    case .text: out.write(TextReport.run(report, verbose: verbose, color: color))
    case .json: JSONReport.write(report, into: &out)
    case .junit: out.write(JUnitReport.run(report))
    case .markdown: out.write(MarkdownReport.run(report))
    case .html: out.write(HTMLReport.run(report, catalog: report.catalog))
    }
}
