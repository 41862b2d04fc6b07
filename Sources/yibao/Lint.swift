import ArgumentParser
import YibaoConformance

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the catalog and every vector and report every problem as file:line:column.",
        discussion: "Exit 0 when clean, 1 when there are problems."
    )

    @OptionGroup var suite: SuiteOptions

    func run() throws {
        let (catalog, vectors, diagnostics) = suite.check()
        if report(diagnostics, files: suite.vectors) { throw ExitCode(1) }
        print(Messages.text("lint.clean", vectors, catalog.clauses.count))
    }
}
