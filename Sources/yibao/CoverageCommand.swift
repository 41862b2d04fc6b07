import ArgumentParser
import YibaoConformance

struct CoverageCommand: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "coverage",
            abstract: Messages.text("help.coverage"),
            discussion: Messages.text("help.coverage.more")
        )
    }

    @OptionGroup var suite: SuiteOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .customLong("fail-under"), help: ArgumentHelp(Messages.text("option.coverage.failUnder")))
    var failUnder: Double?

    func run() throws {
        let (loaded, diagnostics) = suite.open()
        if report(diagnostics, files: suite.vectors) { throw ExitCode(2) }
        var reference = ImplementationOptions()
        reference.quiet = true
        let runReport = try reference.execute(loaded, impl: nil)
        let coverage = runReport.coverage
        let format = outputOptions.format, color = outputOptions.colorOnTerminal
        try outputOptions.emit { out in
            switch format {
            case .text: out.write(TextReport.coverage(coverage, color: color))
            case .json: out.write(JSON.serialize(JSONReport.coverage(coverage)) + "\n")
            case .markdown: out.write(MarkdownReport.coverage(coverage))
            case .junit, .html: render(runReport, as: format, verbose: false, color: false, into: &out)
            }
        }
        if let failUnder, coverage.percent < failUnder {
            printError(Messages.text("coverage.below", TextReport.percentText(coverage.percent), failUnder))
            throw ExitCode(1)
        }
    }
}
