import YibaoRules
import YibaoRun
import YibaoSuite

/// Plain-text renderings for a terminal or a CI log.
public enum TextReport {
    /// The run: the vectors that did not pass, each as a failure card, first (all vectors with `verbose`); then one
    /// line per operation the implementation does not support; then the summary.
    public static func run(_ report: RunReport, verbose: Bool = false, color: Bool = false) -> String {
        var out = ""
        var unsupported: [(operation: String, count: Int)] = []
        var advisory: [VectorResult] = []
        for result in report.results {
            if result.status == .unsupported {
                if let k = unsupported.firstIndex(where: { $0.operation == result.vector.operation }) {
                    unsupported[k].count += 1
                } else {
                    unsupported.append((result.vector.operation, 1))
                }
                continue
            }
            // Advisory vectors that do not pass come in their own section, after the rest.
            if result.vector.advisory && result.status != .pass {
                advisory.append(result)
                continue
            }
            if verbose || result.status != .pass {
                out += describe(result, color: color, forgiven: report.forgivenReason(result), rerun: report.rerun)
            }
        }
        for (operation, count) in unsupported {
            out +=
                paint(Markup.word(.unsupported).uppercased(), "33", color) + " "
                + Messages.text("run.unsupported", UntrustedText.visible(operation), count) + "\n"
        }
        if !advisory.isEmpty {
            out += Messages.text("run.advisory", advisory.count) + "\n"
            for result in advisory {
                out +=
                    "  " + Messages.text("card.provisional", result.vector.provisional.joined(separator: ", ")) + " "
                    + describe(result, color: color, rerun: report.rerun)
            }
        }
        let s = report.summary
        let parts = s.phrases
        out += Messages.text(
            "summary.run", UntrustedText.visible(report.implementation.name), UntrustedText.visible(report.implementation.version),
            Messages.text("count.vectors", s.total),
            parts.joined(separator: Messages.text("list.separator")))
        if let e = report.expectations, !e.expected.isEmpty { out += Messages.text("summary.forgiven", e.expected.count) }
        out += "\n"
        out += Messages.text("summary.suite", report.suiteName, report.suiteVersion) + (report.suiteDigest.map { " \($0)" } ?? "") + "\n"
        return out
    }

    /// One vector: a status line; for a vector that did not pass, its failure card (title, where, what differs, the
    /// input sent, why, the clauses' text, both traces, the stderr written meanwhile).
    public static func describe(
        _ result: VectorResult, color: Bool = false, forgiven: String? = nil,
        rerun: String = "yibao run"
    ) -> String {
        let v = result.vector
        let label: String
        if let forgiven {
            label =
                paint(Messages.text("label.expectedFailure"), "33", color) + " "
                + Messages.text("card.forgiven", Markup.word(result.status), forgiven)
        } else {
            label = paint(Markup.word(result.status).uppercased(), result.status == .pass ? "32" : "31", color)
        }
        // Everything after the label may hold an implementation's words or a vector file's: control characters made
        // visible (one-line fields entirely; the card's multi-line blocks keep their newlines).
        let one = { (text: String) in UntrustedText.visible(text) }
        var out = "\(one(v.id)) (\(one(v.operation)); \(one(v.clauses.joined(separator: ", "))))\n"
        out += "  " + Messages.text("card.at", one(v.mark.description)) + "\n"
        if result.status == .pass { return label + " " + out }
        out += "  \(one(v.title))\n"
        if result.message != nil { out += "  \(one(Markup.message(result)))\n" }
        for line in Markup.diffLines(result) { out += "  \(one(line))\n" }
        for line in Markup.cardLines(result) {
            out += "  " + UntrustedText.visible(line, multiline: true).replacingOccurrences(of: "\n", with: "\n    ") + "\n"
        }
        if let stderr = result.stderr, !stderr.text.isEmpty {
            var lines = stderr.text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            let shown = lines.suffix(10)
            let attribution = Markup.attribution(stderr)
            out +=
                "  "
                + (shown.count < lines.count || stderr.omittedBytes > 0
                    ? Messages.text("card.stderrLast", attribution, shown.count) : Messages.text("card.stderr", attribution))
                + Messages.text("card.colon") + "\n"
            out += shown.map { "    | \(one(String($0)))" }.joined(separator: "\n") + "\n"
        }
        out += "  " + Messages.text("card.rerun", one(rerun), one(v.id)) + "\n"
        return label + " " + out
    }

    /// The coverage table: per clause, then per document and overall, then cross-check findings.
    public static func coverage(_ coverage: CoverageReport, color: Bool = false) -> String {
        var out = ""
        let idWidth = coverage.clauses.map(\.clause.id.count).max() ?? 10
        out +=
            pad(Messages.text("column.clause"), idWidth) + "  " + lpad(Messages.text("column.vectors"), 7) + "  "
            + lpad(Messages.text("column.passed"), 6) + "  " + Messages.text("column.status") + "\n"
        for line in coverage.clauses where line.status != .group {
            let status = paint(
                Messages.text("coverage." + line.status.rawValue),
                line.status == .covered ? "32" : line.status == .informative ? "2" : "31", color)
            out += pad(line.clause.id, idWidth) + "  " + lpad(String(line.vectors), 7) + "  " + lpad(String(line.passed), 6) + "  " + status
            if line.status == .informative, let reason = line.clause.reason { out += "  (\(reason))" }
            out += "\n"
        }
        out += "\n"
        for doc in coverage.documents {
            out +=
                Messages.text(
                    "coverage.document", doc.document,
                    Messages.text("clauses.covered", doc.covered, doc.normative, percentText(doc.percent))) + "\n"
        }
        out +=
            Messages.text(
                "coverage.overall",
                Messages.text("clauses.covered", coverage.coveredCount, coverage.normativeCount, percentText(coverage.percent))) + "\n"
        for line in coverage.thin where line.vectors > 0 {
            out += Messages.text("coverage.thin", line.clause.id, line.vectors, coverage.minimumVectors) + "\n"
        }
        for tag in coverage.misTagged {
            out +=
                "\(tag.vector.mark): error: "
                + Messages.text("coverage.misTagged", tag.vector.id, tag.clause, tag.trace.joined(separator: ", ")) + "\n"
        }
        for clause in coverage.appliedButUntagged {
            out += Messages.text("coverage.note", Messages.text("coverage.untagged", clause)) + "\n"
        }
        return out
    }

    public static func percentText(_ p: Double) -> String {
        let tenths = Int((p * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - columns(s))) }
    static func lpad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - columns(s))) + s }

    /// The terminal columns `s` takes: two for a CJK ideograph or full-width form, one for anything else.
    static func columns(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            switch u.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
                n + 2
            default: n + 1
            }
        }
    }
    static func paint(_ s: String, _ code: String, _ on: Bool) -> String { on ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}
