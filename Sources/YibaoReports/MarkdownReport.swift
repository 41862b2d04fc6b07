import YibaoRules
import YibaoRun
import YibaoSuite

/// GitHub-flavoured Markdown for a CI step summary (`$GITHUB_STEP_SUMMARY`): a heading with the implementation and
/// the counts, the coverage table per document, then the vectors that did not pass with their evidence. Long
/// sections are folded in `<details>`; the whole text stays under ``limit`` (GitHub refuses larger summaries), the
/// list of vectors being cut with a line saying how many were left out.
public enum MarkdownReport {
    /// GitHub's limit for one step's summary: 1 MiB.
    public static let limit = 1 << 20

    public static func run(_ report: RunReport) -> String {
        // Failures first, then the coverage tables.
        let head = header(report), coverage = coverageBody(report.coverage)
        return capped(head + notPassing(report, budget: limit - head.utf8.count - coverage.utf8.count) + coverage)
    }

    public static func coverage(_ coverage: CoverageReport) -> String {
        capped("## " + Messages.text("md.coverageTitle") + "\n\n" + coverageBody(coverage))
    }

    // MARK: - Sections

    static func header(_ report: RunReport) -> String {
        let s = report.summary, i = report.implementation
        // The verdict and the counts come first and stay short, whatever the implementation calls itself.
        let name = clip(i.name, 200), version = clip(i.version, 100), vendor = clip(i.vendor, 200)
        var out =
            "## "
            + Messages.text(
                "md.heading", inline(name), inline(version), Messages.text(report.passed ? "verdict.passed" : "verdict.failed"))
            + "\n\n"
        out +=
            "**"
            + Messages.text(
                "summary.vectors", Messages.text("count.vectors", s.total), s.phrases.joined(separator: Messages.text("list.separator")))
            + "** · "
            + Messages.text(
                "clauses.covered", report.coverage.coveredCount, report.coverage.normativeCount,
                TextReport.percentText(report.coverage.percent)) + "\n\n"
        out += Messages.text("md.countsHeader") + "\n"
        out += "|--:|--:|--:|--:|--:|--:|--:|--:|\n"
        out +=
            "| \([s.total, s.passed, s.failed, s.errored, s.timeout, s.crash, s.unsupported, s.notRun].map(String.init).joined(separator: " | ")) |\n\n"
        var facts = [
            Messages.text("md.implementation", inline(name), inline(version), inline(vendor)),
            Messages.text("md.suite", inline(report.suiteName), inline(report.suiteVersion), report.suiteVectors),
        ]
        if let digest = report.suiteDigest { facts.append(Messages.text("md.digest", code(digest))) }
        if !report.date.isEmpty { facts.append(inline(report.date)) }
        facts.append(Messages.text("html.seconds", JSONReport.seconds(report.seconds)))
        facts.append("yibao \(Version.tool)")
        out += facts.joined(separator: " · ") + "\n\n"
        if let e = report.expectations {
            out += Messages.text("html.expectations", e.expected.count, e.unexpectedPasses.count, e.expired.count, e.unknown.count) + "\n\n"
        }
        return out
    }

    static func coverageBody(_ coverage: CoverageReport) -> String {
        var out =
            "### "
            + Messages.text("html.coverage", coverage.coveredCount, coverage.normativeCount, TextReport.percentText(coverage.percent))
            + "\n\n"
        for doc in coverage.documents {
            let lines = coverage.clauses.filter { $0.clause.document == doc.document && $0.status != .group }
            let open = lines.contains { $0.status != .covered && $0.status != .informative }
            let covered = Messages.text("clauses.covered", doc.covered, doc.normative, TextReport.percentText(doc.percent))
            out +=
                "<details\(open ? " open" : "")><summary>\(Markup.html(Messages.text("coverage.document", doc.document, covered)))</summary>\n\n"
            out += Messages.text("md.coverageHeader") + "\n|---|---|--:|--:|\n"
            for line in lines {
                var status = Messages.text("coverage." + line.status.rawValue)
                if line.status == .informative, let reason = line.clause.reason { status += ": " + reason }
                out += "| \(cell(line.clause.id)) | \(cell(status)) | \(line.vectors) | \(line.passed) |\n"
            }
            out += "\n</details>\n\n"
        }
        var findings: [String] = []
        for tag in coverage.misTagged {
            findings.append(
                inline(tag.vector.mark.description) + ": "
                    + Messages.text(
                        "coverage.misTagged", inline(tag.vector.id), inline(tag.clause), inline(tag.trace.joined(separator: ", "))))
        }
        for clause in coverage.appliedButUntagged {
            findings.append(Messages.text("coverage.untagged", inline(clause)))
        }
        for line in coverage.thin where line.vectors > 0 {
            findings.append(Messages.text("coverage.thin", inline(line.clause.id), line.vectors, coverage.minimumVectors))
        }
        if !findings.isEmpty {
            out += "<details><summary>" + Messages.text("md.crossCheck", findings.count) + "</summary>\n\n"
            out += findings.map { "- \($0)\n" }.joined() + "\n</details>\n\n"
        }
        return out
    }

    /// The vectors that did not pass (unsupported ones are counted, not listed): a table, then their evidence folded.
    static func notPassing(_ report: RunReport, budget: Int) -> String {
        let all = report.results.filter { $0.status != .pass && $0.status != .unsupported }
        let failing = all.filter { !$0.vector.advisory }
        let advisory = all.filter(\.vector.advisory)
        var out = ""
        if !advisory.isEmpty {
            // Advisory vectors depend on a provisional reading: listed (ids and readings only), failing nothing.
            out += "### " + Messages.text("md.advisory", advisory.count) + "\n\n"
            for result in advisory.prefix(200) {
                out +=
                    "- \(code(result.vector.id)) \(Markup.word(result.status)) "
                    + Messages.text("card.provisional", result.vector.provisional.map { inline($0) }.joined(separator: ", ")) + "\n"
            }
            if advisory.count > 200 { out += "- " + Messages.text("md.more", advisory.count - 200) + "\n" }
            out += "\n"
        }
        if !failing.isEmpty {
            let heading =
                "### " + Messages.text("md.notPassing", failing.count) + "\n\n"
                + Messages.text("md.notPassingHeader") + "\n|---|---|---|---|---|\n"
            let open = "\n<details><summary>" + Messages.text("md.evidence") + "</summary>\n\n"
            let close = "</details>\n\n"
            // Room for the heading, the fold, the left-out line and the unsupported line.
            let reserve = 4096
            var used = heading.utf8.count + open.utf8.count + close.utf8.count + reserve
            var rows = "", blocks = "", shown = 0
            for result in failing {
                let row = tableRow(result), block = evidence(result, expectedFailure: report.expectedFailureReasons[result.vector.id])
                let cost = row.utf8.count + block.utf8.count
                if used + cost > budget { break }
                used += cost
                rows += row
                blocks += block
                shown += 1
            }
            out += heading + rows + open + blocks + close
            if shown < failing.count {
                let left = failing.count - shown
                out += "_" + Messages.text("md.leftOut", left) + "_\n\n"
            }
        }
        var unsupported: [(operation: String, count: Int)] = []
        for r in report.results where r.status == .unsupported {
            if let k = unsupported.firstIndex(where: { $0.operation == r.vector.operation }) {
                unsupported[k].count += 1
            } else {
                unsupported.append((r.vector.operation, 1))
            }
        }
        for (operation, count) in unsupported.prefix(50) {
            out += "- \(Markup.word(.unsupported)) " + Messages.text("run.unsupported", inline(operation), count) + "\n"
        }
        if unsupported.count > 50 { out += "- " + Messages.text("md.moreUnsupported", unsupported.count - 50) + "\n" }
        if !unsupported.isEmpty { out += "\n" }
        return out
    }

    static func tableRow(_ result: VectorResult) -> String {
        let v = result.vector
        let message = String((Markup.message(result)).prefix(300))
        return
            "| \(cell(v.id)) | \(Markup.word(result.status)) | \(cell(v.clauses.joined(separator: ", "))) | \(cell("\(v.file):\(v.mark.line)"))"
            + " | \(cell(message)) |\n"
    }

    /// One vector's evidence: title, where, then a code block with the diff lines, message, trace and stderr tail.
    static func evidence(_ result: VectorResult, expectedFailure: String?) -> String {
        let v = result.vector
        var out = "#### \(inline(v.id)) (\(Markup.word(result.status)))\n\n"
        out +=
            "\(inline(v.title)) · \(inline(v.operation)) · \(inline(v.clauses.joined(separator: ", "))) · \(inline("\(v.file):\(v.mark.line)"))\n\n"
        if let expectedFailure { out += Messages.text("html.expectedFailure", inline(expectedFailure)) + "\n\n" }
        var lines = Array(Markup.diffLines(result).prefix(50))
        if result.diffs.count > 50 { lines.append(Messages.text("card.moreDiffs", result.diffs.count - 50)) }
        lines.append(clip(Markup.message(result), 2000))
        lines += Markup.cardLines(result).map { clip($0, 4000) }
        if let stderr = result.stderr, !stderr.text.isEmpty {
            let last = stderr.text.split(separator: "\n", omittingEmptySubsequences: false).suffix(20).joined(separator: "\n")
            lines.append(
                Messages.text("card.stderr", Markup.attribution(stderr)) + Messages.text("card.colon") + "\n"
                    + clip(last, 4000, keepEnd: true))
        }
        out += fenced(lines.joined(separator: "\n")) + "\n"
        return out
    }

    // MARK: - Escaping

    /// Text for a table cell: inline-escaped, `|` as `\|`, line breaks as `<br>`.
    static func cell(_ s: String) -> String {
        inline(s, lineBreak: "<br>")
    }

    /// Text in running Markdown, rendered by GitHub as exactly that text: HTML-escaped (so a message cannot open a
    /// tag), Markdown's emphasis, code, link, heading and table characters backslash-escaped, a leading list or
    /// heading marker escaped, autolinks defused (`https\://`, `www\.`, and a word joiner after `@`, which also keeps
    /// GitHub from turning `@name` into a mention or `a@b.c` into a mail link), control characters made visible, line
    /// breaks as `lineBreak`.
    static func inline(_ s: String, lineBreak: String = " ") -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var previousCR = false
        var previous: Unicode.Scalar?
        var leadingDigits = true  // only digits so far: `1. ` or `1)` at the end would start an ordered list
        var www = 0  // how many w's the text just had
        let scalars = Array(s.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            defer {
                previousCR = scalar == "\r"
                previous = scalar
                leadingDigits = leadingDigits && ("0"..."9").contains(scalar)
                www = scalar == "w" || scalar == "W" ? www + 1 : 0
            }
            switch scalar {
            case "\r": out += lineBreak
            case "\n": if !previousCR { out += lineBreak }
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "!":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "-" where previous == nil, "+" where previous == nil, "=" where previous == nil:
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "." where (leadingDigits && previous != nil && (next == nil || next == " " || next == "\t")) || www >= 3,
                ")" where leadingDigits && previous != nil && (next == nil || next == " " || next == "\t"):
                out += "\\"
                out.unicodeScalars.append(scalar)
            case ":" where previous.map { $0.isASCII && $0.properties.isAlphabetic } ?? false:
                out += "\\:"
            case "@":
                out += "@\u{2060}"
            case "\t": out += " "
            default: out.unicodeScalars.append(Markup.visible(scalar))
            }
        }
        return out
    }

    /// A code span that holds `s` whatever backticks it contains.
    static func code(_ s: String) -> String {
        let text = String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Markup.visible($0) }))
        let fence = String(repeating: "`", count: longestBacktickRun(text) + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    /// A fenced code block holding `s` verbatim (control characters made visible), with a fence longer than any
    /// backtick run inside.
    static func fenced(_ s: String) -> String {
        let text = String(String.UnicodeScalarView(s.unicodeScalars.map(Markup.visible)))
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(text) + 1))
        return fence + "text\n" + text + "\n" + fence + "\n"
    }

    static func longestBacktickRun(_ s: String) -> Int {
        var longest = 0, run = 0
        for b in s.utf8 {
            run = b == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    static func clip(_ s: String, _ maxCharacters: Int, keepEnd: Bool = false) -> String {
        guard s.count > maxCharacters else { return s }
        return keepEnd ? "…" + s.suffix(maxCharacters) : s.prefix(maxCharacters) + "…"
    }

    /// The last guard: a text over ``limit`` is cut with a note (the sections budget themselves, so this only fires
    /// for an absurd catalog): at the last line end before the limit, or — one line longer than that — at the last
    /// character boundary, so what comes first (the verdict and the counts) always survives.
    static func capped(_ text: String) -> String {
        let utf8 = Array(text.utf8)
        guard utf8.count > limit else { return text }
        let room = limit - 256
        var end = room
        while end > 0, utf8[end - 1] != UInt8(ascii: "\n") { end -= 1 }
        if end == 0 {
            end = room
            while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
        }
        return String(decoding: utf8[..<end], as: UTF8.self) + "\n\n_" + Messages.text("md.cut") + "_\n"
    }
}
