#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import YibaoConformance

@main
struct Yibao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yibao",
        abstract: "Conformance vectors and verifier for the Jining / Shandong medical-insurance notices.",
        version: Version.tool,
        subcommands: [Lint.self, Clauses.self, Show.self, Run.self, CoverageCommand.self, Verify.self, Strength.self, Serve.self, New.self, Certify.self, Compare.self, ChangelogCommand.self, Schema.self, Fuzz.self]
    )

    /// Parses and runs the command; an output that could not be written (a full disk, `> /dev/full`, a closed pipe)
    /// exits 2 with a message, never 0.
    static func main() {
        atexit { checkStandardOutput() }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ReportSink.WriteError {
            printError("yibao: \(error)")
            Glibc.exit(2)
        } catch {
            exit(withError: error)
        }
    }
}

/// Flushes what `print` left in standard output's buffer (every stdio stream: `stdout` itself is not reachable from
/// Swift 6 code); a failure ends the process with status 2.
private func checkStandardOutput() {
    errno = 0
    if fflush(nil) != 0 {
        let message = "yibao: cannot write standard output: \(String(cString: strerror(errno == 0 ? EIO : errno)))\n"
        _ = message.withCString { Glibc.write(2, $0, strlen($0)) }
        _exit(2)
    }
}
