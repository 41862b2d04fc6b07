import ArgumentParser
import Foundation
import YibaoConformance
import YibaoRules

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scaffold a vector for a clause into the right file, with the operation's inputs as placeholders.",
        discussion: "The new vector fails lint until its placeholders, title, why and expected values are written by hand."
    )

    @OptionGroup var suite: SuiteOptions

    @Option(name: .long, help: "The clause the vector is for, e.g. LU-2021-54/2c.")
    var clause: String

    @Option(name: .long, help: "The operation (default: the one the clause's existing vectors use).")
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
        let pending = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        var n = 1
        while ids.contains("\(base)-new-\(n)") || pending.contains("id: \(base)-new-\(n)\n") { n += 1 }
        let id = "\(base)-new-\(n)"

        var text = ""
        if !FileManager.default.fileExists(atPath: file) {
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
        try append(text, to: file)
        print("\(file): added vector \(id) for \(clause) (\(schema.name)); fill in the TODOs, then run `yibao lint`")
    }

    func append(_ text: String, to file: String) throws {
        var current = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        if !current.isEmpty && !current.hasSuffix("\n") { current += "\n" }
        try (current + text).write(toFile: file, atomically: true, encoding: .utf8)
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
