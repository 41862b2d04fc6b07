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
        out +=
            "| \(Messages.text("fuzz.seed")) | \(seed) |\n| \(Messages.text("fuzz.cases")) | \(Messages.text("fuzz.casesValue", cases, invalidCases)) |\n"
        out += "| \(Messages.text("fuzz.speed")) | \(Messages.text("fuzz.speedValue", Int(casesPerSecond))) |\n"
        out +=
            "| \(Messages.text("fuzz.findingsLabel")) | \(Messages.text("fuzz.findingsValue", findings.count, failingFindings.count)) |\n\n"
        if let other = otherFindingsText { out += other + "\n\n" }
        out += Messages.text("fuzz.implementationHeading") + "\n\n"
        out += Self.fenced("\(implementation.name) \(implementation.version) (\(implementation.vendor))")
        out += Messages.text("fuzz.replayHeading") + "\n\n" + Self.fenced(replay)
        for (k, finding) in findings.enumerated() {
            out +=
                "## " + Messages.text("fuzz.findingHeading", k + 1, finding.advisoryNote, "`\(finding.operation)`", finding.count) + "\n\n"
            out += Self.fenced(finding.text(number: k + 1, seed: seed, catalog: catalog))
        }
        out +=
            "## \(Messages.text("fuzz.reachHeading"))\n\n| \(Messages.text("fuzz.clause")) | \(Messages.text("fuzz.cases")) |\n|---|---:|\n"
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
        let language = Language.current
        var out =
            "<!DOCTYPE html>\n<html lang=\"\(language.htmlTag)\"><head><meta charset=\"utf-8\"><title>\(h(Messages.text("fuzz.title", seed)))</title>"
        out +=
            "<style>body{font-family:sans-serif;max-width:72em;margin:2em;margin-left:auto;margin-right:auto}pre{background:#f4f4f4;padding:.5em;white-space:pre-wrap}"
        out +=
            "td,th{padding:.2em .6em;text-align:left}.zero{color:#b00}\(language == .zh ? HTMLReport.chineseStyle : "")</style></head><body>\n"
        out += "<h1>yibao fuzz</h1>\n<table>"
        out +=
            "<tr><th>\(h(Messages.text("fuzz.seed")))</th><td>\(seed)</td></tr><tr><th>\(h(Messages.text("fuzz.cases")))</th><td>\(h(Messages.text("fuzz.casesValue", cases, invalidCases)))</td></tr>"
        out +=
            "<tr><th>\(h(Messages.text("fuzz.implementationLabel")))</th><td>\(h(implementation.name)) \(h(implementation.version)) (\(h(implementation.vendor)))</td></tr>"
        out +=
            "<tr><th>\(h(Messages.text("fuzz.findingsLabel")))</th><td>\(h(Messages.text("fuzz.findingsValue", findings.count, failingFindings.count)))</td></tr>"
        out += "<tr><th>\(h(Messages.text("fuzz.replayLabel")))</th><td><code>\(h(replay))</code></td></tr></table>\n"
        if let other = otherFindingsText { out += "<p>\(h(other))</p>\n" }
        for (k, finding) in findings.enumerated() {
            out += "<h2>\(h(Messages.text("fuzz.findingHeading", k + 1, finding.advisoryNote, finding.operation, finding.count)))</h2>\n"
            out += "<pre>\(h(finding.text(number: k + 1, seed: seed, catalog: catalog)))</pre>\n"
        }
        out +=
            "<h2>\(h(Messages.text("fuzz.reachHeading")))</h2>\n<table><tr><th>\(h(Messages.text("fuzz.clause")))</th><th>\(h(Messages.text("fuzz.cases")))</th></tr>"
        for (clause, n) in reach { out += "<tr\(n == 0 ? " class=\"zero\"" : "")><td>\(h(clause))</td><td>\(n)</td></tr>" }
        out += "</table>\n</body></html>\n"
        return out
    }
}
