import ArgumentParser
import YibaoConformance

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the catalog and every vector and report every problem as file:line:column.",
        discussion: "Exit 0 when clean, 1 when there are problems."
    )

    @OptionGroup var suite: SuiteOptions

    func run() throws {
        let (loaded, diagnostics) = suite.load()
        if report(diagnostics, files: suite.vectors) { throw ExitCode(1) }
        print("\(loaded.vectors.count) vectors, \(loaded.catalog.clauses.count) clauses: no problems")
    }
}
