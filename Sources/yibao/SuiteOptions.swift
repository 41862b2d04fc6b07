import ArgumentParser
import Foundation
import YibaoConformance
import YibaoRules
import YibaoSystem

/// Where the suite is: shared by every command that reads vectors.
struct SuiteOptions: ParsableArguments {
    @Option(
        name: .customLong("vectors"),
        help: ArgumentHelp(
            Messages.text("option.suite.explicitVectors"),
            discussion: Messages.text("option.suite.explicitVectors.more")
        ))
    var explicitVectors: String?

    /// The suite folder: --vectors, else the default (`found`); "vectors" when there is none (loading then says what
    /// is missing).
    var vectors: String { explicitVectors ?? Self.found ?? "vectors" }

    /// The suite when --vectors is not given: $YIBAO_VECTORS, else found by walking up from the working directory (as
    /// a relative path, so messages stay short), else the one installed beside the binary; nil when there is none.
    static var found: String? {
        if let env = ProcessInfo.processInfo.environment["YIBAO_VECTORS"], !env.isEmpty { return env }
        return nearestSuite(from: FileManager.default.currentDirectoryPath) ?? SuiteLocation.installed()
    }

    func validate() throws {
        guard explicitVectors == nil, Self.found == nil else { return }
        printError(
            "yibao: " + Messages.text("suite.notFound", FileManager.default.currentDirectoryPath))
        throw ExitCode(2)
    }

    /// "vectors", "../vectors", "../../vectors" …: the first folder named vectors with a catalog/ inside, from `start` up.
    static func nearestSuite(from start: String) -> String? {
        var directory = URL(fileURLWithPath: start).standardizedFileURL
        var up = ""
        for _ in 0..<64 {
            var isDirectory: ObjCBool = false
            let catalog = directory.appendingPathComponent("vectors/catalog").path
            if FileManager.default.fileExists(atPath: catalog, isDirectory: &isDirectory), isDirectory.boolValue {
                return up + "vectors"
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
            up += "../"
        }
        return nil
    }

    /// Loads the suite.
    func load() -> (Suite, [Diagnostic]) {
        Suite.load(root: root)
    }

    /// Checks the suite without keeping the vectors (lint).
    func check() -> (Catalog, vectors: Int, [Diagnostic]) {
        Suite.check(root: root)
    }

    /// Checks the suite for a streamed run (the vectors are read again as the run takes them).
    func open(filter: VectorFilter = VectorFilter()) -> (StreamedSuite, [Diagnostic]) {
        StreamedSuite.open(root: root, filter: filter)
    }

    /// The interpretations awaiting a ruling (docs/interpretations.md beside the suite): what `fuzz` and `certify` mark
    /// advisory.
    func provisional() -> Set<String> {
        Suite.provisionalInterpretations(root: root)
    }

    /// The clause catalog's folder.
    var catalogDirectory: String { root + "/catalog" }

    /// The suite's parameters alone (catalog/parameters.yaml), for commands that need the rules but no vectors;
    /// nil after printing the problems.
    func parameters() -> Parameters? {
        let (parameters, diagnostics) = Parameters.load(file: root + "/catalog/" + Parameters.fileName)
        report(diagnostics, files: root + "/catalog/" + Parameters.fileName)
        return parameters
    }

    private var root: String {
        var root = vectors
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        return root
    }
}

/// Output format and destination, shared by `run` and `coverage`.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Messages.text("option.suite.format")))
    var format: ReportFormat = .text

    @Option(
        name: .long,
        help: ArgumentHelp(Messages.text("option.suite.output")))
    var output: String?

    func validate() throws {
        if let output { try ReportSink.check(output) }
    }

    /// Writes a report to standard output, or to --output atomically.
    func emit(_ body: (inout ReportSink) throws -> Void) throws {
        try ReportSink.write(to: output, body)
    }

    var colorOnTerminal: Bool { output == nil && System.isTerminal(1) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, markdown, html
}

/// A `--filter` or `--only` term that selects nothing is a usage error (64), with the nearest names the suite has.
func reportUnmatched(_ suite: StreamedSuite, option: String) throws {
    guard !suite.unmatched.isEmpty else { return }
    let candidates =
        option == "--only"
        ? Array(suite.ids)
        : Array(suite.ids) + suite.catalog.clauses.map(\.id) + suite.catalog.documents.map(\.id) + Operations.all.map(\.name)
    for term in suite.unmatched {
        let near = VectorFilter.suggestions(for: term, among: candidates)
        printError(
            "yibao: " + Messages.text("suite.noMatch", option, term, suite.root)
                + (near.isEmpty ? "" : Messages.text("suite.didYouMean", near.joined(separator: ", "))))
    }
    printError(
        Messages.text(option == "--only" ? "suite.onlyHint" : "suite.filterHint"))
    throw ExitCode(64)
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Prints diagnostics with a summary line; returns whether there were any.
@discardableResult
func report(_ diagnostics: [Diagnostic], files: String) -> Bool {
    // A diagnostic may quote a vector file's text: control characters made visible.
    for d in diagnostics { printError(UntrustedText.visible(d.description)) }
    if !diagnostics.isEmpty {
        printError(Messages.text("summary.problems", diagnostics.count, files))
    }
    return !diagnostics.isEmpty
}
