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
        let runReport = try ImplementationOptions().execute(loaded.vectors, of: loaded, impl: nil, progress: false)
        let coverage = runReport.coverage
        let text: String
        switch outputOptions.format {
        case .text: text = TextReport.coverage(coverage, color: outputOptions.colorOnTerminal)
        case .json: text = JSON.serialize(JSONReport.coverage(coverage)) + "\n"
        case .markdown: text = MarkdownReport.coverage(coverage)
        case .junit, .html: text = render(runReport, as: outputOptions.format, verbose: false, color: false)
        }
        try outputOptions.emit(text)
        if let failUnder, coverage.percent < failUnder {
            printError("coverage \(TextReport.percentText(coverage.percent)) is below --fail-under \(failUnder)%")
            throw ExitCode(1)
        }
    }
}
