import ArgumentParser
import Foundation
import YibaoConformance

/// Where the suite is: shared by every command that reads vectors.
struct SuiteOptions: ParsableArguments {
    @Option(name: .long, help: "The suite folder: the clause catalog in catalog/, the vectors in every other *.yaml file.")
    var vectors: String = "vectors"

    /// Loads the suite; prints every problem to standard error.
    func load() -> (Suite, [Diagnostic]) {
        var root = vectors
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        return Suite.load(root: root)
    }
}

/// Output format and destination, shared by `run` and `coverage`.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "text, json, junit, markdown or html.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    func emit(_ text: String) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: output)
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    var colorOnTerminal: Bool { output == nil && isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, markdown, html
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Prints diagnostics with a summary line; returns whether there were any.
@discardableResult
func report(_ diagnostics: [Diagnostic], files: String) -> Bool {
    for d in diagnostics { printError(d.description) }
    if !diagnostics.isEmpty {
        printError("\(diagnostics.count) problem\(diagnostics.count == 1 ? "" : "s") in \(files)")
    }
    return !diagnostics.isEmpty
}
