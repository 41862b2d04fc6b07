import YibaoRules
import YibaoRun
import YibaoSuite

/// A clause × implementation matrix built from JSON run reports (`yibao run --format json`, `certify`'s report.json).
public struct CompareReport: Sendable {
    public struct Column: Sendable {
        /// The report file the column was read from.
        public var file: String
        /// The implementation's name, version and vendor as the report gives them (adapter strings: untrusted).
        public var name: String
        public var version: String
        public var vendor: String
        /// When the run started (ISO 8601, from the report).
        public var date: String
        public var suiteVersion: String
        public var suiteDigest: String
        public var passed: Int
        public var total: Int
        /// Status per clause id: covered, failing, uncovered, unsupported, informative, group.
        public var statuses: [String: String]

        /// `sha256:` and the first 12 hex digits: enough to tell two suites apart in a column heading.
        public var shortDigest: String {
            let hex = suiteDigest.hasPrefix("sha256:") ? String(suiteDigest.dropFirst(7)) : suiteDigest
            return hex.isEmpty ? "?" : String(hex.prefix(12))
        }
    }

    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public var clauses: [String] = []
    public var columns: [Column] = []

    /// Whether every report was made with the same suite (same digest).
    public var sameSuite: Bool { Set(columns.map(\.suiteDigest)).count <= 1 }

    /// - Parameters:
    ///   - reports: (file name, parsed JSON) pairs.
    ///   - allowDifferentSuites: compare reports made with different suites (different digests). Without it such
    ///     reports are refused: a clause's status can differ only because its vectors did.
    public init(_ reports: [(String, Value)], allowDifferentSuites: Bool = false) throws(ReadError) {
        var seen = Set<String>()
        for (file, report) in reports {
            guard case .array(let clauseList)? = report["clauses"], case .object? = report["implementation"] else {
                throw ReadError(description: "\(file): not a yibao JSON report (no clauses or implementation)")
            }
            func text(_ v: Value?) -> String { if case .string(let s)? = v { s } else { "?" } }
            func int(_ v: Value?) -> Int { if case .number(let s)? = v { Int(s) ?? 0 } else { 0 } }
            let impl = report["implementation"]
            var column = Column(
                file: file, name: text(impl?["name"]), version: text(impl?["version"]), vendor: text(impl?["vendor"]),
                date: text(report["date"]), suiteVersion: text(report["suite"]?["version"]),
                suiteDigest: text(report["suite"]?["digest"]),
                passed: int(report["summary"]?["passed"]), total: int(report["summary"]?["total"]), statuses: [:])
            if column.suiteDigest == "?" { column.suiteDigest = "" }
            for entry in clauseList {
                let id = text(entry["id"])
                column.statuses[id] = text(entry["status"])
                if seen.insert(id).inserted { clauses.append(id) }
            }
            columns.append(column)
        }
        if !sameSuite && !allowDifferentSuites {
            let list = columns.map { c in
                "  \(UntrustedText.visible(c.file)): suite \(UntrustedText.visible(c.suiteVersion)) "
                    + (c.suiteDigest.isEmpty ? "(no digest)" : UntrustedText.visible(c.suiteDigest))
            }
            throw ReadError(
                description: """
                    the reports were made with different suites, so a clause's status may differ only because its \
                    vectors did:
                    \(list.joined(separator: "\n"))
                    Run both implementations against the same suite, or pass --allow-different-suites to compare anyway.
                    """)
        }
    }

    /// The heading rows above the clause rows: who was run, which version, when, against which suite.
    var headings: [(label: String, cells: [String])] {
        [
            ("version", columns.map(\.version)), ("date", columns.map(\.date)),
            ("suite", columns.map { "\($0.suiteVersion) \($0.shortDigest)" }),
        ]
    }

    /// Only the clauses that need vectors (not groups or informative ones).
    var rows: [String] {
        clauses.filter { id in
            columns.contains {
                let s = $0.statuses[id]
                return s != "group" && s != "informative" && s != nil
            }
        }
    }

    public var text: String {
        let width = max(6, rows.map(\.count).max() ?? 6)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        let names = columns.map { UntrustedText.visible($0.name) }
        let heads = headings.map { ($0.label, $0.cells.map { UntrustedText.visible($0) }) }
        let widths = columns.indices.map { i in max(9, names[i].count, heads.map { $0.1[i].count }.max() ?? 0) }
        var out = pad("clause", width) + "  " + zip(names, widths).map { pad($0, $1) }.joined(separator: "  ") + "\n"
        for (label, cells) in heads {
            out += pad(label, width) + "  " + zip(cells, widths).map { pad($0, $1) }.joined(separator: "  ") + "\n"
        }
        for id in rows {
            out += pad(id, width) + "  " + zip(columns, widths).map { pad($0.statuses[id] ?? "-", $1) }.joined(separator: "  ") + "\n"
        }
        out += pad("passed", width) + "  " + zip(columns, widths).map { pad("\($0.passed)/\($0.total)", $1) }.joined(separator: "  ") + "\n"
        return out
    }

    public var markdown: String {
        // Labels and statuses come from report files anyone can write: rendered as literal text.
        func cell(_ s: String) -> String { MarkdownReport.cell(s) }
        var out = "| clause | " + columns.map { cell($0.name) }.joined(separator: " | ") + " |\n"
        out += "|---|" + columns.map { _ in "---|" }.joined() + "\n"
        for (label, cells) in headings { out += "| *\(label)* | " + cells.map(cell).joined(separator: " | ") + " |\n" }
        for id in rows { out += "| \(cell(id)) | " + columns.map { cell($0.statuses[id] ?? "-") }.joined(separator: " | ") + " |\n" }
        out += "| **passed** | " + columns.map { "\($0.passed)/\($0.total)" }.joined(separator: " | ") + " |\n"
        return out
    }

    public var html: String {
        func esc(_ s: String) -> String { Markup.html(s) }
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>yibao: implementations compared</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em}
            .covered{background:#dfd}.failing{background:#fdd}.uncovered{background:#ffd}</style></head><body>
            <h1>Clauses × implementations</h1><table><tr><th>clause</th>
            """
        out += columns.map { "<th>\(esc($0.name))</th>" }.joined() + "</tr>\n"
        for (label, cells) in headings {
            out += "<tr><th>\(esc(label))</th>" + cells.map { "<td>\(esc($0))</td>" }.joined() + "</tr>\n"
        }
        for id in rows {
            out +=
                "<tr><td>\(esc(id))</td>"
                + columns.map { c in
                    let s = c.statuses[id] ?? "-"
                    return "<td class=\"\(esc(s))\">\(esc(s))</td>"
                }.joined() + "</tr>\n"
        }
        out += "<tr><th>passed</th>" + columns.map { "<td>\($0.passed)/\($0.total)</td>" }.joined() + "</tr>\n</table></body></html>\n"
        return out
    }
}
