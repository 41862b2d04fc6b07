import Foundation
import Testing
import YibaoRules

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
        #expect(badge.contains("\(n)/\(n) clauses"))
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
        #expect(out.status == 1)
        #expect(out.stdout.contains("NOT CERTIFIED"))
        #expect(out.stdout.contains("unsupported operations: employee.back-payment"))
        let report = try JSON.parse(String(contentsOf: dir.appendingPathComponent("report.json"), encoding: .utf8))
        #expect(report["certification"]?["certified"] == .bool(false))
        guard case .array(let unsupported)? = report["certification"]?["unsupportedOperations"] else {
            Issue.record("no list")
            return
        }
        #expect(unsupported.contains(.string("resident.newborn")))
        #expect(!unsupported.contains(.string("scope.transfer")))
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
