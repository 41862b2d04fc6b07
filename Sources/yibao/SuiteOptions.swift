import ArgumentParser
import Foundation
import YibaoConformance

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

    private var root: String { vectors }
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
