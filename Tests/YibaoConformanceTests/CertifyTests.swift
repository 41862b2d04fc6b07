import Foundation
import Testing
import YibaoRules
import YibaoTestSupport

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

/// Suite digest, expected-failure lists, certification and comparison, through the real `yibao` binary.
@Suite(.serialized) struct CertifyTests {
    var serve: String { "\(TestSupport.yibao) serve" }

    @Test func theDigestIgnoresFormattingAndFileLayoutButNotContent() throws {
        let (original, _) = Suite.load(root: TestSupport.vectors)
        #expect(original.digest.hasPrefix("sha256:") && original.digest.count == 71)
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let vectors = root.appendingPathComponent("vectors")
        // Rename a vector file into another folder and add comments and blank lines: same suite.
        let file = try #require(original.vectors.first?.file)
        let relative = String(file.dropFirst(TestSupport.vectors.count + 1))
        let moved = vectors.appendingPathComponent("moved/renamed.yaml")
        try FileManager.default.createDirectory(at: moved.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = try String(contentsOf: vectors.appendingPathComponent(relative), encoding: .utf8)
        try FileManager.default.removeItem(at: vectors.appendingPathComponent(relative))
        try ("# a comment\n\n" + text.replacingOccurrences(of: "\nvectors:\n", with: "\n# another\nvectors:\n")).write(
            to: moved, atomically: true, encoding: .utf8)
        let (reformatted, problems) = Suite.load(root: vectors.path)
        #expect(problems.isEmpty)
        #expect(reformatted.digest == original.digest)
        // Change one vector's title: a different suite.
        try text.replacingOccurrences(of: "title: ", with: "title: 改 ", options: [], range: text.range(of: "title: "))
            .write(to: moved, atomically: true, encoding: .utf8)
        let (changed, _) = Suite.load(root: vectors.path)
        #expect(changed.digest != original.digest)
    }

    func runWithList(_ root: URL, _ list: String) throws -> TestSupport.Output {
        let file = root.appendingPathComponent("expected.yaml")
        try list.write(to: file, atomically: true, encoding: .utf8)
        return try TestSupport.run(
            TestSupport.yibao,
            [
                "run", "--vectors", root.appendingPathComponent("vectors").path,
                "--expect-failures", file.path,
            ])
    }

    @Test func anExpectedFailureDoesNotFailTheRun() throws {
        let root = try TestSupport.makeSuiteWithBrokenVector()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = try runWithList(
            root, "expected-failures:\n  - id: zz-broken\n    reason: known\n    link: https://example.invalid/1\n    expires: 2999-12-31\n"
        )
        #expect(out.status == 0, "\(out.stderr)")
    }

    @Test func withoutTheListTheSameRunFails() throws {
        let root = try TestSupport.makeSuiteWithBrokenVector()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = try TestSupport.run(TestSupport.yibao, ["run", "--vectors", root.appendingPathComponent("vectors").path])
        #expect(out.status == 1)
        #expect(out.stdout.contains("FAIL zz-broken"))
    }

    @Test func anUnexpectedPassFailsTheRun() throws {
        let root = try TestSupport.makeSuiteWithBrokenVector()
        defer { try? FileManager.default.removeItem(at: root) }
        let (suite, _) = Suite.load(root: TestSupport.vectors)
        let passing = try #require(suite.vectors.first).id
        let out = try runWithList(
            root,
            """
            expected-failures:
              - {id: zz-broken, reason: known, expires: 2999-12-31}
              - {id: \(passing), reason: was broken once, expires: 2999-12-31}
            """)
        #expect(out.status == 1)
        #expect(out.stderr.contains("vector \(passing) is on the expected-failure list but passed"))
    }

    @Test func anExpiredEntryFailsTheRun() throws {
        let root = try TestSupport.makeSuiteWithBrokenVector()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = try runWithList(root, "expected-failures:\n  - {id: zz-broken, reason: known, expires: 2020-01-01}\n")
        #expect(out.status == 1)
        #expect(out.stderr.contains("the expected failure of zz-broken expired on 2020-01-01"))
    }

    @Test func theWholeSuitePassesAgainstYibaoServe() throws {
        let out = try TestSupport.run(TestSupport.yibao, ["run", "--vectors", TestSupport.vectors, "--impl", serve, "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let report = try JSON.parse(out.stdout)
        #expect(report["summary"]?["failed"] == .number("0"))
        #expect(report["implementation"]?["name"] == .string("yibao-reference"))
    }

    @Test func certifyingTheReferenceGivesACertifiedReport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-cert-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try TestSupport.run(
            TestSupport.yibao, ["certify", "--vectors", TestSupport.vectors, "--impl", serve, "--output", dir.path])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("CERTIFIED"))
        let report = try JSON.parse(String(contentsOf: dir.appendingPathComponent("report.json"), encoding: .utf8))
        #expect(report["certification"]?["certified"] == .bool(true))
        if case .string(let digest)? = report["suite"]?["digest"] {
            #expect(digest.hasPrefix("sha256:"))
        } else {
            Issue.record("no digest")
        }
        let (suite, _) = Suite.load(root: TestSupport.vectors)
        let n = suite.catalog.normativeClauses.count
        let badge = try String(contentsOf: dir.appendingPathComponent("badge.svg"), encoding: .utf8)
        #expect(badge.contains("14 of 14 operations"))
        // Every normative clause is in the full scope: none is outside it.
        #expect(report["certification"]?["scope"]?["clausesOutside"] == .array([]))
        guard case .array(let clauses)? = report["certification"]?["scope"]?["clauses"] else {
            Issue.record("no scope clauses")
            return
        }
        #expect(clauses.count == n)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.html").path))
    }

    @Test func certifyingTheExampleAdapterNamesTheUnsupportedOperations() throws {
        let adapter = TestSupport.repo.appendingPathComponent("examples/python-adapter/adapter.py").path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-cert-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try TestSupport.run(
            TestSupport.yibao,
            [
                "certify", "--vectors", TestSupport.vectors, "--impl", "python3 \(adapter)",
                "--output", dir.path,
            ])
        // Its two operations pass every vector; the verdict rests on the random section, which may find a disagreement.
        #expect(out.status == 0 || out.status == 1, "\(out.stderr)")
        #expect(out.stdout.contains("scope: 2 of 14 operations (scope.transfer, employee.first-enrollment)"))
        #expect(out.stdout.contains("in scope: 42 vectors, 42 passed, 0 not passing"))
        #expect(out.stdout.contains("unsupported operations: employee.back-payment"))
        let report = try JSON.parse(String(contentsOf: dir.appendingPathComponent("report.json"), encoding: .utf8))
        #expect(
            report["certification"]?["scope"]?["operations"] == .array([.string("scope.transfer"), .string("employee.first-enrollment")]))
        guard case .array(let unsupported)? = report["certification"]?["unsupportedOperations"] else {
            Issue.record("no list")
            return
        }
        #expect(unsupported.contains(.string("resident.newborn")))
        #expect(!unsupported.contains(.string("scope.transfer")))
    }

    // MARK: - Certificate scope (issue 10, defect 8)

    /// The reference behind `Fixtures/impl/proxy.py`, which advertises only `only` and fails the vectors `wrong`.
    func certifyThroughProxy(only: [String]? = nil, wrong: [String] = [], extra: [String] = []) throws -> (
        TestSupport.Output, Value?, String, String
    ) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-cert-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var impl = "python3 \(TestSupport.fixtures.appendingPathComponent("impl/proxy.py").path) \(TestSupport.yibao)"
        if let only { impl += " --only " + only.joined(separator: ",") }
        for id in wrong { impl += " --wrong " + id }
        let out = try TestSupport.run(
            TestSupport.yibao,
            [
                "certify", "--vectors", TestSupport.vectors, "--impl", impl, "--output", dir.path,
            ] + extra)
        let report = try? JSON.parse(String(contentsOf: dir.appendingPathComponent("report.json"), encoding: .utf8))
        let html = (try? String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)) ?? ""
        let badge = (try? String(contentsOf: dir.appendingPathComponent("badge.svg"), encoding: .utf8)) ?? ""
        return (out, report, html, badge)
    }

    /// Defect 8: a vector tagged only with an informative clause (JI-2020-19/3.5 defers to another notice) failed
    /// and the certificate was granted anyway, since every normative clause still had all its vectors passing.
    @Test func aFailingVectorTaggedOnlyWithAnInformativeClauseWithholdsTheCertificate() throws {
        let (out, report, _, badge) = try certifyThroughProxy(wrong: ["ji-2020-19-3-5-not-enrolled-2021-out-of-scope"])
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("NOT CERTIFIED"))
        let total = Suite.load(root: TestSupport.vectors).0.vectors.count
        #expect(out.stdout.contains("in scope: \(total) vectors, \(total - 1) passed, 1 not passing"))
        #expect(report?["certification"]?["certified"] == .bool(false))
        #expect(report?["certification"]?["clausesNotPassing"] == .array([.string("JI-2020-19/3.5")]))
        #expect(badge.contains("not certified (14 of 14 operations)"))
    }

    /// A partial implementation is certified for what it advertises, and the certificate says so in every format.
    @Test func nineOperationsAllPassingAreCertifiedForNineOfFourteen() throws {
        let nine = Operations.all.map(\.name).prefix(9).map { $0 }
        let (out, report, html, badge) = try certifyThroughProxy(only: nine)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("scope: 9 of 14 operations (\(nine.joined(separator: ", ")))"))
        #expect(out.stdout.contains("clauses outside the scope (not covered by this certificate): "))
        #expect(out.stdout.contains("\nCERTIFIED"))
        #expect(badge.contains("<title>yibao: 9 of 14 operations</title>"))
        #expect(badge.contains("#4c1"))
        let scope = report?["certification"]?["scope"]
        #expect(scope?["operations"] == .array(nine.map(Value.string)))
        #expect(scope?["of"] == .number("14"))
        guard case .array(let outside)? = scope?["clausesOutside"], case .array(let inside)? = scope?["clauses"] else {
            Issue.record("no scope clauses")
            return
        }
        // The clauses of the five other operations only (resident insurance and newborns) are outside; none is both.
        #expect(outside.contains(.string("JI-2022-8/9.1")) && outside.contains(.string("LU-2021-54/9")))
        #expect(!outside.contains(.string("LU-2020-47/1")) && inside.contains(.string("LU-2020-47/1")))
        #expect(Set(outside.map { "\($0)" }).isDisjoint(with: Set(inside.map { "\($0)" })))
        #expect(html.contains("class=\"scope\"") && html.contains("9 of 14 operations") && html.contains("class=\"outside\""))
        #expect(html.contains("JI-2022-8/9.1"))
    }

    /// Inside a partial scope every vector must still pass.
    @Test func oneFailingVectorInsideAPartialScopeWithholdsTheCertificate() throws {
        let (out, report, _, badge) = try certifyThroughProxy(only: ["scope.transfer"], wrong: ["lu-2020-47-1-in-scope"])
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(report?["certification"]?["certified"] == .bool(false))
        #expect(report?["certification"]?["clausesNotPassing"] == .array([.string("LU-2020-47/1"), .string("JI-2020-19/1")]))
        #expect(badge.contains("not certified (1 of 14 operations)"))
    }

    /// A hello advertising nothing the contract has certifies nothing.
    @Test func aHelloWithNoContractOperationIsNotCertified() throws {
        let (out, _, _, badge) = try certifyThroughProxy(only: ["made.up"])
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("there is nothing to certify"))
        #expect(badge.contains("not certified (0 of 14 operations)"))
    }

    /// An expected-failure list would let a vendor forgive its own failures inside the scope: refused before any run.
    @Test(arguments: ["--expect-failures", "--expected-failures"])
    func certifyRefusesAnExpectedFailureList(flag: String) throws {
        let out = try TestSupport.run(
            TestSupport.yibao,
            [
                "certify", "--vectors", TestSupport.vectors, "--impl", serve, "--output",
                "/nonexistent/cert", flag, "known.yaml",
            ])
        #expect(out.status == 64, "\(out.stderr)")
        #expect(out.stderr.contains("certify accepts no expected-failure list"))
    }

    @Test func compareBuildsAClauseByImplementationMatrix() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-cmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let adapter = TestSupport.repo.appendingPathComponent("examples/python-adapter/adapter.py").path
        let a = dir.appendingPathComponent("reference.json").path, b = dir.appendingPathComponent("adapter.json").path
        _ = try TestSupport.run(TestSupport.yibao, ["run", "--vectors", TestSupport.vectors, "--format", "json", "--output", a])
        _ = try TestSupport.run(
            TestSupport.yibao,
            [
                "run", "--vectors", TestSupport.vectors, "--impl", "python3 \(adapter)",
                "--format", "json", "--output", b,
            ])
        let out = try TestSupport.run(TestSupport.yibao, ["compare", a, b, "--format", "markdown"])
        #expect(out.status == 0)
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("| clause | yibao-reference") == true)
        #expect(lines.contains { $0.hasPrefix("| LU-2021-54/1 | covered | covered |") })
        #expect(lines.contains { $0.hasPrefix("| JI-2022-8/9.1 | covered | unsupported |") })
        // Each column is labelled with the implementation's version, the report's date and the suite.
        #expect(lines.contains { $0.hasPrefix("| *version* | \(Version.tool) | ") })
        #expect(lines.contains { $0.hasPrefix("| *date* | 20") })
        #expect(lines.contains { $0.hasPrefix("| *suite* | ") })

        // A report made with another suite (another digest) is refused unless asked for.
        let original = try String(contentsOfFile: b, encoding: .utf8)
        let digest = try #require(original.firstRange(of: /"digest":"sha256:[0-9a-f]+"/))
        let other = dir.appendingPathComponent("other-suite.json").path
        try original.replacingCharacters(in: digest, with: "\"digest\":\"sha256:\(String(repeating: "0", count: 64))\"")
            .write(toFile: other, atomically: true, encoding: .utf8)
        let refused = try TestSupport.run(TestSupport.yibao, ["compare", a, other])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("different suites"))
        #expect(refused.stderr.contains("--allow-different-suites"))
        #expect(refused.stdout.isEmpty)
        let allowed = try TestSupport.run(TestSupport.yibao, ["compare", a, other, "--allow-different-suites"])
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("000000000000"))
    }
}
