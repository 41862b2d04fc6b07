import ArgumentParser
import Foundation
import YibaoConformance

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the vectors against the reference, or against an implementation over the protocol.",
        discussion: "Exit 0 when every vector passes, 1 when any does not, 2 when the run could not be made."
    )

    @OptionGroup var suite: SuiteOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "The implementation's command line ('CMD ARGS', split like a shell would; no shell runs).")
    var impl: String?

    @Option(name: .long, help: "Seconds an implementation may take to answer one vector.")
    var timeout: Double = 10

    @Option(name: .long, help: "Implementation processes to run in parallel (with --impl).")
    var jobs = 1

    @Option(name: .long, help: "Only vectors whose id, operation, document or clause matches.")
    var filter: String?

    @Flag(name: .long, help: "List passing vectors too (text format).")
    var verbose = false

    func run() throws {
        let (loaded, diagnostics) = suite.load()
        if report(diagnostics, files: suite.vectors) { throw ExitCode(2) }
        let vectors = loaded.vectors(matching: filter)
        let start = Date()
        let results: [VectorResult]
        let implementation: Implementation
        if let impl {
            let command: [String]
            do { command = try CommandLineSplitter.split(impl) } catch {
                printError("yibao run: --impl: \(error)")
                throw ExitCode(2)
            }
            var options = ExternalRunner.Options(command: command)
            options.timeout = timeout
            options.jobs = jobs
            do {
                (implementation, results) = try ExternalRunner.run(vectors, options: options)
            } catch {
                printError("yibao run: \(error)")
                throw ExitCode(2)
            }
        } else {
            results = ReferenceRunner.run(vectors)
            implementation = ReferenceRunner.implementation
        }
        let traces = impl == nil ? CoverageReport.referenceTraces(results) : nil
        let coverage = CoverageReport(catalog: loaded.catalog, results: results, traces: traces)
        let runReport = RunReport(suite: loaded, implementation: implementation, results: results, coverage: coverage,
                                  seconds: Date().timeIntervalSince(start))
        switch outputOptions.format {
        case .text: try outputOptions.emit(TextReport.run(runReport, verbose: verbose, color: outputOptions.colorOnTerminal))
        case .json: try outputOptions.emit(JSON.serialize(JSONReport.run(runReport)) + "\n")
        }
        if !runReport.summary.allPassed { throw ExitCode(1) }
    }
}
