import ArgumentParser
import Foundation
import YibaoConformance
import YibaoSystem

/// Where a report goes, written as it is made.
///
/// Standard output, or an `--output` path: a regular file (or a new one) is replaced atomically — written to a
/// temporary file beside it, renamed over it once complete, so a reader never sees half a report and a failed run
/// leaves the old one; a symlink is followed and its target replaced. A character device, a FIFO or `/dev/stdout` is
/// written through, never replaced by a regular file. A directory or anything else is refused before the run.
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
        if failed == 0, let code = buffer.withUnsafeBytes({ System.writeAll(fd, $0) }) { failed = code }
        buffer.removeAll(keepingCapacity: true)
    }

    /// How an output path is written.
    enum Destination: Equatable {
        /// An open descriptor of ours (standard output or error): written through.
        case descriptor(Int32)
        /// A character device or FIFO: opened and written through.
        case device(String)
        /// A regular file or a new path (a symlink's final target): replaced atomically.
        case file(String)
    }

    /// Where `path` leads, or a clear refusal (a directory, a block device, a socket, a symlink loop).
    static func destination(_ path: String) throws(WriteError) -> Destination {
        switch path {
        case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1": return .descriptor(1)
        case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2": return .descriptor(2)
        default: break
        }
        guard !path.isEmpty else { throw WriteError(path: path, reason: "the path is empty") }
        // Follow symlinks to the final target ourselves, so that a dangling one names where the file is made.
        var target = path
        for _ in 0..<40 {
            let info: System.FileStatus
            switch System.status(target, followSymlinks: false) {
            case .success(let status): info = status
            case .failure(let failure):
                guard failure.isNotFound else { throw WriteError(path: path, code: failure.code) }
                // A new file: its folder must exist (found now, not after the whole run).
                let folder = (target as NSString).deletingLastPathComponent
                if !folder.isEmpty {
                    guard case .success(let folderInfo) = System.status(folder), folderInfo.kind == .directory else {
                        throw WriteError(path: path, reason: "the folder \(folder) does not exist; create it first")
                    }
                }
                return .file(target)
            }
            switch info.kind {
            case .symlink:
                let link: String
                switch System.readLink(target) {
                case .success(let text): link = text
                case .failure(let failure): throw WriteError(path: path, code: failure.code)
                }
                target = link.hasPrefix("/") ? link : (target as NSString).deletingLastPathComponent + "/" + link
                if link.hasPrefix("/proc/self/fd/") || link.hasPrefix("/dev/fd/") { return try destination(link) }
            case .regular: return .file(target)
            case .characterDevice, .fifo: return .device(target)
            case .directory: throw WriteError(path: path, reason: "it is a directory; give a file name")
            case .blockDevice, .socket, .other:
                throw WriteError(path: path, reason: "it is neither a regular file, a character device nor a FIFO")
            }
        }
        throw WriteError(path: path, code: System.tooManyLinks)
    }

    /// Refuses an output path that cannot be written (a directory, …) before any work is done.
    static func check(_ path: String) throws(ValidationError) {
        do { _ = try destination(path) } catch { throw ValidationError("--output: \(error)") }
    }

    static func write(to path: String?, _ body: (inout ReportSink) throws -> Void) throws {
        let destination = try path.map(destination) ?? .descriptor(1)
        switch destination {
        case .descriptor(let fd):
            var sink = ReportSink(fd: fd)
            try body(&sink)
            sink.flush()
            if sink.failed != 0 { throw WriteError(path: fd == 1 ? "standard output" : "standard error", code: sink.failed) }
        case .device(let device):
            let fd: Int32
            switch System.open(device, [.writeOnly, .noControllingTerminal]) {
            case .success(let opened): fd = opened
            case .failure(let failure): throw WriteError(path: path ?? device, code: failure.code)
            }
            defer { _ = System.close(fd) }
            var sink = ReportSink(fd: fd)
            try body(&sink)
            sink.flush()
            if sink.failed != 0 { throw WriteError(path: path ?? device, code: sink.failed) }
        case .file(let file):
            try replace(file, shownAs: path ?? file, body)
        }
    }

    /// Writes a temporary file beside `file` and renames it over `file`, keeping an existing file's permissions.
    private static func replace(_ file: String, shownAs shown: String, _ body: (inout ReportSink) throws -> Void) throws {
        let url = URL(fileURLWithPath: file)
        let created = TemporaryFile.create(prefix: url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".")
        guard case .success(let (fd, temporary)) = created else {
            if case .failure(let failure) = created { throw WriteError(path: shown, code: failure.code) }
            return
        }
        // Removed if yibao is interrupted before the rename: never half a report beside the old one.
        Interruption.addPath(temporary)
        defer { Interruption.removePath(temporary) }
        var sink = ReportSink(fd: fd)
        do {
            try body(&sink)
            sink.flush()
        } catch {
            _ = System.close(fd)
            System.unlink(temporary)
            throw error
        }
        if case .success(let existing) = System.status(file) {
            System.setPermissions(fd, existing.permissions)
        } else {
            System.setPermissions(fd, 0o666 & ~System.creationMask())
        }
        let closed = System.close(fd)
        if sink.failed != 0 || !closed {
            System.unlink(temporary)
            throw WriteError(path: shown, code: sink.failed != 0 ? sink.failed : System.ioError)
        }
        if let failure = System.rename(temporary, to: file) {
            System.unlink(temporary)
            throw WriteError(path: shown, code: failure.code)
        }
    }

    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String

        init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        init(path: String, code: Int32) {
            self.init(path: path, reason: System.describe(code))
        }

        var description: String { "cannot write \(path): \(reason)" }
    }
}
