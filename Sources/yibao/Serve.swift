import ArgumentParser
import YibaoConformance

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the reference over the yibao-conformance/1 protocol on standard input and output.",
        discussion: "The rules use the notices' numbers and dates of the suite's catalog/parameters.yaml."
    )

    @OptionGroup var suite: SuiteOptions

    func run() throws {
        guard let parameters = suite.parameters() else { throw ExitCode(2) }
        let code = ReferenceServer.serve(parameters: parameters)
        if code != 0 { throw ExitCode(code) }
    }
}
