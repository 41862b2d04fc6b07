import YibaoReports
import YibaoRules
import YibaoRun
import YibaoSuite

/// Markdown and HTML pages of a fuzz run. What the implementation answered is hostile text: in Markdown it goes
/// only into fenced blocks whose fence is longer than any backtick run inside (after control characters are made
/// visible); in HTML it is escaped by `Markup.html`.
extension FuzzReport {
    public func markdown(catalog: Catalog) -> String {
        var out = "# yibao fuzz\n\n"
        out += "| | |\n|---|---|\n"
        out += "| seed | \(seed) |\n| cases | \(cases) (\(invalidCases) invalid on purpose) |\n"
        out += "| speed | \(Int(casesPerSecond)) cases/s |\n| findings | \(findings.count) (\(failingFindings.count) failing) |\n\n"
        out += "Implementation:\n\n" + Self.fenced("\(implementation.name) \(implementation.version) (\(implementation.vendor))")
        out += "Replay:\n\n" + Self.fenced(replay)
        for (k, finding) in findings.enumerated() {
            out +=
                "## Finding \(k + 1)\(finding.advisoryNote): `\(finding.operation)`, \(finding.count) case\(finding.count == 1 ? "" : "s")\n\n"
            out += Self.fenced(finding.text(number: k + 1, seed: seed, catalog: catalog))
        }
        out += "## Reach\n\n| clause | cases |\n|---|---:|\n"
        for (clause, n) in reach { out += "| \(clause) | \(n) |\n" }
        return out
    }

    /// A fenced code block holding `s` verbatim (control characters made visible).
    static func fenced(_ s: String) -> String {
        let body = s.split(separator: "\n", omittingEmptySubsequences: false).map { FuzzText.line(String($0)) }.joined(separator: "\n")
        var longest = 0, run = 0
        for ch in body {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "text\n" + body + (body.hasSuffix("\n") ? "" : "\n") + fence + "\n\n"
    }

    public func html(catalog: Catalog) -> String {
        func h(_ s: String) -> String { Markup.html(s) }
        var out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>yibao fuzz, seed \(seed)</title>"
        out += "<style>body{font-family:sans-serif;max-width:72em;margin:2em auto}pre{background:#f4f4f4;padding:.5em;white-space:pre-wrap}"
        out += "td,th{padding:.2em .6em;text-align:left}.zero{color:#b00}</style></head><body>\n"
        out += "<h1>yibao fuzz</h1>\n<table>"
        out += "<tr><th>seed</th><td>\(seed)</td></tr><tr><th>cases</th><td>\(cases) (\(invalidCases) invalid on purpose)</td></tr>"
        out +=
            "<tr><th>implementation</th><td>\(h(implementation.name)) \(h(implementation.version)) (\(h(implementation.vendor)))</td></tr>"
        out += "<tr><th>findings</th><td>\(findings.count) (\(failingFindings.count) failing)</td></tr>"
        out += "<tr><th>replay</th><td><code>\(h(replay))</code></td></tr></table>\n"
        for (k, finding) in findings.enumerated() {
            out +=
                "<h2>Finding \(k + 1)\(finding.advisoryNote): \(h(finding.operation)), \(finding.count) case\(finding.count == 1 ? "" : "s")</h2>\n"
            out += "<pre>\(h(finding.text(number: k + 1, seed: seed, catalog: catalog)))</pre>\n"
        }
        out += "<h2>Reach</h2>\n<table><tr><th>clause</th><th>cases</th></tr>"
        for (clause, n) in reach { out += "<tr\(n == 0 ? " class=\"zero\"" : "")><td>\(h(clause))</td><td>\(n)</td></tr>" }
        out += "</table>\n</body></html>\n"
        return out
    }
}
