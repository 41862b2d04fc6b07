import ArgumentParser
import YibaoConformance
import YibaoRules

struct Clauses: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Messages.text("help.clauses")
        )
    }

    @OptionGroup var suite: SuiteOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.clauses.format")))
    var format: Format = .text

    func run() throws {
        let (loaded, diagnostics) = suite.load()
        if report(diagnostics, files: suite.vectors) { throw ExitCode(2) }
        // Coverage against the reference: how many vectors each clause has and whether they all pass.
        let coverage = CoverageReport(
            catalog: loaded.catalog, results: ReferenceRunner.run(loaded.vectors, parameters: loaded.catalog.parameters))
        var counts: [String: Int] = [:]
        var status: [String: String] = [:]
        for line in coverage.clauses {
            counts[line.clause.id] = line.vectors
            status[line.clause.id] = line.status.rawValue
        }
        switch format {
        case .json:
            let clauses: [Value] = loaded.catalog.clauses.map { c in
                var effective = [Member("from", .string(c.effective.from.description))]
                if let until = c.effective.until { effective.append(Member("until", .string(until.description))) }
                return .object([
                    Member("id", .string(c.id)), Member("document", .string(c.document)), Member("parent", .string(c.parent)),
                    Member("normative", .bool(c.isNormative)), Member("kind", .string(c.kind.rawValue)),
                    Member("heading", c.heading.map(Value.string) ?? .null), Member("summary", .string(c.summary)),
                    Member("summaryZh", .string(c.summaryZh)),
                    Member("text", c.text.map(Value.string) ?? .null), Member("effective", .object(effective)),
                    Member("vectors", .number(String(counts[c.id] ?? 0))), Member("status", .string(status[c.id] ?? "")),
                ])
            }
            print(JSON.serialize(.object([Member("clauses", .array(clauses))])))
        case .text:
            for doc in loaded.catalog.documents {
                print("\(doc.id)  \(doc.number)  " + Messages.text("html.inForce", doc.effective))
                for c in loaded.catalog.clauses where c.document == doc.id {
                    let depth = loaded.catalog.ancestors(of: c.id).count
                    let indent = String(repeating: "  ", count: depth + 1)
                    let n = counts[c.id] ?? 0
                    let tag =
                        c.kind == .normative
                        ? Messages.text("clauses.tag", Messages.text("coverage." + (status[c.id] ?? "uncovered")), n)
                        : Messages.text("coverage." + c.kind.rawValue)
                    print("\(indent)\(c.id)  [\(tag)]  \(c.summary(in: .current))")
                }
            }
        }
    }
}
