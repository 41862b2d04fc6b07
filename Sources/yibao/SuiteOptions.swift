import ArgumentParser
import Foundation
import YibaoConformance
import YibaoRules

/// Where the suite is: shared by every command that reads vectors.
struct SuiteOptions: ParsableArguments {
    @Option(name: .customLong("vectors"), help: ArgumentHelp(
        "The suite folder: the clause catalog in catalog/, the vectors in every other *.yaml file.",
        discussion: "Default: $YIBAO_VECTORS, else the nearest vectors/ folder with a catalog/, looking in the working directory and then each parent (as git finds .git)."))
    var explicitVectors: String?

    /// The suite folder: --vectors, else $YIBAO_VECTORS, else found by walking up from the working directory (as a
    /// relative path, so messages stay short); "vectors" when there is none (loading then says what is missing).
    var vectors: String {
        if let explicitVectors { return explicitVectors }
        if let env = ProcessInfo.processInfo.environment["YIBAO_VECTORS"], !env.isEmpty { return env }
        return Self.nearestSuite(from: FileManager.default.currentDirectoryPath) ?? "vectors"
    }

    func validate() throws {
        guard explicitVectors == nil, (ProcessInfo.processInfo.environment["YIBAO_VECTORS"] ?? "").isEmpty,
              Self.nearestSuite(from: FileManager.default.currentDirectoryPath) == nil else { return }
        printError("yibao: no suite found: no vectors/ folder with a catalog/ in \(FileManager.default.currentDirectoryPath) or any folder above it."
            + " Run from a checkout of the suite, or name one with --vectors DIR or YIBAO_VECTORS=DIR.")
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
    @Option(name: .long, help: "text, json, junit, markdown or html.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    func emit(_ text: String) throws {
        try emit { $0.write(text) }
    }

    /// Writes a report to standard output, or to --output atomically.
    func emit(_ body: (inout ReportSink) throws -> Void) throws {
        try ReportSink.write(to: output, body)
    }

    /// Refuses, before any work, an --output that cannot be written: a folder that does not exist, or a directory
    /// in the file's place (exit 64, as for any bad option).
    func checkDestination() throws {
        guard let output else { return }
        try checkOutputFile(output)
    }

    var colorOnTerminal: Bool { output == nil && isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, markdown, html
}

/// A `--filter` or `--only` term that selects nothing is a usage error (64), with the nearest names the suite has.
func reportUnmatched(_ suite: StreamedSuite, option: String) throws {
    guard !suite.unmatched.isEmpty else { return }
    let candidates = option == "--only" ? Array(suite.ids)
        : Array(suite.ids) + suite.catalog.clauses.map(\.id) + suite.catalog.documents.map(\.id) + Operations.all.map(\.name)
    for term in suite.unmatched {
        let near = VectorFilter.suggestions(for: term, among: candidates)
        printError("yibao: \(option) \(term) matches no vector in \(suite.root)"
            + (near.isEmpty ? "" : "; did you mean: " + near.joined(separator: ", ") + "?"))
    }
    printError("(\(option == "--only" ? "--only takes a vector id exactly" : "--filter takes a vector id or part of one, an operation, a document or a clause"); `yibao clauses` lists the clauses and their vectors)")
    throw ExitCode(64)
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Exits 64 when `path` cannot be a report file: its folder is missing or not a folder, or `path` is a directory.
func checkOutputFile(_ path: String, option: String = "--output") throws {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        printError("yibao: \(option) \(path) is a directory; give a file name (e.g. \(url.appendingPathComponent("report").path))")
        throw ExitCode(64)
    }
    let folder = url.deletingLastPathComponent().path
    if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
        printError("yibao: \(option) \(path): the folder \(folder) does not exist; create it first")
        throw ExitCode(64)
    }
    if access(folder, W_OK) != 0 {
        printError("yibao: \(option) \(path): the folder \(folder) is not writable")
        throw ExitCode(64)
    }
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

/// Where a report goes, written as it is made: standard output, or a temporary file beside the destination that is
/// renamed over it once complete (a reader never sees half a report, and a failed run leaves the old one).
struct ReportSink: TextOutputStream {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var failed: Int32 = 0

    private init(fd: Int32) { self.fd = fd }

    mutating func write(_ string: String) {
        buffer += string.utf8
        if buffer.count >= 1 << 16 { flush() }
    }

    private mutating func flush() {
        var done = 0
        while done < buffer.count && failed == 0 {
            let n = buffer.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, buffer.count - done) }
            if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { failed = errno == 0 ? EIO : errno }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    static func write(to path: String?, _ body: (inout ReportSink) throws -> Void) throws {
        guard let path else {
            var sink = ReportSink(fd: 1)
            try body(&sink)
            sink.flush()
            return
        }
        let url = URL(fileURLWithPath: path)
        var template = Array((url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw WriteError(path: path, code: errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var sink = ReportSink(fd: fd)
        do {
            try body(&sink)
            sink.flush()
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        fchmod(fd, 0o644)
        let closed = close(fd)
        guard sink.failed == 0, closed == 0, rename(temporary, path) == 0 else {
            let code = sink.failed != 0 ? sink.failed : errno
            unlink(temporary)
            throw WriteError(path: path, code: code)
        }
    }

    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
    }
}
