import YibaoRules
import YibaoRun
import YibaoSuite

/// A clause × implementation matrix built from JSON run reports (`yibao run --format json`, `certify`'s report.json).
public struct CompareReport: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var passed: Int
        public var total: Int
        /// Status per clause id: covered, failing, uncovered, informative, group.
        public var statuses: [String: String]
    }

    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public var clauses: [String] = []
    public var columns: [Column] = []

    /// - Parameter reports: (file name, parsed JSON) pairs.
    public init(_ reports: [(String, Value)]) throws(ReadError) {
        var seen = Set<String>()
        for (file, report) in reports {
            guard case .array(let clauseList)? = report["clauses"], case .object? = report["implementation"] else {
                throw ReadError(description: "\(file): not a yibao JSON report (no clauses or implementation)")
            }
            func text(_ v: Value?) -> String { if case .string(let s)? = v { s } else { "?" } }
            func int(_ v: Value?) -> Int { if case .number(let s)? = v { Int(s) ?? 0 } else { 0 } }
            let impl = report["implementation"]
            var column = Column(
                name: "\(text(impl?["name"])) \(text(impl?["version"]))",
                passed: int(report["summary"]?["passed"]), total: int(report["summary"]?["total"]), statuses: [:])
            for entry in clauseList {
                let id = text(entry["id"])
                column.statuses[id] = text(entry["status"])
                if seen.insert(id).inserted { clauses.append(id) }
            }
            columns.append(column)
        }
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
        let widths = columns.map { max($0.name.count, 9) }
        var out = pad("clause", width) + "  " + zip(columns, widths).map { pad($0.name, $1) }.joined(separator: "  ") + "\n"
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
