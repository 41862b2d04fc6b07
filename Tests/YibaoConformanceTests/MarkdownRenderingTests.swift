import Foundation
import Testing
import YibaoRules
import YibaoTestSupport

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

/// Defect 6: adapter strings in the Markdown reports (`run --format markdown`, `compare --format markdown`) came
/// through as HTML, headings, links, mentions and autolinks. Rendered by a real GFM renderer (`cmark-gfm`, installed by
/// `.ci/run`; missing, the test fails rather than skips), they must come out as literal text.
@Suite(.serialized) struct MarkdownRenderingTests {
    /// What an adapter might call itself or answer, one attack a line.
    static let attacks = [
        "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "<!-- hidden -->", "# Heading", "[click](javascript:alert(1))",
        "![pic](https://evil.example/p.png)", "@octocat please merge", "https://evil.example/phish", "www.evil.example",
        "mail x@evil.example", "**bold** _em_ ~~del~~", "- item", "1. item", "===", "> quote", "| a | b |", "`code`",
        "<https://evil.example/auto>", "&lt;already&gt;",
    ]

    static var renderer: String? {
        ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// GitHub's flavour: tables, autolinks, strikethrough, raw HTML passed through (`--unsafe`, so that any HTML that
    /// got through shows up).
    static func render(_ markdown: String) throws -> String {
        guard let renderer else {
            Issue.record("cmark-gfm is not installed (apt-get install cmark-gfm; .ci/run installs it)")
            return ""
        }
        let out = try TestSupport.run(
            renderer, ["--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "tagfilter"], input: markdown)
        #expect(out.status == 0, "\(out.stderr)")
        return out.stdout
    }

    /// How many of each element the rendered page has.
    static func elements(_ html: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for tag in [
            "a", "img", "script", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "li", "ol", "ul", "blockquote", "hr", "table",
        ] {
            counts[tag] = html.components(separatedBy: "<\(tag)").count - 1
        }
        counts["comment"] = html.components(separatedBy: "<!--").count - 1
        return counts
    }

    /// The rendered text outside code: no `@` directly before a name (GitHub's mention), no e-mail or URL in a link.
    static func prose(_ html: String) -> String {
        html.replacingOccurrences(of: "<pre[^>]*>[\\s\\S]*?</pre>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "<code>[\\s\\S]*?</code>", with: "", options: .regularExpression)
    }

    func report(name: String, message: String) -> RunReport {
        var report = ReportFixture.report
        report.implementation = Implementation(name: name, version: name, vendor: name)
        var first = true
        report.results = ResultLog(
            Array(report.results).map { r in
                var r = r
                if first && r.status == .fail {
                    r.message = message
                    first = false
                }
                return r
            })
        return report
    }

    @Test func adapterStringsInARunReportRenderAsLiteralText() throws {
        let benign = try Self.render(MarkdownReport.run(report(name: "acme", message: "plain")))
        for attack in Self.attacks {
            let html = try Self.render(MarkdownReport.run(report(name: attack, message: attack)))
            #expect(Self.elements(html) == Self.elements(benign), "\(attack): new elements in\n\(html.prefix(600))")
            #expect(!html.contains("href=\"javascript"), "\(attack)")
            #expect(
                !html.contains("href=\"https://evil") && !html.contains("href=\"http://www.evil") && !html.contains("mailto:"), "\(attack)")
            #expect(Self.prose(html).range(of: "@[A-Za-z0-9]", options: .regularExpression) == nil, "\(attack): a mention")
        }
        // Each attack shows as its own text in the heading (HTML-escaped by the renderer, a word joiner after @).
        let html = try Self.render(
            MarkdownReport.run(report(name: "<img src=x> [a](javascript:x) @octocat https://e.example", message: "m")))
        let heading = try #require(html.split(separator: "\n").first { $0.hasPrefix("<h2>") })
        #expect(heading.contains("&lt;img src=x&gt; [a](javascript:x) @\u{2060}octocat https://e.example"), "\(heading)")
    }

    @Test func labelsInACompareReportRenderAsLiteralText() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-mdcmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("a.json")
        let run = try TestSupport.run(
            TestSupport.yibao,
            ["run", "--vectors", TestSupport.vectors, "--only", "lu-2020-47-1-in-scope", "--format", "json", "--output", json.path])
        #expect(run.status == 0, "\(run.stderr)")
        // A report file is anyone's to write: its implementation's name is an attack.
        let text = try String(contentsOf: json, encoding: .utf8)
        func compared(_ name: String) throws -> String {
            let hostile = dir.appendingPathComponent("h-\(UUID().uuidString).json")
            let changed = text.replacingOccurrences(
                of: #""implementation":{"name":"yibao-reference""#, with: #""implementation":{"name":"# + JSON.serialize(.string(name)))
            #expect(changed != text)
            try changed.write(to: hostile, atomically: true, encoding: .utf8)
            let out = try TestSupport.run(TestSupport.yibao, ["compare", json.path, hostile.path, "--format", "markdown"])
            #expect(out.status == 0, "\(out.stderr)")
            #expect(out.stdout.contains("| clause |"))
            return try Self.render(out.stdout)
        }
        let benign = try compared("acme")
        for attack in Self.attacks {
            let html = try compared(attack)
            #expect(Self.elements(html) == Self.elements(benign), "\(attack): new elements in\n\(html.prefix(600))")
            #expect(Self.prose(html).range(of: "@[A-Za-z0-9]", options: .regularExpression) == nil, "\(attack): a mention")
        }
    }

    /// Defect 9: a 2 MiB implementation name left no newline under the 1 MiB cap and wiped the whole summary. The
    /// verdict, the counts and the first failures always survive.
    @Test func aTwoMebibyteImplementationNameKeepsTheVerdictCountsAndFirstFailures() throws {
        let huge = String(repeating: "名", count: 700_000)  // 2.1 MB of UTF-8, no newline
        let r = report(name: huge, message: "first failure")
        let md = MarkdownReport.run(r)
        #expect(md.utf8.count < MarkdownReport.limit)
        #expect(md.hasPrefix("## yibao: 名名"))
        #expect(md.contains(" — failed\n"))
        #expect(md.contains("| \(r.summary.total) | \(r.summary.passed) | \(r.summary.failed) |"))
        let firstFailing = try #require(Array(r.results).first { $0.status == .fail && !$0.vector.advisory })
        #expect(md.contains(MarkdownReport.inline(firstFailing.vector.id)))
        // And the last guard itself, given one line over the limit, cuts at a character, not at nothing.
        let line = String(repeating: "名", count: MarkdownReport.limit)
        let capped = MarkdownReport.capped(line)
        #expect(capped.hasPrefix("名名"))
        #expect(capped.utf8.count < MarkdownReport.limit)
    }
}
