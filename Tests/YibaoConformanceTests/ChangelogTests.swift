import Foundation
import Testing
import YibaoTestSupport

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

/// The suite's version and changelog (vectors/changelog.yaml): loaded with the suite, checked by lint, shown in
/// reports, hellos and `yibao changelog`.
@Suite(.serialized) struct ChangelogTests {
    @Test func theRealSuiteHasAVersionAndEveryRetiredEntryIsRetired() throws {
        let (suite, diagnostics) = Suite.load(root: TestSupport.repo.appendingPathComponent("vectors").path)
        #expect(diagnostics.isEmpty, "\(diagnostics.prefix(3))")
        #expect(suite.version == "2.5.3")
        #expect(
            suite.changelog.releases.map(\.version) == [
                "2.5.3", "2.5.2", "2.5.1", "2.5.0", "2.4.0", "2.3.0", "2.2.1", "2.2.0", "2.1.0", "2.0.0", "1.0.0",
            ])
        let ids = Set(suite.vectors.map(\.id))
        let newest = try #require(suite.changelog.releases.first)
        for entry in newest.added + newest.changed { #expect(ids.contains(entry.id), "\(entry.id)") }
        for entry in newest.retired {
            #expect(suite.retired[entry.id] != nil && !ids.contains(entry.id), "\(entry.id)")
        }
    }

    @Test func releasesAfterAVersion() {
        let log = Changelog(releases: [
            .init(version: "3.1.0", date: "d", summary: "s"), .init(version: "3.0.0", date: "d", summary: "s"),
            .init(version: "2.0.0", date: "d", summary: "s"),
        ])
        #expect(log.version == "3.1.0")
        #expect(log.releases(after: "2.0.0").map(\.version) == ["3.1.0", "3.0.0"])
        #expect(log.releases(after: "3.1.0").isEmpty)
        #expect(log.releases(after: "0.1.0").count == 3)
        #expect(Changelog().version == "0.0.0")
    }

    /// A version that is not semantic, releases out of order, and a retired id not in retired.yaml: each a located
    /// lint problem.
    @Test func lintChecksTheChangelog() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let vectors = root.appendingPathComponent("vectors")
        try """
        releases:
          - version: "2.0"
            date: 2026-12-01
            summary: two numbers
          - version: 1.0.0
            date: 2026-12-01
            summary: fine
            retired:
              - {id: never-was, reason: no such vector}
          - version: 1.1.0
            date: 2026-12-01
            summary: out of order
        """.write(to: vectors.appendingPathComponent("changelog.yaml"), atomically: true, encoding: .utf8)
        let out = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", vectors.path])
        #expect(out.status == 1)
        let file = vectors.appendingPathComponent("changelog.yaml").path
        #expect(out.stderr.contains("\(file):2:14: error: version \"2.0\" is not semantic"), "\(out.stderr)")
        #expect(out.stderr.contains("\(file):9:9: error: retired vector \"never-was\" is not listed in retired.yaml"), "\(out.stderr)")
        #expect(out.stderr.contains("\(file):10:14: error: version 1.1.0 is not older"), "\(out.stderr)")
        // The changelog is not read as a vector file.
        #expect(!out.stderr.contains("vector file"))
    }

    /// A vendor holding a report made against 1.0.0 sees which of its results 2.0.0 changed or retired.
    @Test func anOldReportSeesWhichResultsLaterReleasesTouch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-changelog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = dir.appendingPathComponent("old.json")
        try """
        {"suite":{"name":"yibao-jining","version":"1.0.0","digest":"sha256:00"},"results":[
         {"id":"ji-2022-8-8-paid-2023-01-31-waits-until-april","status":"pass"},
         {"id":"lu-2021-54-8-only-later-announcement-given","status":"fail"},
         {"id":"lu-2021-54-1-employer-may-2022-first-month-in-force","status":"pass"}]}
        """.write(to: old, atomically: true, encoding: .utf8)
        let out = try TestSupport.run(
            TestSupport.yibao,
            [
                "changelog", "--vectors", TestSupport.repo.appendingPathComponent("vectors").path,
                "--report", old.path,
            ])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("suite 2.5.3, releases after 1.0.0\n"))
        #expect(out.stdout.contains("2 of its 3 results are about vectors a later release changed or retired"))
        #expect(out.stdout.contains("  ji-2022-8-8-paid-2023-01-31-waits-until-april [pass] retired in 2.0.0: I-12"))
        #expect(out.stdout.contains("  lu-2021-54-8-only-later-announcement-given [fail] changed in 2.0.0: I-17"))
        #expect(!out.stdout.contains("[pass] lu-2021-54-1-employer"))
        #expect(!out.stdout.contains("\n1.0.0 ("))
    }

    /// The suite version travels in the hello, beside the digest.
    @Test func theHelloAndTheReportsCarryTheSuiteVersion() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-hello-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("adapter.sh")
        // Records the hello it gets, then answers nothing but the hello (no operations: every vector unsupported).
        try """
        #!/bin/sh
        IFS= read -r hello
        printf '%s\\n' "$hello" > "\(dir.path)/hello.json"
        printf '%s\\n' '{"type":"hello","protocol":"yibao-conformance/1","implementation":{"name":"x","version":"1","vendor":"v"},"operations":[]}'
        while IFS= read -r line; do :; done
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let out = try TestSupport.run(
            TestSupport.yibao,
            [
                "run", "--vectors", TestSupport.repo.appendingPathComponent("vectors").path,
                "--impl", script.path, "--filter", "employee.first-enrollment",
            ])
        #expect(out.status == 0, "\(out.stderr)")
        let hello = try String(contentsOf: dir.appendingPathComponent("hello.json"), encoding: .utf8)
        #expect(hello.contains(#""suite":{"name":"yibao-jining","version":"2.5.3","digest":"sha256:"#), "\(hello)")
        #expect(out.stdout.contains("\nsuite yibao-jining 2.5.3 sha256:"), "\(out.stdout.suffix(300))")
    }
}
