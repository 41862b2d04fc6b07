import YibaoRules
import YibaoRun
import YibaoSuite

/// One self-contained HTML page (inline CSS, no script, no external resource; readable offline and without
/// JavaScript): a header with the suite, implementation and counts; per notice document the clause tree coloured by
/// coverage, with each clause's verbatim Chinese text and its vectors' results; then the vectors that did not pass,
/// with their diffs, messages, traces and stderr tails.
///
/// Stable hooks for tools and tests (`yibao strength` adds `span.strength.strength-<strong|weak|none>` to a clause's head): `section.document#doc-<document>`, `li.clause.status-<coverage status>#clause-<id
/// with / as ->`, `li.vector.result-<status>` under a clause, `article.result.result-<status>#vector-<vector id>` in
/// `section#not-passing`.
public enum HTMLReport {
    /// The verdict line: with a certificate, the certificate's (the vectors and the random section together); else the
    /// run's.
    static func verdict(_ report: RunReport) -> String {
        if let certificate = report.certificate {
            let key = certificate.certified ? "certify.certified" : "certify.notCertified"
            return "<p class=\"verdict \(certificate.certified ? "passed" : "failed")\">" + Markup.html(Messages.text(key))
                + (certificate.certified ? " · " + Markup.html(Messages.text("html.certified", certificate.scopeText)) : "") + "</p>\n"
        }
        return "<p class=\"verdict \(report.passed ? "passed" : "failed")\">"
            + Markup.html(Messages.text(report.passed ? "verdict.passed" : "verdict.failed")) + "</p>\n"
    }

    public static func run(_ report: RunReport, catalog: Catalog, strength: StrengthAnalysis? = nil) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="\(Language.current.htmlTag)">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="yibao \(Markup.html(Version.tool))"/>
            <title>\(Markup.html(Messages.text("html.title", report.implementation.name, report.implementation.version)))</title>
            <style>\(style)\(Language.current == .zh ? chineseStyle : "")</style>
            </head>
            <body>

            """
        out += header(report)
        if let strength { out += strengthHeader(strength) }
        let lines = Dictionary(report.coverage.clauses.map { ($0.clause.id, $0) }, uniquingKeysWith: { a, _ in a })
        var vectorsByClause: [String: [VectorResult]] = [:]
        for result in report.results {
            var seen = Set<String>()
            for clause in result.vector.clauses where seen.insert(clause).inserted {
                vectorsByClause[clause, default: []].append(result)
            }
        }
        let strengthLines = Dictionary((strength?.clauses ?? []).map { ($0.clause, $0) }, uniquingKeysWith: { a, _ in a })
        let tree = Tree(catalog: catalog, lines: lines, vectors: vectorsByClause, strength: strengthLines)
        out += "<main>\n"
        out += notPassing(report)
        var rendered = Set<String>()
        for document in catalog.documents {
            out += tree.section(document, rendered: &rendered)
        }
        // Clauses no document's tree reached (a parent outside the catalog): still shown, never dropped.
        let stray = catalog.clauses.filter { !rendered.contains($0.id) }
        if !stray.isEmpty {
            out +=
                "<section class=\"document\" id=\"doc-other\">\n<h2>\(Markup.html(Messages.text("html.otherClauses")))</h2>\n<ul class=\"tree\">\n"
            for clause in stray where !rendered.contains(clause.id) { out += tree.item(clause, rendered: &rendered, depth: 0) }
            out += "</ul>\n</section>\n"
        }
        out += crossCheck(report.coverage)
        out += "</main>\n<footer>yibao \(Markup.html(Version.tool)) · \(Markup.html(Version.protocolName))</footer>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Header

    static func header(_ report: RunReport) -> String {
        let s = report.summary, i = report.implementation, c = report.coverage
        var out = "<header id=\"summary\">\n"
        out += "<h1>\(Markup.html(Messages.text("html.heading", i.name, i.version)))</h1>\n"
        out += verdict(report)
        if let certificate = report.certificate {
            if let random = certificate.random {
                out +=
                    "<p class=\"random\">"
                    + Markup.html(
                        Messages.text("html.random", random.seed, random.cases, random.findings, random.failing, random.unsupported))
                    + "</p>\n"
            }
            let operations = certificate.operations.isEmpty ? Messages.text("html.none") : certificate.operations.joined(separator: ", ")
            out += "<p class=\"scope\">" + Markup.html(Messages.text("html.scope", certificate.scopeText + ": " + operations)) + "</p>\n"
            if !certificate.clausesOutside.isEmpty {
                out +=
                    "<p class=\"outside\">" + Markup.html(Messages.text("html.outside", certificate.clausesOutside.joined(separator: ", ")))
                    + "</p>\n"
            }
        }
        out += "<dl class=\"facts\">\n"
        func term(_ key: String) -> String { "<dt>\(Markup.html(Messages.text(key)))</dt>" }
        out +=
            term("html.implementation") + "<dd><span class=\"impl-name\">\(Markup.html(i.name))</span> \(Markup.html(i.version))"
            + " <span class=\"muted\">\(Markup.html(Messages.text("html.vendor")))</span> \(Markup.html(i.vendor))</dd>\n"
        out +=
            term("html.suite") + "<dd>\(Markup.html(report.suiteName)) \(Markup.html(report.suiteVersion)), "
            + "\(Markup.html(Messages.text("count.vectors", report.suiteVectors)))</dd>\n"
        out += term("html.digest") + "<dd><code>\(Markup.html(report.suiteDigest ?? Messages.text("html.none")))</code></dd>\n"
        out += term("html.date") + "<dd>\(Markup.html(report.date.isEmpty ? Messages.text("html.notRecorded") : report.date))</dd>\n"
        out += term("html.duration") + "<dd>\(Markup.html(Messages.text("html.seconds", JSONReport.seconds(report.seconds))))</dd>\n"
        out += term("html.tool") + "<dd>yibao \(Markup.html(Version.tool))</dd>\n"
        out += "</dl>\n"
        out += "<table class=\"counts\"><tr>"
        let counts: [(String, String, Int)] = [
            ("total", "html.total", s.total), ("pass", "result.pass", s.passed), ("fail", "result.fail", s.failed),
            ("error", "result.error", s.errored), ("timeout", "result.timeout", s.timeout), ("crash", "result.crash", s.crash),
            ("unsupported", "result.unsupported", s.unsupported), ("not-run", "result.not-run", s.notRun),
            ("advisory", "html.advisory", s.advisory),
        ]
        out += counts.map { "<th>\(Markup.html(Messages.text($0.1)))</th>" }.joined() + "</tr>\n<tr>"
        out += counts.map { "<td class=\"count-\($0.0)\">\($0.2)</td>" }.joined() + "</tr></table>\n"
        out +=
            "<p class=\"coverage\">"
            + Markup.html(Messages.text("html.coverage", c.coveredCount, c.normativeCount, TextReport.percentText(c.percent)))
        if !c.documents.isEmpty {
            out +=
                ": "
                + c.documents.map { d in
                    "<a href=\"#doc-\(anchor(d.document))\">\(Markup.html(d.document))</a> \(d.covered)/\(d.normative)"
                }.joined(separator: Markup.html(Messages.text("list.separator")))
        }
        out += "</p>\n"
        if let e = report.expectations {
            out +=
                "<p class=\"expectations\">"
                + Markup.html(
                    Messages.text(
                        "html.expectations", e.expected.count, e.unexpectedPasses.count,
                        e.expired.count, e.unknown.count)) + "</p>\n"
            if !e.problems.isEmpty {
                out += "<ul class=\"problems\">" + e.problems.map { "<li>\(Markup.html($0))</li>" }.joined() + "</ul>\n"
            }
        }
        out +=
            "<p class=\"legend\">\(Markup.html(Messages.text("html.legend")))"
            + ["covered", "failing", "uncovered", "unsupported", "informative", "group"].map {
                " <span class=\"chip status-\($0)\">\(Markup.html(Messages.text("coverage." + $0)))</span>"
            }.joined()
            + " · <a href=\"#not-passing\">\(Markup.html(Messages.text("html.vectorsNotPassing")))</a></p>\n"
        out += "</header>\n"
        return out
    }

    /// The strength summary and its colours (`yibao strength --format html`).
    static func strengthHeader(_ a: StrengthAnalysis) -> String {
        "<section id=\"strength\"><p class=\"strength-summary\">\(Markup.html(StrengthReport.summary(a)))</p>\n"
            + "<p class=\"legend\">\(Markup.html(Messages.text("strength.legend"))) <span class=\"strength strength-strong\">"
            + Markup.html(Messages.text("strength.strong")) + "</span> <span class=\"strength strength-weak\">"
            + Markup.html(Messages.text("strength.weak")) + "</span> <span class=\"strength strength-none\">"
            + Markup.html(Messages.text("strength.none")) + "</span></p></section>\n"
    }

    // MARK: - Clause tree

    struct Tree {
        let catalog: Catalog
        let lines: [String: CoverageReport.ClauseLine]
        let vectors: [String: [VectorResult]]
        /// Mutation strength per clause, when `yibao strength` made the page.
        var strength: [String: StrengthAnalysis.ClauseLine] = [:]

        func section(_ document: NoticeDocument, rendered: inout Set<String>) -> String {
            let own = catalog.clauses.filter { $0.document == document.id }
            let normative = own.filter(\.isNormative)
            let covered = normative.filter { status(of: $0) == .covered }.count
            var out = "<section class=\"document\" id=\"doc-\(anchor(document.id))\">\n"
            out +=
                "<h2><span class=\"doc-id\">\(Markup.html(document.id))</span> <span lang=\"zh-CN\">\(Markup.html(document.number))"
                + " \(Markup.html(document.title))</span></h2>\n"
            out += "<p class=\"doc-meta\">"
            var facts: [String] = []
            if !document.issuer.isEmpty {
                facts.append("<span lang=\"zh-CN\">\(Markup.html(document.issuer.joined(separator: "、")))</span>")
            }
            if let dated = document.dated { facts.append(Markup.html(Messages.text("html.dated", dated))) }
            facts.append(Markup.html(Messages.text("html.inForce", document.effective.description)))
            if let forwards = document.forwards {
                facts.append(
                    Markup.html(Messages.text("html.forwards")) + " <a href=\"#doc-\(anchor(forwards))\">\(Markup.html(forwards))</a>")
            }
            if let by = document.forwardedBy {
                facts.append(Markup.html(Messages.text("html.forwardedBy")) + " <a href=\"#doc-\(anchor(by))\">\(Markup.html(by))</a>")
            }
            facts.append(Markup.html(Messages.text("html.documentCovered", covered, normative.count)))
            out += facts.joined(separator: " · ") + "</p>\n"
            out += "<p class=\"doc-summary\">\(Markup.html(document.summary(in: .current)))</p>\n"
            out += "<ul class=\"tree\">\n"
            // Roots: the document's top clauses, then any of its clauses whose parent is not in the catalog.
            var roots = catalog.children(of: document.id).compactMap { catalog[$0] }.filter { $0.document == document.id }
            roots += own.filter { $0.parent != document.id && !catalog.contains($0.parent) }
            for clause in roots where !rendered.contains(clause.id) { out += item(clause, rendered: &rendered, depth: 0) }
            out += "</ul>\n</section>\n"
            return out
        }

        func status(of clause: Clause) -> CoverageReport.Status {
            if let line = lines[clause.id] { return line.status }
            switch clause.kind {
            case .group: return .group
            case .informative: return .informative
            case .normative: return .uncovered
            }
        }

        func item(_ clause: Clause, rendered: inout Set<String>, depth: Int) -> String {
            rendered.insert(clause.id)
            let status = status(of: clause)
            let results = vectors[clause.id] ?? []
            let passed = results.filter { $0.status == .pass }.count
            var out = "<li class=\"clause status-\(status.rawValue) kind-\(clause.kind.rawValue)\" id=\"clause-\(anchor(clause.id))\">\n"
            out += "<div class=\"clause-head\"><span class=\"clause-id\">\(Markup.html(clause.id))</span>"
            if let heading = clause.heading { out += " <span class=\"heading\" lang=\"zh-CN\">\(Markup.html(heading))</span>" }
            out += " <span class=\"status\">\(Markup.html(Messages.text("coverage." + status.rawValue)))</span>"
            if clause.isNormative || !results.isEmpty {
                out += " <span class=\"tally\">\(Markup.html(Messages.text("html.tally", passed, results.count)))</span>"
            }
            if let s = strength[clause.id] {
                let level = s.survivors.isEmpty ? "strong" : s.killed == 0 ? "none" : "weak"
                out +=
                    " <span class=\"strength strength-\(level)\">"
                    + Markup.html(Messages.text("strength.tally", s.killed, s.mutants - s.equivalent))
                    + (s.equivalent > 0 ? Markup.html(Messages.text("strength.tallyEquivalent", s.equivalent)) : "") + "</span>"
            }
            out += "</div>\n"
            out += "<p class=\"summary\">\(Markup.html(clause.summary(in: .current)))</p>\n"
            if let text = clause.text { out += "<blockquote class=\"text\" lang=\"zh-CN\">\(Markup.html(text))</blockquote>\n" }
            var notes = [Markup.html(Messages.text("html.inForce", clause.effective.description))]
            if let note = clause.effectiveNote { notes.append(Markup.html(note)) }
            if let reason = clause.reason { notes.append(Markup.html(Messages.text("html.informative", reason))) }
            out += "<p class=\"effective\">\(notes.joined(separator: " · "))</p>\n"
            if let s = strength[clause.id], !s.survivors.isEmpty {
                out +=
                    "<ul class=\"survivors\">"
                    + s.survivors.map {
                        "<li lang=\"zh-CN\">\(Markup.html(StrengthReport.survivorText($0))) <code>\(Markup.html($0.mutant.id))</code></li>"
                    }.joined() + "</ul>\n"
            }
            if !results.isEmpty {
                let open = results.contains { $0.status != .pass }
                out +=
                    "<details class=\"vectors\"\(open ? " open=\"open\"" : "")><summary>"
                    + Markup.html(Messages.text("html.vectorsPassed", results.count, passed)) + "</summary>\n<ul>\n"
                for result in results {
                    let v = result.vector
                    let idHTML =
                        result.status == .pass
                        ? "<span class=\"vector-id\">\(Markup.html(v.id))</span>"
                        : "<a class=\"vector-id\" href=\"#vector-\(anchor(v.id))\">\(Markup.html(v.id))</a>"
                    out +=
                        "<li class=\"vector result-\(result.status.rawValue)\"><span class=\"result\">\(Markup.html(Messages.text("result." + result.status.rawValue)))</span> "
                        + idHTML + " <span class=\"title\" lang=\"zh-CN\">\(Markup.html(v.title))</span></li>\n"
                }
                out += "</ul>\n</details>\n"
            }
            // Depth bound: a parent cycle in a broken catalog cannot recurse forever.
            let children = catalog.children(of: clause.id).compactMap { catalog[$0] }.filter { !rendered.contains($0.id) }
            if !children.isEmpty, depth < 32 {
                out += "<ul>\n"
                for child in children where !rendered.contains(child.id) { out += item(child, rendered: &rendered, depth: depth + 1) }
                out += "</ul>\n"
            }
            out += "</li>\n"
            return out
        }
    }

    // MARK: - Cross-check and failures

    static func crossCheck(_ coverage: CoverageReport) -> String {
        guard !coverage.misTagged.isEmpty || !coverage.appliedButUntagged.isEmpty else { return "" }
        var out = "<section class=\"cross-check\" id=\"cross-check\">\n<h2>\(Markup.html(Messages.text("html.crossCheck")))</h2>\n<ul>\n"
        for tag in coverage.misTagged {
            out +=
                "<li class=\"mis-tagged\">\(Markup.html(tag.vector.mark.description)): "
                + Markup.html(Messages.text("coverage.misTagged", tag.vector.id, tag.clause, tag.trace.joined(separator: ", "))) + "</li>\n"
        }
        for clause in coverage.appliedButUntagged {
            out += "<li class=\"untagged\">\(Markup.html(Messages.text("coverage.untagged", clause)))</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    /// The vectors that did not pass, each as a failure card, then one line per unsupported operation; then
    /// (`section#advisory`) the advisory vectors that did not pass: they depend on a provisional reading, fail nothing.
    static func notPassing(_ report: RunReport) -> String {
        var failing: [VectorResult] = []
        var advisory: [VectorResult] = []
        var unsupported: [(operation: String, count: Int)] = []
        for result in report.results where result.status != .pass {
            if result.status != .unsupported && result.vector.advisory {
                advisory.append(result)
            } else if result.status != .unsupported {
                failing.append(result)
            } else if let k = unsupported.firstIndex(where: { $0.operation == result.vector.operation }) {
                unsupported[k].count += 1
            } else {
                unsupported.append((result.vector.operation, 1))
            }
        }
        var out =
            "<section class=\"not-passing\" id=\"not-passing\">\n<h2>\(Markup.html(Messages.text("html.notPassing", failing.count)))</h2>\n"
        if failing.isEmpty { out += "<p>\(Markup.html(Messages.text("html.everyVectorPassed")))</p>\n" }
        for result in failing { out += card(result, forgiven: report.forgivenReason(result), catalog: report.catalog, rerun: report.rerun) }
        if !unsupported.isEmpty {
            out += "<ul class=\"unsupported\">\n"
            for (operation, count) in unsupported {
                out +=
                    "<li><span class=\"result\">\(Markup.html(Messages.text("result.unsupported")))</span> <code>\(Markup.html(operation))</code>: "
                    + Markup.html(Messages.text("html.notSent", count)) + "</li>\n"
            }
            out += "</ul>\n"
        }
        out += "</section>\n"
        if !advisory.isEmpty {
            out +=
                "<section class=\"advisory\" id=\"advisory\">\n<h2>\(Markup.html(Messages.text("html.advisoryHeading", advisory.count)))</h2>\n"
            out += "<p>\(Markup.html(Messages.text("html.advisoryNote")))</p>\n"
            for result in advisory {
                out += card(
                    result, forgiven: Messages.text("html.advisoryCard", result.vector.provisional.joined(separator: ", ")),
                    catalog: report.catalog, rerun: report.rerun)
            }
            out += "</section>\n"
        }
        return out
    }

    /// One failure card: what differs beside the input sent, why, the clauses' text and both traces.
    static func card(_ result: VectorResult, forgiven: String?, catalog: Catalog, rerun: String = "yibao run") -> String {
        let v = result.vector
        var out =
            "<article class=\"result result-\(result.status.rawValue)\(forgiven == nil ? "" : " forgiven")\" id=\"vector-\(anchor(v.id))\">\n"
        out +=
            "<h3><span class=\"result\">\(Markup.html(Messages.text("result." + result.status.rawValue)))</span> <code>\(Markup.html(v.id))</code>"
            + " <span class=\"title\" lang=\"zh-CN\">\(Markup.html(v.title))</span></h3>\n"
        out +=
            "<p class=\"where\">\(Markup.html(v.operation)) · \(Markup.html(Messages.text("html.clauses"))) "
            + v.clauses.map { "<a href=\"#clause-\(anchor($0))\">\(Markup.html($0))</a>" }.joined(separator: ", ")
            + " · <code>\(Markup.html(v.mark.description))</code> · \(Markup.html(Messages.text("html.rerun"))) <code>\(Markup.html(rerun)) --only \(Markup.html(v.id))</code></p>\n"
        if let forgiven {
            out += "<p class=\"expected-failure\">\(Markup.html(Messages.text("html.expectedFailure", forgiven)))</p>\n"
        }
        out += "<p class=\"message\">\(Markup.html(Markup.message(result)))</p>\n"
        if !result.diffs.isEmpty {
            out +=
                "<table class=\"diff\"><tr>"
                + ["html.field", "html.expected", "html.got"].map { "<th>\(Markup.html(Messages.text($0)))</th>" }.joined()
                + "</tr>\n"
            for d in result.diffs {
                out +=
                    "<tr><td><code>\(Markup.html(d.path))</code></td><td><code>\(Markup.html(JSON.serialize(d.expected)))</code></td>"
                    + "<td><code>\(Markup.html(d.actual.map(JSON.serialize) ?? Messages.text("card.missing")))</code></td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "<dl class=\"card\">\n"
        if let card = result.card {
            out +=
                "<dt>\(Markup.html(Messages.text("html.inputSent")))</dt><dd><pre class=\"input\">\(Markup.html(JSON.serialize(card.input)))</pre></dd>\n"
            if !card.why.isEmpty {
                out += "<dt>\(Markup.html(Messages.text("html.why")))</dt><dd class=\"why\" lang=\"zh-CN\">\(Markup.html(card.why))</dd>\n"
            }
            if !card.interpretations.isEmpty {
                out +=
                    "<dt>\(Markup.html(Messages.text("html.interpretations")))</dt><dd>\(Markup.html(card.interpretations.joined(separator: ", "))) (docs/interpretations.md)</dd>\n"
            }
            for clause in card.clauses {
                out +=
                    "<dt>\(Markup.html(Messages.text("html.clause"))) <a href=\"#clause-\(anchor(clause.id))\">\(Markup.html(clause.id))</a></dt><dd>"
                out += clause.text.map { "<blockquote class=\"text\" lang=\"zh-CN\">\(Markup.html($0))</blockquote>" } ?? ""
                // The summary in the reader's language when the catalog knows the clause, else the one the card carries.
                if let summary = catalog[clause.id]?.summary(in: .current) ?? clause.summary {
                    out += "<span class=\"summary\">\(Markup.html(summary))</span>"
                }
                out += "</dd>\n"
            }
        }
        out +=
            "<dt>\(Markup.html(Messages.text("html.traces")))</dt><dd><table class=\"traces\"><tr><th>\(Markup.html(Messages.text("html.yours")))</th><th>\(Markup.html(Messages.text("html.reference")))</th></tr><tr><td>"
            + Markup.html(result.outcome?.trace.map { $0.joined(separator: ", ") } ?? Messages.text("html.noneSent")) + "</td><td>"
            + Markup.html(result.card?.referenceTrace?.joined(separator: ", ") ?? "") + "</td></tr>"
        if let answer = result.card?.referenceAnswer {
            out +=
                "<tr><td><code>\(Markup.html(result.outcome.map { JSON.serialize($0.value) } ?? ""))</code></td>"
                + "<td><code>\(Markup.html(JSON.serialize(answer)))</code></td></tr>"
        }
        out += "</table></dd>\n</dl>\n"
        if let stderr = result.stderr, !stderr.text.isEmpty {
            out +=
                "<details class=\"stderr\"><summary>\(Markup.html(Messages.text("card.stderr", Markup.attribution(stderr))))</summary><pre>\(Markup.html(stderr.text))</pre></details>\n"
        }
        out += "</article>\n"
        return out
    }

    /// An id fragment: the clause or vector id with `/` and anything outside `[A-Za-z0-9._-]` as `-`
    /// (`LU-2021-54/3b` → `LU-2021-54-3b`).
    static func anchor(_ id: String) -> String {
        String(
            String.UnicodeScalarView(
                id.unicodeScalars.map { s in
                    switch s {
                    case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": return s
                    default: return "-"
                    }
                }))
    }

    /// For a Chinese page: CJK faces first (Noto Sans CJK / Source Han Sans, PingFang, Microsoft YaHei, WenQuanYi), so
    /// Latin and Han text share one face where the system has one.
    public static let chineseStyle = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei",\
        "WenQuanYi Zen Hei","WenQuanYi Micro Hei",system-ui,sans-serif}
        .clause-head .status{text-transform:none}
        """

    static let style = """
        :root{color-scheme:light;--covered:#e6f4ea;--covered-edge:#2e7d32;--failing:#fdecea;--failing-edge:#c62828;\
        --uncovered:#fff4e0;--uncovered-edge:#e69500;--unsupported:#e8eef6;--unsupported-edge:#5c7599;--grey:#f1f1f1;--grey-edge:#9e9e9e}
        body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;\
        margin:0 auto;max-width:72rem;padding:1rem 1.5rem;line-height:1.45;color:#1d1d1d}
        h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1rem}
        code,pre{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em}
        pre{white-space:pre-wrap;background:#f7f7f7;padding:.5rem;overflow-wrap:anywhere}
        .verdict{font-weight:bold;display:inline-block;padding:.1rem .6rem;border-radius:3px}
        .verdict.passed{background:var(--covered);color:var(--covered-edge)}.verdict.failed{background:var(--failing);color:var(--failing-edge)}
        .facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}.facts dt{font-weight:bold}.facts dd{margin:0;overflow-wrap:anywhere}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.15rem .5rem;text-align:left;vertical-align:top}
        .counts td{text-align:right}.muted{color:#666}
        .chip{padding:0 .4rem;border-left-width:4px;border-left-style:solid}
        ul.tree,ul.tree ul{list-style:none;padding-left:1.2rem}ul.tree{padding-left:0}
        li.clause{border-left-width:4px;border-left-style:solid;margin:.4rem 0;padding:.3rem .6rem}
        .status-covered{background:var(--covered);border-color:var(--covered-edge)}
        .status-failing{background:var(--failing);border-color:var(--failing-edge)}
        .status-uncovered{background:var(--uncovered);border-color:var(--uncovered-edge)}
        .status-unsupported{background:var(--unsupported);border-color:var(--unsupported-edge)}
        .status-informative,.status-group{background:var(--grey);border-color:var(--grey-edge)}
        li.clause>ul>li.clause{background-clip:padding-box}
        .clause-head .clause-id{font-weight:bold;font-family:ui-monospace,monospace}.clause-head .status{text-transform:uppercase;font-size:.8em;margin-left:.4rem}
        .tally{color:#555;font-size:.85em;margin-left:.4rem}.summary,.effective{margin:.2rem 0}.effective{color:#555;font-size:.85em}
        blockquote.text{margin:.3rem 0;padding:.3rem .6rem;background:#fff;border-left:2px solid #bbb;white-space:pre-wrap;font-size:1.02em}
        details.vectors ul{list-style:none;padding-left:.5rem;margin:.2rem 0}li.vector{font-size:.9em}
        .result{display:inline-block;min-width:5.5em;font-family:ui-monospace,monospace;font-size:.85em}
        .result-pass .result{color:var(--covered-edge)}
        .result-fail .result,.result-error .result,.result-timeout .result,.result-crash .result,.result-not-run .result{color:var(--failing-edge);font-weight:bold}
        .result-unsupported .result{color:var(--unsupported-edge)}
        article.result{border-left:4px solid var(--failing-edge);padding:.2rem .8rem;margin:1rem 0;background:#fffafa;display:block;min-width:0}
        article.result-unsupported{border-color:var(--unsupported-edge);background:#f8fafc}
        article.forgiven{border-color:var(--uncovered-edge);background:#fffdf5}
        dl.card{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.5rem 0}dl.card dt{font-weight:bold;color:#555}
        dl.card dd{margin:0;min-width:0}dl.card pre{margin:0}dl.card blockquote{margin:0 0 .2rem 0}
        table.traces td,table.traces th{text-align:left;vertical-align:top;padding:.1rem .6rem .1rem 0}
        ul.unsupported{list-style:none;padding-left:0;color:#444}
        .message{white-space:pre-wrap;overflow-wrap:anywhere}
        .strength{font-size:.8em;margin-left:.4rem;padding:0 .4rem;border-radius:3px;color:#fff}
        .strength-strong{background:#2e7d32}.strength-weak{background:#e69500}.strength-none{background:#c62828}
        ul.survivors{margin:.2rem 0;font-size:.9em;color:#8a1c1c}
        footer{margin-top:2rem;color:#777;font-size:.85em}
        """
}
