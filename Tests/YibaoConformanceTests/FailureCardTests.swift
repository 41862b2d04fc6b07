import Foundation
import Testing
import YibaoRules
import YibaoTestSupport

@testable import YibaoConformance

/// A failure explains itself in every format: the input sent, the vector's why, the clause text and the reference's
/// trace beside the diff. Run for real (`yibao run`) on a copy of the suite with one vector that is wrong on purpose.
@Suite(.serialized) struct FailureCardTests {
    static let clauseText = "参保人员自缴费次月起享受职工医保待遇"

    func run(_ root: URL, _ extra: [String]) throws -> TestSupport.Output {
        try TestSupport.run(
            TestSupport.yibao, ["run", "--vectors", root.appendingPathComponent("vectors").path, "--only", "zz-broken"] + extra)
    }

    @Test func everyFormatCarriesTheCard() throws {
        let root = try TestSupport.makeSuiteWithBrokenVector()
        defer { try? FileManager.default.removeItem(at: root) }
        let catalogText = try #require(Suite.load(root: root.appendingPathComponent("vectors").path).0.catalog["LU-2021-54/1"]?.text)
        let excerpt = String(catalogText.prefix(12))

        let text = try run(root, [])
        #expect(text.status == 1)
        for needle in [
            "benefitsFrom: expected \"2022-06\", got \"2022-07\"",
            "input sent: {\"category\":\"employer\",\"firstContributionMonth\":\"2022-06\"}",
            "why: LU-2021-54/1 gives 2022-07", "LU-2021-54/1: " + excerpt, "reference trace: LU-2021-54/1", "--only zz-broken",
        ] {
            #expect(text.stdout.contains(needle), "text lacks \(needle):\n\(text.stdout)")
        }

        let json = try JSON.parse(try run(root, ["--format", "json"]).stdout)
        guard case .array(let results)? = json["results"], let card = results.first?["card"] else {
            Issue.record("no card in the JSON report")
            return
        }
        #expect(card["input"]?["firstContributionMonth"] == .string("2022-06"))
        #expect(card["why"].map(JSON.serialize)?.contains("2022-07") == true)
        guard case .array(let clauses)? = card["clauses"], let first = clauses.first else {
            Issue.record("no clauses in the card")
            return
        }
        #expect(first["id"] == .string("LU-2021-54/1"))
        #expect(first["text"] == .string(catalogText))
        #expect(card["referenceAnswer"]?["benefitsFrom"] == .string("2022-07"))
        guard case .array(let trace)? = card["referenceTrace"] else {
            Issue.record("no reference trace")
            return
        }
        #expect(trace.contains(.string("LU-2021-54/1")))

        let markdown = try run(root, ["--format", "markdown"]).stdout
        #expect(markdown.contains("input sent:") && markdown.contains(excerpt) && markdown.contains("reference trace:"), "\(markdown)")

        let junit = try run(root, ["--format", "junit"]).stdout
        #expect(junit.contains("input sent:") && junit.contains(excerpt) && junit.contains("<failure"), "\(junit)")

        let html = try run(root, ["--format", "html"]).stdout
        #expect(html.contains("<dl class=\"card\">") && html.contains("<dt>input sent</dt>") && html.contains(excerpt))
        #expect(html.contains("<th>the reference&#39;s</th>"))  // catalogue text, HTML-escaped
    }

    @Test func aForgivenVectorIsSkippedNotRed() throws {
        let root = try TestSupport.makeSuiteWithBrokenVector()
        defer { try? FileManager.default.removeItem(at: root) }
        let list = root.appendingPathComponent("known.yaml")
        try
            "expected-failures:\n  - id: zz-broken\n    reason: fixed in the next release\n    link: https://example.invalid/2\n    expires: 2999-12-31\n"
            .write(to: list, atomically: true, encoding: .utf8)

        let junit = try run(root, ["--format", "junit", "--expect-failures", list.path])
        #expect(junit.status == 0, "\(junit.stderr)")
        #expect(!junit.stdout.contains("<failure") && !junit.stdout.contains("<error"))
        #expect(junit.stdout.contains("<skipped message=\"expected failure (fail): fixed in the next release\""), "\(junit.stdout)")
        #expect(junit.stdout.contains("failures=\"0\" errors=\"0\" skipped=\"1\""))

        let text = try run(root, ["--expect-failures", list.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("EXPECTED-FAILURE (fail; forgiven: fixed in the next release) zz-broken"), "\(text.stdout)")
        #expect(!text.stdout.contains("FAIL zz-broken"))
    }
}
