import ArgumentParser
import YibaoConformance

struct Lint: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Messages.text("help.lint"),
            discussion: Messages.text("help.lint.more")
        )
    }

    @OptionGroup var suite: SuiteOptions

    func run() throws {
        let (catalog, vectors, diagnostics) = suite.check()
        if report(diagnostics, files: suite.vectors) { throw ExitCode(1) }
        print(Messages.text("lint.clean", vectors, catalog.clauses.count))
    }
}
