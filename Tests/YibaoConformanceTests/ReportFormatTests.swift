import Foundation
import Testing
import YibaoRules
import YibaoTestSupport

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A real run of the real suite against the reference, with one vector of each non-passing status put in by hand.
/// The suite grows while these tests stand, so they count relative to the reference's own run (`baseline`).
enum ReportFixture {
    /// What a hostile implementation might say: markup, quotes, a tab, a line break and two control characters
    /// XML 1.0 forbids (U+0001, U+0007).
    static let hostile = "<script>alert(1)</script>&\"' tab\there\nnext line \u{1}soh \u{7}bel end"
    /// `hostile` as an XML parser must read it back: the forbidden characters gone, everything else intact.
    static let hostileInXML = String(String.UnicodeScalarView(hostile.unicodeScalars.filter { $0 != "\u{1}" && $0 != "\u{7}" }))
    static let pipeMessage = "2 fields differ | see a|b\nsecond line"

    struct Built {
        var report: RunReport
        var synthetic: [VectorResult.Status: VectorResult]
        /// The reference's own run, before the synthetic results went in.
        var baseline: RunReport.Summary
    }

    static let built: Built = {
        let (suite, diagnostics) = Suite.load(root: TestSupport.vectors)
        precondition(diagnostics.isEmpty, "the real suite has problems: \(diagnostics)")
        var results = ReferenceRunner.run(suite.vectors, parameters: suite.catalog.parameters)
        // One vector from each document in turn, so the synthetic results spread over several testsuites.
        var byDocument: [String: [Int]] = [:]
        var documents: [String] = []
        for (i, r) in results.enumerated() where r.status == .pass {
            if byDocument[r.vector.document] == nil { documents.append(r.vector.document) }
            byDocument[r.vector.document, default: []].append(i)
        }
        var picks: [Int] = []
        var round = 0
        while picks.count < 6 {
            for doc in documents where picks.count < 6 {
                if let list = byDocument[doc], round < list.count { picks.append(list[list.count - 1 - round]) }
            }
            round += 1
        }
        var synthetic: [VectorResult.Status: VectorResult] = [:]
        func set(_ index: Int, _ status: VectorResult.Status, _ change: (inout VectorResult) -> Void) {
            var r = results[index]
            r.status = status
            change(&r)
            results[index] = r
            synthetic[status] = r
        }
        set(picks[0], .fail) { r in
            r.diffs = [
                FieldDiff(path: "suspendedFrom", expected: .string("2022-09"), actual: .string("2022-10")),
                FieldDiff(path: "requirements[1].actualMonths", expected: .number("12"), actual: nil),
            ]
            r.message = pipeMessage
            r.seconds = 0.25
        }
        set(picks[1], .error) { r in
            r.outcome = nil
            r.message = hostile
            r.stderr = VectorResult.StderrLines(text: "stderr says \(hostile)", others: 0)
        }
        set(picks[2], .timeout) { r in
            r.outcome = nil
            r.message = "no answer within 10 s"
        }
        set(picks[3], .crash) { r in
            r.outcome = nil
            r.message = "the implementation exited with signal 11"
            r.stderr = VectorResult.StderrLines(
                text: "panic: index out of range <at> main.go:42 & more\nSegmentation fault (core dumped)", others: 0)
        }
        set(picks[4], .unsupported) { r in
            r.outcome = nil
            r.diffs = []
        }
        set(picks[5], .notRun) { r in
            r.outcome = nil
        }
        let coverage = CoverageReport(catalog: suite.catalog, results: results, crossCheck: true)
        let report = RunReport(
            suite: suite, implementation: Implementation(name: "acme <impl> & co", version: "1.2.3", vendor: "Acme 医保 \"vendor\""),
            results: results, coverage: coverage, seconds: 2.5,
            digest: "sha256:" + String(repeating: "0", count: 64), date: "2025-01-02T03:04:05Z")
        return Built(
            report: report, synthetic: synthetic,
            baseline: RunReport.Summary(
                results.filter { r in
                    !synthetic.values.contains { $0.vector.id == r.vector.id }
                }))
    }()

    static var report: RunReport { built.report }

    /// The coverage status of a clause in the fixture's report, as its HTML class.
    static func statusClass(_ id: String) -> String {
        "status-" + (report.coverage.clauses.first { $0.clause.id == id }?.status.rawValue ?? "missing")
    }

    /// A clause every one of whose vectors passes in the fixture: its HTML must say `status-covered`.
    static var coveredClause: String? { report.coverage.clauses.first { $0.status == .covered }?.clause.id }

    static func anchor(_ id: String) -> String { "clause-" + id.replacingOccurrences(of: "/", with: "-") }

    /// The JSON report's `summary` member, as numbers.
    static func jsonSummary(_ report: RunReport) throws -> [String: Int] {
        let json = try JSON.parse(JSON.serialize(JSONReport.run(report)))
        guard case .object(let members)? = json["summary"] else { throw Failure("no summary in the JSON report") }
        var out: [String: Int] = [:]
        for m in members { if case .number(let text) = m.value { out[m.key] = Int(text) } }
        return out
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}

@Suite struct ReportFormatTests {
    // MARK: - JUnit

    func elements(_ node: XMLElement, _ name: String) -> [XMLElement] { node.elements(forName: name) }
    func attr(_ node: XMLElement, _ name: String) -> String? { node.attribute(forName: name)?.stringValue }
    func intAttr(_ node: XMLElement, _ name: String) -> Int? { attr(node, name).flatMap { Int($0) } }

    @Test func junitParsesAndItsCountsMatchTheJSONSummary() throws {
        let report = ReportFixture.report
        let b = ReportFixture.built.baseline
        let xml = JUnitReport.run(report)
        let doc = try XMLDocument(data: Data(xml.utf8), options: [])
        let root = try #require(doc.rootElement())
        #expect(root.name == "testsuites")
        let summary = try ReportFixture.jsonSummary(report)
        let total = try #require(summary["total"])
        #expect(intAttr(root, "tests") == total)
        #expect(intAttr(root, "failures") == summary["failed"])
        // not-run fails a run, so it is an error; only unsupported (and forgiven) vectors are skipped.
        #expect(intAttr(root, "errors") == summary["errored"]! + summary["timeout"]! + summary["crash"]! + summary["notRun"]!)
        #expect(intAttr(root, "skipped") == summary["unsupported"]!)
        #expect(summary["failed"] == b.failed + 1 && summary["errored"] == b.errored + 1)
        #expect(summary["timeout"] == b.timeout + 1 && summary["crash"] == b.crash + 1)
        #expect(summary["unsupported"] == b.unsupported + 1 && summary["notRun"] == b.notRun + 1)

        // One testsuite per document present in the results, in no other number.
        let suites = elements(root, "testsuite")
        let documents = Set(report.results.map(\.vector.document))
        #expect(Set(suites.compactMap { attr($0, "name") }) == documents)
        #expect(suites.count == documents.count)
        #expect(documents.count >= 3)

        var cases = 0, failures = 0, errors = 0, skipped = 0
        for suite in suites {
            let testcases = elements(suite, "testcase")
            let name = try #require(attr(suite, "name"))
            // Each vector sits in the suite of its first clause's document, with that clause as classname.
            for tc in testcases {
                let id = try #require(attr(tc, "name"))
                let vector = try #require(report.results.first { $0.vector.id == id }?.vector)
                #expect(vector.document == name)
                #expect(attr(tc, "classname") == vector.clauses.first)
                #expect(attr(tc, "file") == vector.file)
            }
            let f = testcases.filter { !elements($0, "failure").isEmpty }.count
            let e = testcases.filter { !elements($0, "error").isEmpty }.count
            let s = testcases.filter { !elements($0, "skipped").isEmpty }.count
            #expect(intAttr(suite, "tests") == testcases.count)
            #expect(intAttr(suite, "failures") == f)
            #expect(intAttr(suite, "errors") == e)
            #expect(intAttr(suite, "skipped") == s)
            cases += testcases.count
            failures += f
            errors += e
            skipped += s
        }
        #expect(cases == total)
        #expect(failures == summary["failed"])
        #expect(errors == b.errored + b.timeout + b.crash + b.notRun + 4)
        #expect(skipped == b.unsupported + 1)
    }

    func testcase(_ xml: String, _ id: String) throws -> XMLElement {
        let doc = try XMLDocument(data: Data(xml.utf8), options: [])
        let root = try #require(doc.rootElement())
        let all = elements(root, "testsuite").flatMap { elements($0, "testcase") }
        return try #require(all.first { attr($0, "name") == id })
    }

    @Test func junitCarriesEachStatusAsGitLabAndJenkinsExpect() throws {
        let built = ReportFixture.built
        let xml = JUnitReport.run(built.report)

        let fail = try testcase(xml, built.synthetic[.fail]!.vector.id)
        let failure = try #require(elements(fail, "failure").first)
        #expect(attr(failure, "type") == "fail")
        #expect(attr(failure, "message") == ReportFixture.pipeMessage)
        let failText = failure.stringValue ?? ""
        #expect(failText.contains("suspendedFrom: expected \"2022-09\", got \"2022-10\""))
        #expect(failText.contains("requirements[1].actualMonths: expected 12, got (missing)"))
        #expect(failText.contains("trace: "))
        #expect(attr(fail, "time") == "0.250")

        let error = try testcase(xml, built.synthetic[.error]!.vector.id)
        let errorElement = try #require(elements(error, "error").first)
        #expect(attr(errorElement, "type") == "error")
        // The hostile message round-trips: the parser reads back the original minus the forbidden characters.
        #expect(attr(errorElement, "message") == ReportFixture.hostileInXML)
        #expect((errorElement.stringValue ?? "").contains(ReportFixture.hostileInXML))
        #expect((errorElement.stringValue ?? "").contains("stderr says " + ReportFixture.hostileInXML))
        #expect(!xml.contains("\u{1}") && !xml.contains("\u{7}"))
        #expect(!xml.contains("<script>"))

        let timeout = try testcase(xml, built.synthetic[.timeout]!.vector.id)
        #expect(elements(timeout, "error").first.flatMap { attr($0, "type") } == "timeout")
        let crash = try testcase(xml, built.synthetic[.crash]!.vector.id)
        let crashElement = try #require(elements(crash, "error").first)
        #expect(attr(crashElement, "type") == "crash")
        #expect((crashElement.stringValue ?? "").contains("panic: index out of range <at> main.go:42 & more\nSegmentation fault"))

        let unsupported = try testcase(xml, built.synthetic[.unsupported]!.vector.id)
        let skip = try #require(elements(unsupported, "skipped").first)
        #expect(!(attr(skip, "message") ?? "").isEmpty)
        let notRun = try testcase(xml, built.synthetic[.notRun]!.vector.id)
        #expect(elements(notRun, "error").first.flatMap { attr($0, "type") } == "not-run")

        // A passing vector: an empty testcase but for its properties; the Chinese title kept as UTF-8.
        let pass = try #require(built.report.results.first { $0.status == .pass })
        let passCase = try testcase(xml, pass.vector.id)
        #expect(passCase.children?.compactMap(\.name) == ["properties"])
        let properties = elements(try #require(elements(passCase, "properties").first), "property")
        #expect(properties.first { attr($0, "name") == "title" }.flatMap { attr($0, "value") } == pass.vector.title)
        #expect(xml.contains(pass.vector.title))
    }

    @Test func junitEscapingRemovesEveryCharacterXMLForbids() throws {
        var s = ""
        for v in 0..<0x20 { s.unicodeScalars.append(Unicode.Scalar(UInt8(v))) }
        s += "\u{7F}\u{85}\u{FFFE}\u{FFFF}\u{1F600}中文&<>\"'"
        let wrapped = "<r a=\"\(Markup.xml(s, attribute: true))\">\(Markup.xml(s))</r>"
        let doc = try XMLDocument(data: Data(wrapped.utf8), options: [])
        let root = try #require(doc.rootElement())
        let expected = String(String.UnicodeScalarView(s.unicodeScalars.filter(Markup.isXMLChar)))
        #expect(expected.unicodeScalars.count == s.unicodeScalars.count - 32 + 3 - 2)
        #expect(attr(root, "a") == expected)
        #expect(root.stringValue == expected)
    }

    // MARK: - Markdown

    @Test func markdownFoldsSectionsAndEscapesCells() throws {
        let built = ReportFixture.built
        let md = MarkdownReport.run(built.report)
        #expect(md.utf8.count < MarkdownReport.limit)
        #expect(md.hasPrefix("## yibao: acme &lt;impl&gt; &amp; co 1.2.3 — failed\n"))
        #expect(md.contains("<details"))
        #expect(md.contains("</details>"))
        for doc in built.report.catalog.documents { #expect(md.contains("<summary>\(doc.id): ")) }
        #expect(md.contains("| clause | status | vectors | passed |"))
        #expect(md.contains("| LU-2021-54/3b | \(ReportFixture.statusClass("LU-2021-54/3b").dropFirst(7)) |"))
        let covered = try #require(ReportFixture.coveredClause)
        #expect(md.contains("| \(covered) | covered |"))

        // The failing row: `|` escaped, the line break as <br>, exactly six column bars.
        let failID = built.synthetic[.fail]!.vector.id
        let row = try #require(md.split(separator: "\n").first { $0.hasPrefix("| \(MarkdownReport.inline(failID))") })
        #expect(row.contains("2 fields differ \\| see a\\|b<br>second line"))
        #expect(unescapedBars(row) == 6)
        // Every row of every table has as many cell bars as its header.
        var expectedBars: Int?
        for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                expectedBars = nil
                continue
            }
            if let n = expectedBars { #expect(unescapedBars(line) == n, "\(line)") } else { expectedBars = unescapedBars(line) }
        }

        // The hostile message cannot open a tag: escaped in running text and cells, verbatim only inside a fenced
        // code block (which GitHub shows as text); the control character is shown, not passed through.
        let (prose, code) = splitFences(md)
        #expect(!prose.contains("<script>"))
        #expect(prose.contains("&lt;script&gt;"))
        #expect(
            code.contains(
                ReportFixture.hostile.replacingOccurrences(of: "\u{1}", with: "\u{2401}")
                    .replacingOccurrences(of: "\u{7}", with: "\u{2407}")))
        #expect(!md.contains("\u{1}"))
        #expect(md.contains("\u{2401}"))
        #expect(md.contains("suspendedFrom: expected \"2022-09\", got \"2022-10\""))
        // Unsupported vectors: one line per operation, after the failures.
        #expect(md.contains("- unsupported "))
        #expect(md.range(of: "### Not passing")!.lowerBound < md.range(of: "- unsupported ")!.lowerBound)
        #expect(md.range(of: "- unsupported ")!.lowerBound < md.range(of: "### Clause coverage")!.lowerBound)
        #expect(!md.contains("left out"))
    }

    /// The Markdown outside fenced code blocks, and inside them.
    func splitFences(_ md: String) -> (prose: String, code: String) {
        var prose = "", code = "", fence: Substring?
        for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
            let ticks = line.prefix { $0 == "`" }
            if let open = fence {
                if ticks.count >= open.count && line.allSatisfy({ $0 == "`" }) { fence = nil } else { code += line + "\n" }
            } else if ticks.count >= 3 {
                fence = ticks
            } else {
                prose += line + "\n"
            }
        }
        return (prose, code)
    }

    func unescapedBars<S: StringProtocol>(_ line: S) -> Int {
        var count = 0, escaped = false
        for c in line {
            if escaped {
                escaped = false
                continue
            }
            if c == "\\" { escaped = true } else if c == "|" { count += 1 }
        }
        return count
    }

    @Test func markdownStaysUnderOneMebibyteWithFiftyThousandFailures() throws {
        var report = ReportFixture.report
        let template = try #require(ReportFixture.built.synthetic[.fail])
        let bulky = String(repeating: "长的信息 | long message ", count: 20)
        report.results = ResultLog(
            Array(report.results)
                + (0..<50_000).map { i in
                    var r = template
                    r.vector.id = "synthetic-\(i)"
                    r.message = "\(i): \(bulky)"
                    r.stderr = VectorResult.StderrLines(text: String(repeating: "stderr line \(i)\n", count: 30), others: 0)
                    return r
                })
        let clock = ContinuousClock()
        var md = ""
        let elapsed = clock.measure { md = MarkdownReport.run(report) }
        #expect(md.utf8.count < MarkdownReport.limit)
        #expect(md.utf8.count > MarkdownReport.limit - 64 * 1024, "the budget should be used, not wasted")
        let notPassing = report.summary.total - report.summary.passed - report.summary.unsupported
        #expect(md.contains("### Not passing: \(notPassing) vectors"))
        let shown = md.split(separator: "\n").filter { $0.hasPrefix("| synthetic-") }.count
        #expect(shown > 100)
        let b = ReportFixture.built.baseline
        let others = b.failed + b.errored + b.timeout + b.crash + b.notRun + 5  // listed before the synthetic ones
        #expect(md.contains("_\(notPassing - shown - others) more not-passing vectors were left out"))
        #expect(md.contains("<details"))
        #expect(md.hasSuffix("\n"))
        #expect(elapsed < .seconds(30))

        let coverage = MarkdownReport.coverage(report.coverage)
        #expect(coverage.hasPrefix("## yibao clause coverage\n"))
        #expect(coverage.contains("| \(try #require(ReportFixture.coveredClause)) | covered |"))
        #expect(coverage.utf8.count < MarkdownReport.limit)
    }

    // MARK: - HTML

    func htmlDocument(_ html: String) throws -> XMLDocument {
        // The page is polyglot: well-formed XML as well as HTML, so a strict XML parser checks its structure.
        try XMLDocument(data: Data(html.utf8), options: [])
    }

    func nodes(_ doc: XMLDocument, _ xpath: String) throws -> [XMLElement] {
        try doc.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }

    @Test func htmlShowsTheClauseTreeColouredByCoverage() throws {
        let report = ReportFixture.report
        let html = HTMLReport.run(report, catalog: report.catalog)
        let doc = try htmlDocument(html)

        let sections = try nodes(doc, "//section[@class='document']")
        #expect(sections.compactMap { attr($0, "id") } == report.catalog.documents.map { "doc-\($0.id)" })

        let items = try nodes(doc, "//li[contains(concat(' ', @class, ' '), ' clause ')]")
        #expect(items.count == report.catalog.clauses.count)
        let byID = Dictionary(items.map { (attr($0, "id") ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        for line in report.coverage.clauses {
            let id = "clause-" + line.clause.id.replacingOccurrences(of: "/", with: "-")
            let item = try #require(byID[id], "no li for \(line.clause.id)")
            let classes = (attr(item, "class") ?? "").split(separator: " ")
            #expect(classes.contains("status-\(line.status.rawValue)"), "\(line.clause.id): \(classes)")
            // The tree follows `parent`: a clause's li sits in its parent's li, or directly in its document's section.
            let enclosing = item.parent?.parent as? XMLElement
            if let parent = report.catalog[line.clause.parent] {
                #expect(enclosing.flatMap { attr($0, "id") } == "clause-" + parent.id.replacingOccurrences(of: "/", with: "-"))
            } else {
                #expect(enclosing?.name == "section")
            }
        }
        #expect(Set(report.coverage.clauses.map(\.status)).isSuperset(of: [.covered, .failing, .informative, .group]))

        // The verbatim Chinese text of LU-2021-54/3b, marked as Chinese, under its coverage status.
        let b3 = try #require(byID["clause-LU-2021-54-3b"])
        #expect((attr(b3, "class") ?? "").split(separator: " ").contains(Substring(ReportFixture.statusClass("LU-2021-54/3b"))))
        let covered = try #require(ReportFixture.coveredClause)
        #expect((byID[ReportFixture.anchor(covered)].flatMap { attr($0, "class") } ?? "").split(separator: " ").contains("status-covered"))
        let quote = try #require(try nodes(doc, "//li[@id='clause-LU-2021-54-3b']/blockquote").first)
        #expect(attr(quote, "lang") == "zh-CN")
        #expect(quote.stringValue?.contains("自参保缴费的当月起享受") == true)

        // Offline and script-free.
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("@import") && !html.contains("url("))
    }

    @Test func htmlHeaderAndFailuresAreEscaped() throws {
        let built = ReportFixture.built
        let html = HTMLReport.run(built.report, catalog: built.report.catalog)
        let doc = try htmlDocument(html)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("\u{1}"))
        #expect(html.contains("acme &lt;impl&gt; &amp; co"))
        #expect(html.contains("Acme 医保 &quot;vendor&quot;"))
        #expect(html.contains("sha256:" + String(repeating: "0", count: 64)))
        #expect(html.contains("2025-01-02T03:04:05Z"))

        // One article per vector not passing (unsupported ones are one line per operation), with its evidence.
        let articles = try nodes(doc, "//section[@id='not-passing']/article")
        #expect(articles.count == built.report.results.filter { $0.status != .pass && $0.status != .unsupported }.count)
        #expect(try nodes(doc, "//section[@id='not-passing']/ul[@class='unsupported']/li").count >= 1)
        // Failures come before the clause tree.
        #expect(html.range(of: "id=\"not-passing\"")!.lowerBound < html.range(of: "class=\"document\"")!.lowerBound)
        let error = try #require(articles.first { attr($0, "id") == "vector-\(built.synthetic[.error]!.vector.id)" })
        #expect((attr(error, "class") ?? "").contains("result-error"))
        let message = try #require(
            try nodes(doc, "//article[@id='vector-\(built.synthetic[.error]!.vector.id)']/p[@class='message']").first)
        #expect(
            message.stringValue
                == ReportFixture.hostile.replacingOccurrences(of: "\u{1}", with: "\u{2401}")
                .replacingOccurrences(of: "\u{7}", with: "\u{2407}"))
        let fail = try #require(articles.first { attr($0, "id") == "vector-\(built.synthetic[.fail]!.vector.id)" })
        let cells = try nodes(doc, "//article[@id='\(attr(fail, "id")!)']/table[@class='diff']//td").compactMap(\.stringValue)
        #expect(cells == ["suspendedFrom", "\"2022-09\"", "\"2022-10\"", "requirements[1].actualMonths", "12", "(missing)"])
        let crash = try #require(try nodes(doc, "//article[@id='vector-\(built.synthetic[.crash]!.vector.id)']//pre").first)
        #expect(crash.stringValue?.hasPrefix("panic: index out of range <at> main.go:42 & more\n") == true)
    }

    // MARK: - A real browser

    @Test(
        .enabled(if: Chromium.path != nil, "no headless chromium on this machine; install the Debian package chromium"),
        .timeLimit(.minutes(3)))
    func htmlRendersInHeadlessChromium() throws {
        let report = ReportFixture.report
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html")
        try Data(HTMLReport.run(report, catalog: report.catalog).utf8).write(to: page)

        let out = try runWithDeadline(
            Chromium.path!,
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=\(dir.appendingPathComponent("profile").path)", "--dump-dom", page.absoluteString,
            ], seconds: 120, in: dir)
        try #require(!out.timedOut, "chromium did not finish in 120 s; stderr: \(out.stderr.suffix(2000))")
        try #require(out.status == 0 && !out.stdout.isEmpty, "chromium exited \(out.status); stderr: \(out.stderr.suffix(2000))")
        let dom = out.stdout

        // The browser built the clause tree: every clause's li, with its coverage class.
        #expect(dom.contains("id=\"clause-LU-2021-54-3b\""))
        func classes(_ id: String) -> [Substring] {
            let pattern = "<li class=\"([^\"]*)\" id=\"\(ReportFixture.anchor(id))\">"
            guard let regex = try? Regex(pattern), let match = dom.firstMatch(of: regex), let group = match.output[1].substring
            else { return [] }
            return group.split(separator: " ")
        }
        #expect(classes("LU-2021-54/3b").contains(Substring(ReportFixture.statusClass("LU-2021-54/3b"))))
        #expect(classes(try #require(ReportFixture.coveredClause)).contains("status-covered"))
        #expect(dom.components(separatedBy: "<li class=\"clause ").count - 1 == report.catalog.clauses.count)
        for document in report.catalog.documents { #expect(dom.contains("<section class=\"document\" id=\"doc-\(document.id)\">")) }
        #expect(dom.contains("自参保缴费的当月起享受"))
        // The hostile message stayed text: no script element came out of it.
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!dom.contains("<script"))
    }

    struct Output {
        var status: Int32, stdout: String, stderr: String, timedOut: Bool
    }

    /// Runs a child with its output in files (no pipe to fill) and kills it at the deadline.
    func runWithDeadline(_ executable: String, _ arguments: [String], seconds: Double, in dir: URL) throws -> Output {
        let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                Thread.sleep(forTimeInterval: 2)
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Output(
            status: process.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), timedOut: timedOut)
    }
}
