import ArgumentParser
import Foundation
import YibaoConformance
import YibaoRules

/// Where the suite is: shared by every command that reads vectors.
struct SuiteOptions: ParsableArguments {
    @Option(name: .customLong("vectors"), help: ArgumentHelp(
        "The suite folder: the clause catalog in catalog/, the vectors in every other *.yaml file.",
        discussion: "Default: vectors/ in the working directory, else the suite installed beside the binary (../share/yibao/vectors)."))
    var path: String?

    /// The suite folder this command reads.
    var vectors: String { SuiteLocation.resolve(path) }

    /// Loads the suite.
    func load() -> (Suite, [Diagnostic]) {
        Suite.load(root: root)
    }

    /// Checks the suite without keeping the vectors (lint).
    func check() -> (Catalog, vectors: Int, [Diagnostic]) {
        Suite.check(root: root)
    }

    /// Checks the suite for a streamed run (the vectors are read again as the run takes them).
    func open(filter: String? = nil) -> (StreamedSuite, [Diagnostic]) {
        StreamedSuite.open(root: root, filter: filter)
    }

    /// The suite's parameters alone (catalog/parameters.yaml), for commands that need the rules but no vectors;
    /// nil after printing the problems.
    func parameters() -> Parameters? {
        let (parameters, diagnostics) = Parameters.load(file: root + "/catalog/" + Parameters.fileName)
        report(diagnostics, files: root + "/catalog/" + Parameters.fileName)
        return parameters
    }

    private var root: String { vectors }
}

/// Output format and destination, shared by `run` and `coverage`.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "text, json, junit, markdown or html.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Write the report to this file (atomically replaced; a device or FIFO is written through) instead of standard output.")
    var output: String?

    func validate() throws {
        if let output { try ReportSink.check(output) }
    }

    func emit(_ text: String) throws {
        try emit { $0.write(text) }
    }

    /// Writes a report to standard output, or to --output atomically.
    func emit(_ body: (inout ReportSink) throws -> Void) throws {
        try ReportSink.write(to: output, body)
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
        printError(Messages.text("summary.problems", diagnostics.count, files))
    }
    return !diagnostics.isEmpty
}
