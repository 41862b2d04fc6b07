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
                throw ReadError(description: Messages.text("compare.notReport", UntrustedText.visible(file)))
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
                Messages.text(
                    "compare.suiteOf", UntrustedText.visible(c.file), UntrustedText.visible(c.suiteVersion),
                    c.suiteDigest.isEmpty ? Messages.text("compare.noDigest") : UntrustedText.visible(c.suiteDigest))
            }
            throw ReadError(description: Messages.text("compare.differentSuites", list.joined(separator: "\n")))
        }
    }

    /// The heading rows above the clause rows: who was run, which version, when, against which suite.
    var headings: [(label: String, cells: [String])] {
        [
            (Messages.text("compare.version"), columns.map(\.version)), (Messages.text("compare.date"), columns.map(\.date)),
            (Messages.text("compare.suite"), columns.map { "\($0.suiteVersion) \($0.shortDigest)" }),
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

    /// A clause's status as people read it: the catalogue's word for a status yibao writes; any other word (a report
    /// file is anyone's to write) as it is, for the renderer to escape.
    static func label(_ status: String?) -> String {
        guard let status else { return "-" }
        return statuses.contains(status) ? Messages.text("coverage." + status) : status
    }

    static let statuses: Set = ["covered", "failing", "uncovered", "unsupported", "informative", "group"]

    public var text: String {
        // Padded by terminal columns: a Chinese label or name takes two a character.
        func pad(_ s: String, _ n: Int) -> String { TextReport.pad(s, n) }
        let clauseLabel = Messages.text("compare.clause"), passedLabel = Messages.text("compare.passed")
        let width = max(6, TextReport.columns(clauseLabel), TextReport.columns(passedLabel), rows.map(\.count).max() ?? 6)
        let names = columns.map { UntrustedText.visible($0.name) }
        let heads = headings.map { ($0.label, $0.cells.map { UntrustedText.visible($0) }) }
        let cells = rows.map { id in columns.map { UntrustedText.visible(Self.label($0.statuses[id])) } }
        let widths = columns.indices.map { i in
            max(
                9, TextReport.columns(names[i]), heads.map { TextReport.columns($0.1[i]) }.max() ?? 0,
                cells.map { TextReport.columns($0[i]) }.max() ?? 0)
        }
        var out = pad(clauseLabel, width) + "  " + zip(names, widths).map { pad($0, $1) }.joined(separator: "  ") + "\n"
        for (label, cells) in heads {
            out += pad(label, width) + "  " + zip(cells, widths).map { pad($0, $1) }.joined(separator: "  ") + "\n"
        }
        for (id, row) in zip(rows, cells) {
            out += pad(UntrustedText.visible(id), width) + "  " + zip(row, widths).map { pad($0, $1) }.joined(separator: "  ") + "\n"
        }
        out +=
            pad(passedLabel, width) + "  " + zip(columns, widths).map { pad("\($0.passed)/\($0.total)", $1) }.joined(separator: "  ") + "\n"
        return out
    }

    public var markdown: String {
        // Labels and statuses come from report files anyone can write: rendered as literal text.
        func cell(_ s: String) -> String { MarkdownReport.cell(s) }
        var out = "| \(cell(Messages.text("compare.clause"))) | " + columns.map { cell($0.name) }.joined(separator: " | ") + " |\n"
        out += "|---|" + columns.map { _ in "---|" }.joined() + "\n"
        for (label, cells) in headings { out += "| *\(cell(label))* | " + cells.map(cell).joined(separator: " | ") + " |\n" }
        for id in rows {
            out += "| \(cell(id)) | " + columns.map { cell(Self.label($0.statuses[id])) }.joined(separator: " | ") + " |\n"
        }
        out +=
            "| **\(cell(Messages.text("compare.passed")))** | " + columns.map { "\($0.passed)/\($0.total)" }.joined(separator: " | ")
            + " |\n"
        return out
    }

    public var html: String {
        func esc(_ s: String) -> String { Markup.html(s) }
        let language = Language.current
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.htmlTag)"><head><meta charset="utf-8"><title>\(esc(Messages.text("compare.title")))</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em}
            .covered{background:#dfd}.failing{background:#fdd}.uncovered{background:#ffd}\(language == .zh ? HTMLReport.chineseStyle : "")</style></head><body>
            <h1>\(esc(Messages.text("compare.heading")))</h1><table><tr><th>\(esc(Messages.text("compare.clause")))</th>
            """
        out += columns.map { "<th>\(esc($0.name))</th>" }.joined() + "</tr>\n"
        for (label, cells) in headings {
            out += "<tr><th>\(esc(label))</th>" + cells.map { "<td>\(esc($0))</td>" }.joined() + "</tr>\n"
        }
        for id in rows {
            out +=
                "<tr><td>\(esc(id))</td>"
                + columns.map { c in
                    // The class is the machine word (it picks the colour); the cell is the reader's word.
                    let s = c.statuses[id] ?? "-"
                    return "<td class=\"\(esc(s))\">\(esc(Self.label(s)))</td>"
                }.joined() + "</tr>\n"
        }
        out +=
            "<tr><th>\(esc(Messages.text("compare.passed")))</th>" + columns.map { "<td>\($0.passed)/\($0.total)</td>" }.joined()
            + "</tr>\n</table></body></html>\n"
        return out
    }
}
