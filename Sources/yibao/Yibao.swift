import ArgumentParser
import YibaoConformance

@main
struct Yibao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yibao",
        abstract: "Conformance vectors and verifier for the Jining / Shandong medical-insurance notices.",
        version: Version.tool,
        subcommands: [Lint.self, Clauses.self, Run.self, CoverageCommand.self, Verify.self, Serve.self, New.self, Certify.self, Compare.self, Schema.self, Fuzz.self]
    )
}
