import Foundation
import Testing
import YibaoRules
import YibaoRun
import YibaoSuite
import YibaoTestSupport

@testable import YibaoFuzz

/// `yibao fuzz` and certify's random section against a hostile adapter (Fixtures/hostile-adapter.py), with the real
/// binary over real pipes: what the adapter answers never reaches a terminal or a vector scaffold as it was sent.
struct HostileAdapterTests {
    static let adapter = ExternalFuzzTests.here.appendingPathComponent("Fixtures/hostile-adapter.py").path

    static func impl(_ mode: String) -> String {
        "\(ExternalFuzzTests.quoted(ExternalFuzzTests.python)) \(ExternalFuzzTests.quoted(adapter)) \(mode)"
    }

    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("yibao-hostile-\(UUID().uuidString)-\(name)")
    }

    static func expectNoControls(_ text: String, _ what: String) {
        let found = text.unicodeScalars.first { UntrustedText.isControl($0) && $0 != "\n" }
        #expect(found == nil, "\(what) holds \(found.map(UntrustedText.name) ?? "")")
    }

    /// The adapter's error code is terminal escapes (clear screen, a green "CERTIFIED", a window title): certify's
    /// lines about its random findings show none of them raw.
    @Test func certifyShowsTheRandomFindingsOfAnAdapterAnsweringEscapesVisibly() throws {
        let folder = Self.temporary("cert")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = try ExternalFuzzTests.run([
            "certify", "--vectors", ExternalFuzzTests.vectors, "--impl", Self.impl("escape"), "--output", folder.path,
            "--seed", "1", "--random-cases", "60",
        ])
        #expect(out.status == 1, "exit \(out.status): \(out.stderr)")
        #expect(out.stdout.contains("random section: seed 1, 60 fresh cases: "), "\(out.stdout)")
        #expect(out.stdout.contains(": result → error: "), "no finding line in \(out.stdout)")
        Self.expectNoControls(out.stdout, "certify's summary")
    }

    /// Every line break YAML (1.1 or 1.2) or a terminal knows, and other control characters.
    static let lineBreaks: [Unicode.Scalar] = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    /// The scaffold's lines other than its comments: the vector it proposes, and nothing else.
    static func expectOnlyTheProposedVector(_ scaffold: String, indent: String = "", _ what: String) {
        let lines = scaffold.split(separator: "\n", omittingEmptySubsequences: true).map { String($0.dropFirst(indent.count)) }
        let vector = lines.filter { !$0.hasPrefix("  #") }
        let keys = vector.map { $0.prefix { $0 != ":" } }
        #expect(keys == ["  - id", "    title", "    clauses", "    why", "    input", "    expected"], "\(what): \(vector)")
        #expect(vector.first?.hasPrefix("  - id: fuzz-") == true, "\(what): \(vector)")
        let breaks = scaffold.unicodeScalars.filter { (lineBreaks.contains($0) && $0 != "\n") || UntrustedText.isControl($0) && $0 != "\n" }
        #expect(breaks.isEmpty, "\(what) holds \(breaks.map(UntrustedText.name))")
    }

    /// A differing field that quotes the implementation stays inside the scaffold's first comment line, whatever line
    /// breaks or control characters it holds (the scaffold built directly, so the signature can hold anything).
    @Test func aScaffoldKeepsWhatDifferedInsideItsCommentLine() throws {
        let planted =
            "x\n  - id: planted-lf\r  - id: planted-cr\u{85}  - id: planted-nel\u{2028}  - id: planted-ls"
            + "\u{2029}  - id: planted-ps\u{0B}  - id: planted-vt\u{0C}  - id: planted-ff\u{1B}[2J\u{202E}\u{200F}"
        let input: Value = .object([Member("insurance", .string("employee"))])
        let finding = Finding(
            signature: Signature(operation: "scope.transfer", differing: ["result → error: " + planted], trace: ["LU-2020-47/1"]),
            count: 1, input: input, firstCase: 3, originalInput: input,
            expected: .result(output: .object([Member("inScope", .bool(true))]), trace: ["LU-2020-47/1"]),
            actual: .error(code: planted, message: planted, trace: nil), status: .error, message: planted, shrinkSteps: 0)
        for language in [Language.en, .zh] {
            let scaffold = finding.scaffold(seed: 9, language: language)
            Self.expectOnlyTheProposedVector(scaffold, "the \(language) scaffold")
            let first = scaffold.split(separator: "\n")[0]
            #expect(first.contains("planted-lf\\u{d}  - id: planted-cr\\u{85}"), "\(first)")
        }
        let catalog = Catalog.load(directory: TestSupport.repo.appendingPathComponent("vectors/catalog").path).0
        let report = FuzzReport(
            seed: 9, cases: 1, invalidCases: 0, unsupported: 0, seconds: 1, operations: ["scope.transfer"],
            implementation: Implementation(name: "h", version: "1", vendor: "v", operations: ["scope.transfer"]), findings: [finding],
            reach: [])
        let text = report.text(catalog: catalog)
        Self.expectNoControls(text, "fuzz's text report")
        #expect(!text.contains("\n    - id: planted"), "\(text)")
        guard case .array(let findings)? = report.json(catalog: catalog)["findings"], case .string(let json)? = findings.first?["scaffold"]
        else {
            Issue.record("no scaffold in the JSON report")
            return
        }
        Self.expectOnlyTheProposedVector(json, "the JSON report's scaffold")
    }

    /// The adapter's error code breaks lines around a complete vector with a wrong expected value: the scaffolds of
    /// `fuzz`'s findings (JSON and text) and of certify's random findings propose only the fuzzer's vector.
    @Test func anAdapterCannotPlantAVectorInAFindingsScaffold() throws {
        let out = try ExternalFuzzTests.run([
            "fuzz", "--vectors", ExternalFuzzTests.vectors, "--impl", Self.impl("scaffold"), "--operation", "scope.transfer",
            "--count", "50", "--seed", "1", "--format", "json",
        ])
        #expect(out.status == 1, "exit \(out.status): \(out.stderr)")
        let report = try JSON.parse(out.stdout)
        guard case .array(let findings)? = report["findings"], !findings.isEmpty else {
            Issue.record("no findings: \(out.stdout.prefix(500))")
            return
        }
        for finding in findings {
            guard case .string(let scaffold)? = finding["scaffold"] else {
                Issue.record("a finding without a scaffold")
                continue
            }
            Self.expectOnlyTheProposedVector(scaffold, "fuzz's JSON scaffold")
        }
        let text = try ExternalFuzzTests.run([
            "fuzz", "--vectors", ExternalFuzzTests.vectors, "--impl", Self.impl("scaffold"), "--operation", "scope.transfer",
            "--count", "50", "--seed", "1",
        ])
        #expect(text.status == 1)
        Self.expectNoControls(text.stdout, "fuzz's text report")
        let planted = text.stdout.split(separator: "\n").filter { $0.drop { $0 == " " }.hasPrefix("- id: planted") }
        #expect(planted.isEmpty, "\(planted)")
    }

    /// Every answer an error with a new 200-byte code and a 4 KB message: the code is not one of the protocol's, so
    /// the signature names it `(unknown code)` and the cases group by operation and trace as any other error would,
    /// instead of one finding (held, shrunk and reported) per case. The code sent is kept in the finding's answer.
    @Test func anAdapterAnsweringANewErrorCodeEachTimeMakesFewFindings() throws {
        let out = try ExternalFuzzTests.run([
            "fuzz", "--vectors", ExternalFuzzTests.vectors, "--impl", Self.impl("unique"), "--count", "3000", "--seed", "4",
            "--format", "json",
        ])
        #expect(out.status == 1, "exit \(out.status): \(out.stderr)")
        let report = try JSON.parse(out.stdout)
        guard case .array(let findings)? = report["findings"] else {
            Issue.record("no findings: \(out.stdout.prefix(500))")
            return
        }
        #expect(!findings.isEmpty && findings.count <= 300, "\(findings.count) findings")
        var counted = 0
        for finding in findings {
            if case .number(let n)? = finding["count"] { counted += Int(n) ?? 0 }
            guard case .array(let differing)? = finding["differing"], case .string(let first)? = differing.first else {
                Issue.record("a finding without differing fields")
                continue
            }
            #expect(first.hasSuffix(" (unknown code)"), "\(first)")
            guard case .string(let code)? = finding["actual"]?["error"] else {
                Issue.record("no error code in the finding's answer: \(JSON.serialize(finding))")
                continue
            }
            #expect(code.hasPrefix("c") && code.hasSuffix(String(repeating: "x", count: 200)), "\(code)")
        }
        #expect(counted == 3000, "the findings count \(counted) of 3000 cases")
        #expect(report["otherFindingCases"] == .number("0"))
    }

    /// Past `maxFindings` findings of a kind, a case that disagrees in a new way is counted, not kept: an implementation
    /// that answers `internal` to everything disagrees in as many ways as the reference has traces.
    @Test func findingsPastTheCapAreCountedNotKept() throws {
        let catalog = Catalog.load(directory: TestSupport.repo.appendingPathComponent("vectors/catalog").path).0
        let failing: @Sendable (String, Value) -> Result<Answer, RuleError> = { _, _ in
            .failure(RuleError(code: .internal, message: "always", trace: []))
        }
        let target = FuzzTarget.inProcess(Implementation(name: "internal", version: "1", vendor: "t", operations: []), failing)
        var options = Fuzzer.Options(seed: 5, count: 2_000)
        options.maxFindings = 3
        let report = try Fuzzer(catalog: catalog, parameters: catalog.parameters!).run(options, target: target)
        #expect(report.failingFindings.count == 3)
        #expect(report.findings.count == 3, "no provisional readings given: no advisory finding")
        #expect(report.otherFindingCases > 0)
        #expect(report.findings.reduce(0) { $0 + $1.count } + report.otherFindingCases == 2_000)
        #expect(report.json(catalog: catalog)["otherFindingCases"] == .number(String(report.otherFindingCases)))
        #expect(report.text(catalog: catalog).contains(" disagreed in new ways after 3 findings of their kind"))
        // Without the cap, the same run keeps every way.
        options.maxFindings = 1_000
        let uncapped = try Fuzzer(catalog: catalog, parameters: catalog.parameters!).run(options, target: target)
        #expect(uncapped.findings.count > 3 && uncapped.otherFindingCases == 0)
    }

    /// An adapter that never answers a generated case: each start times out on its first case (1 s), the runner gives up
    /// after three, and the section's other cases are `not-run`, dozens of findings. A not-run case was never sent
    /// (nothing to shrink), and each step of shrinking a timeout costs a timeout: not-run findings are not shrunk, and
    /// at most a few timeouts and crashes are, for a few steps each, so certify ends in seconds, not an hour.
    @Test func certifyAgainstAnAdapterThatHangsOnGeneratedCasesEndsInSeconds() throws {
        let folder = Self.temporary("cert")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = try ExternalFuzzTests.run([
            "certify", "--vectors", ExternalFuzzTests.vectors, "--impl", Self.impl("hang"), "--output", folder.path,
            "--timeout", "1", "--seed", "3", "--random-cases", "300",
        ])
        #expect(out.status == 1, "exit \(out.status): \(out.stderr)")
        let report = try JSON.parse(String(contentsOf: folder.appendingPathComponent("report.json"), encoding: .utf8))
        guard case .array(let findings)? = report["certification"]?["random"]?["findings"] else {
            Issue.record("no random findings: \(out.stdout)")
            return
        }
        func steps(_ finding: Value) -> Int {
            if case .number(let n)? = finding["shrinkSteps"] { return Int(n) ?? -1 }
            return -1
        }
        let notRun = findings.filter { $0["status"] == .string("not-run") }
        let failures = findings.filter { $0["status"] == .string("timeout") || $0["status"] == .string("crash") }
        #expect(notRun.count >= 10 && !failures.isEmpty, "\(notRun.count) not-run, \(failures.count) timeout or crash findings")
        #expect(notRun.allSatisfy { steps($0) == 0 }, "not-run findings shrunk: \(notRun.map(steps))")
        #expect(failures.allSatisfy { (0...5).contains(steps($0)) }, "\(failures.map(steps))")
        #expect(failures.filter { steps($0) > 0 }.count <= 3)
        // No wall-clock bound here (timings belong in Benchmarks/): the shrinking above is what made it take an hour; alone
        // this run takes about 12 s, 54 s before the fix.
    }
}
