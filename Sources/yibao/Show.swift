import ArgumentParser
import YibaoConformance
import YibaoRules

struct Show: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Messages.text("help.show"),
            discussion: Messages.text("help.show.more")
        )
    }

    @OptionGroup var suite: SuiteOptions

    @Argument(help: ArgumentHelp(Messages.text("option.show.id")))
    var id: String

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.show.format")))
    var format: Format = .text

    func run() throws {
        let (loaded, diagnostics) = suite.load()
        if report(diagnostics, files: suite.vectors) { throw ExitCode(2) }
        if let vector = loaded.vectors.first(where: { $0.id == id }) {
            switch format {
            case .text: print(Self.terminalSafe(Self.describe(vector, catalog: loaded.catalog)), terminator: "")
            case .json: print(JSON.pretty(.object([Member("vector", Self.json(vector, catalog: loaded.catalog))])), terminator: "")
            }
        } else if let clause = loaded.catalog[id] {
            let vectors = loaded.vectors.filter { $0.clauses.contains(clause.id) }
            switch format {
            case .text: print(Self.terminalSafe(Self.describe(clause, vectors: vectors)), terminator: "")
            case .json: print(JSON.pretty(.object([Member("clause", Self.json(clause, vectors: vectors))])), terminator: "")
            }
        } else {
            let near = VectorFilter.suggestions(for: id, among: loaded.vectors.map(\.id) + loaded.catalog.clauses.map(\.id))
            printError(
                Self.terminalSafe(
                    Messages.text("show.notFound", id, suite.vectors)
                        + (near.isEmpty ? "" : Messages.text("suite.didYouMean", near.joined(separator: ", ")))))
            throw ExitCode(64)
        }
    }

    /// Text from vector files (other people's) as a terminal shows it: control characters but newline and tab, which
    /// could move the cursor or recolour the screen, written out (`\x1B`), as every other command shows them.
    static func terminalSafe(_ s: String) -> String { UntrustedText.visible(s, multiline: true) }

    static func describe(_ v: Vector, catalog: Catalog) -> String {
        var lines = [
            Messages.text("show.vector", v.id, v.operation), "  " + Messages.text("card.at", v.mark),
            "  " + Messages.text("show.title", v.title), "  " + Messages.text("show.input", JSON.serialize(v.input)),
        ]
        switch v.expected {
        case .output(let members): lines.append("  " + Messages.text("show.expected", JSON.serialize(.object(members))))
        case .error(let code): lines.append("  " + Messages.text("show.expectedError", code))
        }
        lines.append("  " + Messages.text("card.why", v.why))
        if !v.interpretations.isEmpty {
            lines.append("  " + Messages.text("card.interpretations", v.interpretations.joined(separator: ", ")))
        }
        for id in v.clauses {
            let clause = catalog[id]
            lines.append(
                "  " + Messages.text("card.clause", id, clause?.text ?? clause?.summary(in: .current) ?? Messages.text("card.notInCatalog"))
            )
        }
        lines.append("  " + Messages.text("show.runIt", v.id))
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ c: Clause, vectors: [Vector]) -> String {
        var out = Messages.text("show.clause", c.id, Messages.text("kind." + c.kind.rawValue), c.document) + "\n"
        if let heading = c.heading { out += "  " + Messages.text("show.heading", heading) + "\n" }
        if let text = c.text { out += "  " + Messages.text("show.text", text) + "\n" }
        out += "  " + Messages.text("show.summary", c.summary(in: .current)) + "\n"
        out += "  " + Messages.text("show.inForce", c.effective) + (c.effectiveNote.map { Messages.text("show.note", $0) } ?? "") + "\n"
        if let reason = c.reason { out += "  " + Messages.text("show.informative", reason) + "\n" }
        out += "  " + Messages.text("count.vectors", vectors.count) + (vectors.isEmpty ? "" : Messages.text("card.colon")) + "\n"
        for v in vectors { out += "    \(v.id)  \(v.title)\n" }
        out += "  " + Messages.text("show.runThem", c.id) + "\n"
        return out
    }

    /// What `describe` shows, as JSON: the same fields, named as in the vector files and the catalog.
    static func json(_ v: Vector, catalog: Catalog) -> Value {
        let expected: Value =
            switch v.expected {
            case .output(let members): .object(members)
            case .error(let code): .object([Member("error", .string(code))])
            }
        return .object([
            Member("id", .string(v.id)), Member("operation", .string(v.operation)),
            Member("file", .string(v.mark.file)), Member("line", .number(String(v.mark.line))),
            Member("column", .number(String(v.mark.column))),
            Member("title", .string(v.title)), Member("input", v.input), Member("expected", expected), Member("why", .string(v.why)),
            Member("interpretations", .array(v.interpretations.map(Value.string))),
            Member("advisory", .bool(v.advisory)),
            Member(
                "clauses",
                .array(
                    v.clauses.map { id in
                        let clause = catalog[id]
                        return .object([
                            Member("id", .string(id)), Member("text", clause?.text.map(Value.string) ?? .null),
                            Member("summary", clause.map { .string($0.summary) } ?? .null),
                        ])
                    })),
        ])
    }

    static func json(_ c: Clause, vectors: [Vector]) -> Value {
        .object([
            Member("id", .string(c.id)), Member("kind", .string(c.kind.rawValue)), Member("document", .string(c.document)),
            Member("heading", c.heading.map(Value.string) ?? .null), Member("text", c.text.map(Value.string) ?? .null),
            Member("summary", .string(c.summary)),
            Member("from", .string(c.effective.from.description)),
            Member("until", c.effective.until.map { .string($0.description) } ?? .null),
            Member("informative", c.reason.map(Value.string) ?? .null),
            Member("vectors", .array(vectors.map { .string($0.id) })),
        ])
    }
}
