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
            printError(Messages.text("new.unknownClause", clause))
            throw ExitCode(64)
        }
        let existing = loaded.vectors.filter { $0.clauses.contains(clause) }
        let operationName =
            operation ?? mostCommon(existing.map(\.operation))
            ?? Operations.all.first(where: { $0.clauses.contains(clause) })?.name
        guard let operationName, let schema = Operations.schema(named: operationName) else {
            printError(Messages.text("new.whichOperation", Operations.all.map(\.name).joined(separator: ", ")))
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
            printError(Messages.text("new.changedNothing", UntrustedText.visible(file), error))
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
        for line in wrap("\(clause): \(target.text ?? target.summary(in: .current))", width: 60) { text += "  # \(line)\n" }
        text += "  - id: \(id)\n"
        text += "    title: TODO 中文标题\n"
        text += "    clauses: [\(clause)]\n"
        text += "    why: \(Messages.text("new.scaffold.why"))\n"
        text += "    input:\n"
        for field in schema.input {
            let note =
                field.required
                ? Messages.text("new.scaffold.required")
                : field.defaultValue.map { Messages.text("new.scaffold.default", JSON.serialize($0)) }
                    ?? Messages.text("new.scaffold.optional")
            text += "      \(field.name): TODO  # \(describe(field.type))\(note)\n"
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
        print(Messages.text("new.added", UntrustedText.visible(file), id, clause, schema.name))
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
        case .symlink: throw EditError(description: Messages.text("new.symlink"))
        default: throw EditError(description: Messages.text("new.notRegular"))
        }
        if info.permissions & 0o222 == 0 { throw EditError(description: Messages.text("new.readOnly")) }
        if info.size > 64 << 20 { throw EditError(description: Messages.text("new.tooLarge")) }
        guard let data = FileManager.default.contents(atPath: file) else { throw EditError(description: Messages.text("new.unreadable")) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || data.contains(0) {
            throw EditError(description: Messages.text("new.utf16"))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw EditError(description: Messages.text("new.notUTF8"))
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

    /// The type as the scaffold's comment shows it: the catalogue's name of each scalar type, and the shape around it.
    func describe(_ type: FieldType) -> String {
        switch type {
        case .list(let element): return Messages.text("new.listOf", describe(element))
        case .object(let fields): return "{" + fields.map { "\($0.name): \(describe($0.type))" }.joined(separator: ", ") + "}"
        case .map(let value): return "{name: " + describe(value) + "}"
        case .nullable(let inner): return Messages.text("type.nullable", describe(inner))
        default: return type.localizedName
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
