import YibaoRules
import YibaoRun
import YibaoSuite

/// Plain-text renderings for a terminal or a CI log.
public enum TextReport {
    /// The run: every vector that did not pass with its evidence (all vectors with `verbose`), then a summary line.
    public static func run(_ report: RunReport, verbose: Bool = false, color: Bool = false) -> String {
        var out = ""
        for result in report.results where verbose || result.status != .pass {
            out += describe(result, color: color)
        }
        let s = report.summary
        let parts = s.phrases
        out += Messages.text("summary.run", report.implementation.name, report.implementation.version, Messages.text("count.vectors", s.total),
                             parts.joined(separator: Messages.text("list.separator"))) + "\n"
        out += Messages.text("summary.suite", report.suiteName, report.suiteVersion) + (report.suiteDigest.map { " \($0)" } ?? "") + "\n"
        return out
    }

    public static func describe(_ result: VectorResult, color: Bool = false) -> String {
        let v = result.vector
        let label = paint(result.status.rawValue.uppercased(), result.status == .pass ? "32" : "31", color)
        var out = "\(label) \(v.id) (\(v.operation); \(v.clauses.joined(separator: ", ")))\n"
        out += "  at \(v.mark)\n"
        if result.status == .pass { return out }
        out += "  \(v.title)\n"
        if let message = result.message { out += "  \(message)\n" }
        for diff in result.diffs {
            out += "  \(diff.path): expected \(JSON.serialize(diff.expected)), got \(diff.actual.map(JSON.serialize) ?? "(missing)")\n"
        }
        if let trace = result.outcome?.trace { out += "  trace: \(trace.joined(separator: ", "))\n" }
        if let stderr = result.stderr, !stderr.text.isEmpty {
            var lines = stderr.text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            let shown = lines.suffix(10)
            out += "  stderr, \(stderr.attribution)"
                + (shown.count < lines.count || stderr.omittedBytes > 0 ? " (last \(shown.count) lines; all in --format json)" : "") + ":\n"
            out += shown.map { "    | \($0)" }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// The coverage table: per clause, then per document and overall, then cross-check findings.
    public static func coverage(_ coverage: CoverageReport, color: Bool = false) -> String {
        var out = ""
        let idWidth = coverage.clauses.map(\.clause.id.count).max() ?? 10
        out += pad("clause", idWidth) + "  vectors  passed  status\n"
        for line in coverage.clauses where line.status != .group {
            let status = paint(line.status.rawValue, line.status == .covered ? "32" : line.status == .informative ? "2" : "31", color)
            out += pad(line.clause.id, idWidth) + "  " + lpad(String(line.vectors), 7) + "  " + lpad(String(line.passed), 6) + "  " + status
            if line.status == .informative, let reason = line.clause.reason { out += "  (\(reason))" }
            out += "\n"
        }
        out += "\n"
        for doc in coverage.documents {
            out += "\(doc.document): \(doc.covered)/\(doc.normative) normative clauses covered (\(percentText(doc.percent)))\n"
        }
        out += "overall: \(coverage.coveredCount)/\(coverage.normativeCount) normative clauses covered (\(percentText(coverage.percent)))\n"
        for line in coverage.thin where line.vectors > 0 {
            out += "thin: \(line.clause.id) has \(line.vectors) vector\(line.vectors == 1 ? "" : "s") (at least \(coverage.minimumVectors) wanted)\n"
        }
        for tag in coverage.misTagged {
            out += "\(tag.vector.mark): error: vector \(tag.vector.id) is tagged \(tag.clause), which the reference's trace never touches (trace: \(tag.trace.joined(separator: ", ")))\n"
        }
        for clause in coverage.appliedButUntagged {
            out += "note: the reference applies \(clause), but no vector is tagged with it\n"
        }
        return out
    }

    public static func percentText(_ p: Double) -> String {
        let tenths = Int((p * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
    static func lpad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
    static func paint(_ s: String, _ code: String, _ on: Bool) -> String { on ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}
