import ArgumentParser
import Foundation
import YibaoConformance
import YibaoSystem

@main
struct Yibao: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "yibao",
            abstract: Messages.text("help.root"),
            discussion: Messages.text("help.root.more"),
            subcommands: [
                Lint.self, Clauses.self, Show.self, Run.self, CoverageCommand.self, Verify.self, Strength.self, Serve.self, New.self,
                Certify.self, Compare.self, ChangelogCommand.self, Schema.self, Fuzz.self,
            ]
        )
    }

    @Flag(name: .long, help: ArgumentHelp(Messages.text("option.root.version")))
    var version = false

    @Option(name: .customLong("lang"), help: ArgumentHelp(Messages.text("option.root.language")))
    var language: Language?

    /// Takes `--lang` out of the arguments wherever it stands (it applies to every subcommand) and sets the language
    /// before anything is parsed or printed, so help, errors and reports all speak it; then parses and runs the
    /// command. An output that could not be written (a full disk, `> /dev/full`, a closed pipe) exits 2 with a
    /// message, never 0.
    static func main() {
        System.atExit { checkStandardOutput() }
        // SIGINT / SIGTERM: the implementations' process groups ended, no half report, exit 130 / 143.
        Interruption.install()
        do {
            var arguments = Array(CommandLine.arguments.dropFirst())
            Language.current = try LanguageOption.take(from: &arguments) ?? Language.from(environment: ProcessInfo.processInfo.environment)
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as ReportSink.WriteError {
            printError("yibao: \(error)")
            System.exit(2)
        } catch {
            exit(withError: error)
        }
    }

    /// `yibao --version`: the tool, and the suite a command run here without --vectors would read (its folder, version,
    /// size and digest).
    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print("yibao \(Version.tool)")
        guard let root = SuiteOptions.found else {
            print(Messages.text("version.noSuite"))
            return
        }
        let (opened, diagnostics) = StreamedSuite.open(root: root)
        if diagnostics.isEmpty {
            print(Messages.text("version.suite", opened.root, opened.version, opened.count, opened.catalog.clauses.count, opened.digest))
        } else {
            print(Messages.text("version.suiteUnreadable", root, diagnostics.count))
        }
    }
}

extension Language: ExpressibleByArgument {}

/// `--lang zh`, `--lang=en`: read before ArgumentParser sees the arguments.
enum LanguageOption {
    static func take(from arguments: inout [String]) throws -> Language? {
        var chosen: Language?
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" { break }
            var value: String?
            if argument == "--lang" {
                guard i + 1 < arguments.count else { throw ValidationError(Messages.text("usage.langMissing")) }
                value = arguments[i + 1]
                arguments.removeSubrange(i...(i + 1))
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
                arguments.remove(at: i)
            } else {
                i += 1
                continue
            }
            guard let value, let language = Language(rawValue: value) else {
                throw ValidationError(Messages.text("usage.langInvalid", value ?? ""))
            }
            chosen = language
        }
        return chosen
    }
}

/// Flushes what `print` left in standard output's buffer (every stdio stream: `stdout` itself is not reachable from
/// Swift 6 code); a failure ends the process with status 2.
private func checkStandardOutput() {
    if let code = System.flushStandardStreams() {
        System.writeAll(2, "yibao: " + Messages.text("output.cannotWrite", System.describe(code)) + "\n")
        System.exitNow(2)
    }
}
