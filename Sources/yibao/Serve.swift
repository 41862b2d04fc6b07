import ArgumentParser
import YibaoConformance

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the reference over the yibao-conformance/1 protocol on standard input and output.")

    func run() throws {
        let code = ReferenceServer.serve()
        if code != 0 { throw ExitCode(code) }
    }
}
