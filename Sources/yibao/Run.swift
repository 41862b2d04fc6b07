import ArgumentParser
import Foundation
import YibaoConformance

struct Run: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Messages.text("help.run"),
            discussion: Messages.text("help.run.more")
        )
    }

    @OptionGroup var suite: SuiteOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var implementationOptions: ImplementationOptions

    @Option(
        name: .long,
        help: ArgumentHelp(Messages.text("option.run.impl"))
    )
    var impl: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            Messages.text("option.run.filter"),
            valueName: "TEXT"))
    var filter: [String] = []

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.run.only"), valueName: "ID"))
    var only: String?

    @Option(name: .customLong("expect-failures"), help: ArgumentHelp(Messages.text("option.run.expectFailures")))
    var expectFailures: String?

    @Flag(name: .long, help: ArgumentHelp(Messages.text("option.run.verbose")))
    var verbose = false

    func validate() throws {
        if let impl { try validateImpl(impl) }
        if only != nil && !filter.isEmpty { throw ValidationError(Messages.text("usage.onlyFilter")) }
    }

    func run() throws {
        let (loaded, diagnostics) = suite.open(filter: VectorFilter(patterns: filter, only: only))
        if report(diagnostics, files: suite.vectors) { throw ExitCode(2) }
        try reportUnmatched(loaded, option: only == nil ? "--filter" : "--only")
        var expected: ExpectedFailures?
        if let expectFailures {
            let (list, problems) = ExpectedFailures.load(expectFailures)
            if report(problems, files: expectFailures) { throw ExitCode(2) }
            expected = list
        }
        var runReport = try implementationOptions.execute(loaded, impl: impl)
        if let expected {
            runReport.expectations = expected.verdict(runReport.results, ids: loaded.ids, today: ExpectedFailures.today)
            for entry in expected.entries { runReport.expectedFailureReasons[entry.id] = entry.reason }
        }
        let report = runReport
        try outputOptions.emit {
            render(report, as: outputOptions.format, verbose: verbose, color: outputOptions.colorOnTerminal, into: &$0)
        }
        for problem in runReport.expectations?.problems ?? [] { printError("error: \(problem)") }
        if !runReport.passed { throw ExitCode(1) }
    }
}
