import ArgumentParser

@main
struct Yibao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yibao",
        abstract: "Conformance vectors and verifier for the Jining / Shandong medical-insurance notices.",
        version: "0.1.0",
        subcommands: [Lint.self, Clauses.self, Run.self, CoverageCommand.self, Verify.self, Serve.self, New.self, Certify.self, Compare.self, Schema.self, Fuzz.self]
    )
}
