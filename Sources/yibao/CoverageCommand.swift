import ArgumentParser
import YibaoConformance

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Clause coverage: per clause the vectors and how many pass against the reference; per document and overall.",
        discussion: "Exit 1 when the share of normative clauses covered is below --fail-under."
    )

    @OptionGroup var suite: SuiteOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .customLong("fail-under"), help: "Fail when fewer than this percentage of normative clauses are covered.")
    var failUnder: Double?

    func run() throws {
        let (loaded, diagnostics) = suite.load()
        if report(diagnostics, files: suite.vectors) { throw ExitCode(2) }
        let results = ReferenceRunner.run(loaded.vectors)
        let coverage = CoverageReport(catalog: loaded.catalog, results: results, traces: CoverageReport.referenceTraces(results))
        switch outputOptions.format {
        case .text: try outputOptions.emit(TextReport.coverage(coverage, color: outputOptions.colorOnTerminal))
        case .json: try outputOptions.emit(JSON.serialize(JSONReport.coverage(coverage)) + "\n")
        }
        if let failUnder, coverage.percent < failUnder {
            printError("coverage \(TextReport.percentText(coverage.percent)) is below --fail-under \(failUnder)%")
            throw ExitCode(1)
        }
    }
}
