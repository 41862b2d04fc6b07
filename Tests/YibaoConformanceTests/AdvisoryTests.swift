import Foundation
import Testing
import YibaoTestSupport

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

/// Provisional interpretations and advisory vectors: a vector naming a provisional entry of docs/interpretations.md
/// runs and is reported in its own section and count, but fails neither `run` nor `certify`; `verify` still requires
/// the reference to pass it.
@Suite(.serialized) struct AdvisoryTests {
    static let provisional: Set<String> = ["I-3", "I-14", "I-26", "I-27", "I-28", "I-29", "I-30", "I-32", "I-34", "I-37", "I-39"]
    static let otherWay = TestSupport.fixtures.appendingPathComponent("impl/provisional-other-way.py").path

    @Test func theStatusLinesOfTheRegisterDecideWhichVectorsAreAdvisory() {
        let (ids, provisional) = Suite.loadInterpretations(root: TestSupport.repo.appendingPathComponent("vectors").path)
        #expect(provisional == Self.provisional)
        #expect(ids?.isSuperset(of: provisional) == true)
        let (suite, _) = Suite.load(root: TestSupport.repo.appendingPathComponent("vectors").path)
        for v in suite.vectors {
            #expect(v.advisory == v.interpretations.contains { Self.provisional.contains($0) }, "\(v.id)")
        }
        #expect(suite.vectors.contains { $0.advisory })
    }

    /// Defect 18 (F4 of the 2026-12-07 attack): which readings are provisional decides what is forgiven, but
    /// docs/interpretations.md was outside the digest: a copy of the suite with every entry marked provisional certified
    /// a wrong implementation under the published digest. The provisional set is now part of the digest, streamed or not.
    @Test func markingAnEntryProvisionalChangesTheDigest() throws {
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let vectors = root.appendingPathComponent("vectors").path
        let (before, _) = Suite.load(root: vectors)
        let (streamedBefore, _) = StreamedSuite.open(root: vectors)
        #expect(before.digest == streamedBefore.digest)
        let register = root.appendingPathComponent("docs/interpretations.md")
        let text = try String(contentsOf: register, encoding: .utf8)
        try text.replacingOccurrences(of: "- **Status.** settled", with: "- **Status.** provisional").write(
            to: register, atomically: true, encoding: .utf8)
        let (after, _) = Suite.load(root: vectors)
        let (streamedAfter, _) = StreamedSuite.open(root: vectors)
        #expect(after.provisional.count > before.provisional.count)
        #expect(after.digest != before.digest)
        #expect(streamedAfter.digest != streamedBefore.digest)
        #expect(after.digest == streamedAfter.digest)
    }

    /// Defect 19 for vectors: an advisory vector answered with something its provisional readings cannot give (here an
    /// internal error on an I-37 vector, whose other reading changes only some fields) is a failure like any other.
    @Test func anAdvisoryVectorAnsweredOutsideItsReadingsFails() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-advisory-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let proxy = TestSupport.fixtures.appendingPathComponent("impl/proxy.py").path
        let id = "lu-2020-47-2b-continued-one-month-after-labour-relation"
        let run = try TestSupport.run(
            TestSupport.yibao,
            [
                "certify", "--vectors", TestSupport.vectors, "--impl", "python3 \(proxy) \(TestSupport.yibao) --wrong \(id)",
                "--output", out.path, "--random-cases", "100", "--quiet",
            ])
        #expect(run.status == 1, "\(run.stdout.suffix(2000))")
        #expect(run.stdout.contains("\nNOT CERTIFIED\n"))
        #expect(run.stdout.contains("ERROR \(id)"), "\(run.stdout)")
        let report = try JSON.parse(String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8))
        guard case .array(let results)? = report["results"], let result = results.first(where: { $0["id"] == .string(id) }) else {
            Issue.record("no result for \(id)")
            return
        }
        #expect(result["advisory"] == nil)
        if case .string(let message)? = result["message"] {
            #expect(message.contains("not advisory: its provisional readings (I-37) can change only"), "\(message)")
        } else {
            Issue.record("no message")
        }
    }

    /// The issue's must-show: an implementation that reads every provisional entry the other way is certified, its
    /// advisory failures listed (on standard output, in report.json and report.html), and each provisional entry's
    /// other reading really does change some vector's answer.
    @Test func anImplementationReadingEveryProvisionalEntryTheOtherWayIsCertified() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-advisory-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try TestSupport.run(
            TestSupport.yibao,
            [
                "certify", "--vectors", TestSupport.repo.appendingPathComponent("vectors").path,
                "--impl", "python3 \(Self.otherWay) \(TestSupport.yibao)", "--output", out.path,
            ])
        #expect(run.status == 0, "\(run.stdout.suffix(2000)) \(run.stderr.suffix(2000))")
        #expect(run.stdout.contains("\nCERTIFIED\n"))
        #expect(run.stdout.contains("\nadvisory (provisional readings; not counted against certification): "))
        // Each advisory failure ends "(provisional I-26, I-39)": the entries its vector names.
        let named = Set(
            run.stdout.components(separatedBy: "(provisional ").dropFirst().flatMap {
                $0.prefix { $0 != ")" }.components(separatedBy: ", ")
            })
        for entry in Self.provisional {
            #expect(named.contains(entry), "no advisory failure for \(entry): its other reading changes no vector")
        }
        let data = try Data(contentsOf: out.appendingPathComponent("report.json"))
        let report = try JSON.parse(String(decoding: data, as: UTF8.self))
        #expect(report["certification"]?["certified"] == .bool(true))
        guard case .array(let advisory)? = report["certification"]?["advisoryNotPassing"] else {
            Issue.record("no certification.advisoryNotPassing")
            return
        }
        #expect(advisory.count > 20)
        #expect(report["summary"]?["advisory"] == .number(String(advisory.count)))
        #expect(report["summary"]?["failed"] == .number("0") && report["summary"]?["errored"] == .number("0"))
        // The random section: the other readings disagree there too, every time on a case resting on a provisional
        // entry, so every finding is advisory and names it.
        let random = report["certification"]?["random"]
        #expect(random?["failing"] == .number("0"))
        if case .array(let findings)? = random?["findings"] {
            #expect(!findings.isEmpty, "the other readings changed no generated answer")
            for finding in findings {
                #expect(finding["advisory"] == .bool(true) && finding["provisional"] != .array([]), "\(JSON.serialize(finding))")
            }
        } else {
            Issue.record("no random section findings")
        }
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<section class=\"advisory\" id=\"advisory\">"))
        #expect(html.contains("Vectors not passing (0)"))
    }

    /// A wrong advisory vector: the reference fails it, so `verify` fails; `run` against the reference still exits 0
    /// and shows it in the advisory section.
    @Test func verifyStillRequiresTheReferenceToPassAdvisoryVectors() throws {
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try """
        operation: employee.first-enrollment
        clauses: [LU-2021-54/1]
        vectors:
          - id: zz-advisory-broken
            title: 故意写错的期望，依赖待定解释
            interpretations: [I-3]
            why: LU-2021-54/1 gives 2022-07 (the month after 2022-06); this vector claims 2022-06 on purpose
            input: {category: employer, firstContributionMonth: 2022-06}
            expected: {benefitsFrom: 2022-06}
        """.write(to: root.appendingPathComponent("vectors/zz-advisory.yaml"), atomically: true, encoding: .utf8)
        let vectors = root.appendingPathComponent("vectors").path
        let verify = try TestSupport.run(TestSupport.yibao, ["verify", "--vectors", vectors])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("vector zz-advisory-broken fail"), "\(verify.stderr.suffix(500))")
        let run = try TestSupport.run(TestSupport.yibao, ["run", "--vectors", vectors, "--filter", "zz-advisory"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(
            run.stdout.hasPrefix(
                "ADVISORY (provisional readings of docs/interpretations.md; they fail neither the run nor certification): 1 vector not passing\n"
            ), "\(run.stdout)")
        #expect(run.stdout.contains("  (provisional I-3) FAIL zz-advisory-broken"))
        #expect(run.stdout.contains(": 1 vector: 0 passed, 0 failed, 1 advisory not passing\n"), "\(run.stdout)")
    }

    @Test func summariesCountAdvisoryFailuresApart() {
        var v = Vector(
            id: "a", title: "", operation: "employee.first-enrollment", clauses: ["LU-2021-54/1"], interpretations: ["I-3"],
            why: "", input: .null, expected: .output([]), mark: .init(file: "f", line: 1, column: 1))
        v.provisional = ["I-3"]
        var w = v
        w.id = "b"
        w.provisional = []
        let results = [
            VectorResult(vector: v, status: .fail), VectorResult(vector: w, status: .fail),
            VectorResult(vector: v, status: .pass), VectorResult(vector: v, status: .timeout),
        ]
        let s = RunSummary(results)
        #expect(s.failed == 1 && s.timeout == 0 && s.advisory == 2 && s.passed == 1 && s.total == 4)
        #expect(!s.allPassed)
        #expect(RunSummary([results[0], results[2], results[3]]).allPassed)
        let log = ResultLog(results)
        #expect(log.summary == s)
        let coverage = CoverageReport(catalog: Catalog(documents: [], clauses: []), log: log)
        #expect(coverage.clauses.isEmpty)
    }
}
