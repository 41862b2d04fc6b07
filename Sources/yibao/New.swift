import ArgumentParser
import Foundation
import YibaoConformance
import YibaoRules
import YibaoSystem

struct New: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Messages.text("help.new"),
            discussion: Messages.text("help.new.more")
        )
    }

    @OptionGroup var suite: SuiteOptions

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.new.clause")))
    var clause: String

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.new.operation")))
    var operation: String?

    func run() throws {
        let (loaded, _) = suite.load()
        guard let target = loaded.catalog[clause] else {
            printError("yibao new: unknown clause \"\(clause)\"")
            throw ExitCode(64)
        }
        let existing = loaded.vectors.filter { $0.clauses.contains(clause) }
        let operationName =
            operation ?? mostCommon(existing.map(\.operation))
            ?? Operations.all.first(where: { $0.clauses.contains(clause) })?.name
        guard let operationName, let schema = Operations.schema(named: operationName) else {
            printError("yibao new: say which operation with --operation (one of \(Operations.all.map(\.name).joined(separator: ", ")))")
            throw ExitCode(64)
        }
        let file =
            mostCommon(existing.filter { $0.operation == schema.name }.map(\.file))
            ?? "\(loaded.root)/\(target.document)/new-\(schema.name.replacingOccurrences(of: ".", with: "-")).yaml"
        let base = clause.lowercased().replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-")
        // Ids in use: the loaded vectors, the retired ids, and scaffolds not yet valid enough to load.
        let ids = Set(loaded.vectors.map(\.id)).union(loaded.retired.keys)
        // The file as it is now (nil: a new one), refused before anything is written when it cannot be edited safely.
        let current: String?
        do { current = try Self.editable(file) } catch {
            printError("\(UntrustedText.visible(file)): error: \(error); yibao new changed nothing")
            throw ExitCode(2)
        }
        let pending = current ?? ""
        var n = 1
        while ids.contains("\(base)-new-\(n)") || pending.contains("id: \(base)-new-\(n)\n") { n += 1 }
        let id = "\(base)-new-\(n)"

        var text = ""
        if current == nil {
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            text += "operation: \(schema.name)\nclauses: [\(clause)]\nvectors:\n"
        }
        text += "\n"
        for line in wrap("\(clause): \(target.text ?? target.summary)", width: 60) { text += "  # \(line)\n" }
        text += "  - id: \(id)\n"
        text += "    title: TODO 中文标题\n"
        text += "    clauses: [\(clause)]\n"
        text += "    why: TODO — quote the words of the clause that decide the case and show the arithmetic\n"
        text += "    input:\n"
        for field in schema.input {
            text +=
                "      \(field.name): TODO  # \(describe(field.type))\(field.required ? " (required)" : field.defaultValue.map { " (default \(JSON.serialize($0)))" } ?? " (optional)")\n"
        }
        text += "    expected:\n"
        for field in schema.output {
            text += "      \(field.name): TODO  # \(describe(field.type))\n"
        }
        if let current, !current.isEmpty, !current.hasSuffix("\n") { text = "\n" + text }
        do { try Self.append(text, to: file, creating: current == nil) } catch {
            printError("\(UntrustedText.visible(file)): error: \(error)")
            throw ExitCode(2)
        }
        print("\(file): added vector \(id) for \(clause) (\(schema.name)); fill in the TODOs, then run `yibao lint`")
    }

    struct EditError: Error, CustomStringConvertible {
        var description: String
    }

    /// The text of `file` when `new` may append to it, nil when there is no such file, or why not: a symlink, anything
    /// but a regular file, a read-only file (whoever runs it: root too), more than the suite's size cap, or bytes that
    /// are not UTF-8 (a UTF-16 file would be garbled). Vector files are UTF-8 (docs/reference.md).
    static func editable(_ file: String) throws(EditError) -> String? {
        let info: System.FileStatus
        switch System.status(file, followSymlinks: false) {
        case .success(let status): info = status
        case .failure(let failure):
            if failure.isNotFound { return nil }
            throw EditError(description: failure.description)
        }
        switch info.kind {
        case .regular: break
        case .symlink: throw EditError(description: "it is a symbolic link; yibao new edits only regular files")
        default: throw EditError(description: "it is not a regular file")
        }
        if info.permissions & 0o222 == 0 { throw EditError(description: "it is read-only; make it writable first if it should change") }
        if info.size > 64 << 20 { throw EditError(description: "it is over 64 MiB, the suite's cap for a vector file") }
        guard let data = FileManager.default.contents(atPath: file) else { throw EditError(description: "it cannot be read") }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || data.contains(0) {
            throw EditError(description: "it is UTF-16 (or holds NUL bytes), not UTF-8; vector files are UTF-8")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw EditError(description: "it is not valid UTF-8; vector files are UTF-8")
        }
        return text
    }

    /// Appends `text` in place (the file keeps its inode, mode, owner and every byte it had), or makes a new file —
    /// never following a symlink planted meanwhile, never replacing what is there.
    static func append(_ text: String, to file: String, creating: Bool) throws(EditError) {
        let flags: System.OpenFlags = creating ? [.writeOnly, .noFollow, .create, .exclusive] : [.writeOnly, .noFollow, .append]
        let fd: Int32
        switch System.open(file, flags, mode: 0o666) {
        case .success(let opened): fd = opened
        case .failure(let failure): throw EditError(description: failure.description)
        }
        defer { _ = System.close(fd) }
        if let code = System.writeAll(fd, text) { throw EditError(description: System.describe(code)) }
    }

    func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// The type as the scaffold's comment shows it: the rules' own name of each scalar type, and the shape around it.
    func describe(_ type: FieldType) -> String {
        switch type {
        case .list(let element): return "a list of " + describe(element)
        case .object(let fields): return "{" + fields.map { "\($0.name): \(describe($0.type))" }.joined(separator: ", ") + "}"
        case .map(let value): return "{name: " + describe(value) + "}"
        case .nullable(let inner): return describe(inner) + " or null"
        default: return type.name
        }
    }

    func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for ch in text where ch != "\n" {
            current.append(ch)
            if current.count >= width {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
