import ArgumentParser
import YibaoConformance
import YibaoRules

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one vector (input, expected, why, its clauses' text) or one clause (text, summary, window, its vectors).",
        discussion: "Exit 64 when the id is neither a vector nor a clause of the suite (with the nearest ids).")

    @OptionGroup var suite: SuiteOptions

    @Argument(help: "A vector id (lu-2021-54-1-...) or a clause id (LU-2021-54/1).")
    var id: String

    func run() throws {
        let (loaded, diagnostics) = suite.load()
        if report(diagnostics, files: suite.vectors) { throw ExitCode(2) }
        if let vector = loaded.vectors.first(where: { $0.id == id }) {
            print(Self.terminalSafe(Self.describe(vector, catalog: loaded.catalog)), terminator: "")
        } else if let clause = loaded.catalog[id] {
            print(
                Self.terminalSafe(Self.describe(clause, vectors: loaded.vectors.filter { $0.clauses.contains(clause.id) })), terminator: "")
        } else {
            let near = VectorFilter.suggestions(for: id, among: loaded.vectors.map(\.id) + loaded.catalog.clauses.map(\.id))
            printError(
                Self.terminalSafe(
                    "yibao show: \(id) is neither a vector nor a clause of \(suite.vectors)"
                        + (near.isEmpty ? "" : "; did you mean: " + near.joined(separator: ", ") + "?")))
            throw ExitCode(64)
        }
    }

    /// Text from vector files (other people's) as a terminal shows it: control characters but newline and tab, which
    /// could move the cursor or recolour the screen, as visible symbols (U+0001 → ␁, ESC → ␛, C1 → U+FFFD).
    static func terminalSafe(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                s.unicodeScalars.map { c -> Unicode.Scalar in
                    switch c.value {
                    case 0x0A, 0x09: return c
                    case 0x00...0x1F: return Unicode.Scalar(0x2400 + c.value)!
                    case 0x7F: return "\u{2421}"
                    case 0x80...0x9F: return "\u{FFFD}"
                    default: return c
                    }
                }))
    }

    static func describe(_ v: Vector, catalog: Catalog) -> String {
        var out = "vector \(v.id) (\(v.operation))\n"
        out += "  at \(v.mark)\n"
        out += "  title: \(v.title)\n"
        out += "  input: \(JSON.serialize(v.input))\n"
        switch v.expected {
        case .output(let members): out += "  expected: \(JSON.serialize(.object(members)))\n"
        case .error(let code): out += "  expected: error \(code)\n"
        }
        out += "  why: \(v.why)\n"
        if !v.interpretations.isEmpty {
            out += "  interpretations: \(v.interpretations.joined(separator: ", ")) (docs/interpretations.md)\n"
        }
        for id in v.clauses {
            let clause = catalog[id]
            out += "  \(id): \(clause?.text ?? clause?.summary ?? "(not in the catalog)")\n"
        }
        out += "  run it: yibao run --only \(v.id) [--impl '…']\n"
        return out
    }

    static func describe(_ c: Clause, vectors: [Vector]) -> String {
        var out = "clause \(c.id) (\(c.kind.rawValue), \(c.document))\n"
        if let heading = c.heading { out += "  heading: \(heading)\n" }
        if let text = c.text { out += "  text: \(text)\n" }
        out += "  summary: \(c.summary(in: .current))\n"
        out += "  in force: \(c.effective)" + (c.effectiveNote.map { " (\($0))" } ?? "") + "\n"
        if let reason = c.reason { out += "  informative: \(reason)\n" }
        out += "  \(vectors.count) vector\(vectors.count == 1 ? "" : "s")" + (vectors.isEmpty ? "\n" : ":\n")
        for v in vectors { out += "    \(v.id)  \(v.title)\n" }
        out += "  run them: yibao run --filter \(c.id) [--impl '…']\n"
        return out
    }
}
