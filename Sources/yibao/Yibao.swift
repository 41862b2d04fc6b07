import ArgumentParser

@main
struct Yibao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yibao",
        abstract: "Conformance vectors and verifier for the Jining / Shandong medical-insurance notices."
    )
}
