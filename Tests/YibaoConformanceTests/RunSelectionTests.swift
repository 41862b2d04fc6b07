import Foundation
import Testing
import YibaoRules
import YibaoTestSupport

@testable import YibaoConformance

/// What a vendor types to pick vectors and places to run from: repeatable --filter, --only, a filter that selects
/// nothing (usage error with suggestions), the suite found from a subfolder, and --output checked before the run.
struct RunSelectionTests {
    static func results(_ stdout: String) throws -> [Value] {
        guard case .array(let results)? = try JSON.parse(stdout)["results"] else { return [] }
        return results
    }

    @Test func filterIsRepeatableAndTakesOperations() throws {
        let out = try TestSupport.run(
            TestSupport.yibao,
            [
                "run", "--vectors", TestSupport.vectors, "--format", "json",
                "--filter", "scope.transfer", "--filter", "employee.first-enrollment",
            ])
        #expect(out.status == 0, "\(out.stderr)")
        let operations = Set(try Self.results(out.stdout).compactMap { if case .string(let s)? = $0["operation"] { s } else { nil } })
        #expect(operations == ["scope.transfer", "employee.first-enrollment"])
    }

    @Test func aFilterThatMatchesNothingIsAUsageErrorWithSuggestions() throws {
        let out = try TestSupport.run(
            TestSupport.yibao,
            [
                "run", "--vectors", TestSupport.vectors, "--filter", "scope.transfer",
                "--filter", "employe.transfer",
            ])
        #expect(out.status == 64)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains("--filter employe.transfer matches no vector"), "\(out.stderr)")
        #expect(out.stderr.contains("did you mean: employee.transfer"), "\(out.stderr)")
        #expect(!out.stderr.contains("--filter scope.transfer matches"))
    }

    @Test func onlyRunsOneVectorByItsExactID() throws {
        let out = try TestSupport.run(
            TestSupport.yibao,
            [
                "run", "--vectors", TestSupport.vectors, "--format", "json",
                "--only", "lu-2020-47-1-in-scope",
            ])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try Self.results(out.stdout).map { $0["id"] } == [.string("lu-2020-47-1-in-scope")])
        // A part of an id is not enough for --only.
        let partial = try TestSupport.run(TestSupport.yibao, ["run", "--vectors", TestSupport.vectors, "--only", "lu-2020-47-1-in"])
        #expect(partial.status == 64)
        #expect(partial.stderr.contains("did you mean: lu-2020-47-1-in-scope"), "\(partial.stderr)")
        let both = try TestSupport.run(TestSupport.yibao, ["run", "--only", "x", "--filter", "y"])
        #expect(both.status == 64)
    }

    @Test func theSuiteIsFoundFromASubfolderOrTheEnvironment() throws {
        let fromSources = try TestSupport.run(
            TestSupport.yibao, ["run", "--filter", "scope.transfer"],
            directory: TestSupport.repo.appendingPathComponent("Sources/YibaoRules"))
        #expect(fromSources.status == 0, "\(fromSources.stderr)")
        #expect(fromSources.stdout.contains("15 vectors") || fromSources.stdout.contains("passed"), "\(fromSources.stdout)")

        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-nowhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let lost = try TestSupport.run(TestSupport.yibao, ["run"], directory: elsewhere)
        #expect(lost.status == 2)
        #expect(lost.stderr.contains("no suite found") && lost.stderr.contains("--vectors"), "\(lost.stderr)")

        let env = try TestSupport.run(
            "/usr/bin/env", ["YIBAO_VECTORS=\(TestSupport.vectors)", TestSupport.yibao, "run", "--filter", "scope.transfer"],
            directory: elsewhere)
        #expect(env.status == 0, "\(env.stderr)")
    }

    @Test func anUnwritableOutputIsRefusedBeforeTheRun() throws {
        let missing = try TestSupport.run(
            TestSupport.yibao, ["run", "--vectors", TestSupport.vectors, "--output", "/nonexistent-folder/report.json"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("the folder /nonexistent-folder does not exist"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("NSCocoaErrorDomain"))
        let directory = try TestSupport.run(TestSupport.yibao, ["run", "--vectors", TestSupport.vectors, "--output", TestSupport.vectors])
        #expect(directory.status == 64)
        #expect(directory.stderr.contains("is a directory"), "\(directory.stderr)")
    }

    @Test func suggestionsAreNearNames() {
        let names = ["employee.transfer", "scope.transfer", "LU-2021-54/3b", "lu-2021-54-3b-within-window"]
        #expect(VectorFilter.suggestions(for: "employe.transfer", among: names).first == "employee.transfer")
        #expect(VectorFilter.suggestions(for: "LU-2021-54/3x", among: names) == ["LU-2021-54/3b"])
        #expect(VectorFilter.suggestions(for: "zzzzzz", among: names).isEmpty)
    }
}

/// `yibao show ID`: one vector or one clause, everything a vendor needs to read it, from the terminal.
struct ShowTests {
    @Test func showsAVectorWithItsClauseText() throws {
        let out = try TestSupport.run(TestSupport.yibao, ["show", "--vectors", TestSupport.vectors, "lu-2020-47-1-cross-province"])
        #expect(out.status == 0, "\(out.stderr)")
        for needle in [
            "input: {\"insurance\":\"employee\"", "expected: {\"inScope\":false}", "why: ", "LU-2020-47/1: 本通知所指",
            "--only lu-2020-47-1-cross-province",
        ] {
            #expect(out.stdout.contains(needle), "lacks \(needle): \(out.stdout)")
        }
    }

    @Test func showsAClauseWithItsVectors() throws {
        let out = try TestSupport.run(TestSupport.yibao, ["show", "--vectors", TestSupport.vectors, "LU-2020-47/1"])
        #expect(out.status == 0)
        #expect(
            out.stdout.contains("text: 本通知所指") && out.stdout.contains("in force: 2020-09-01..")
                && out.stdout.contains("lu-2020-47-1-cross-province"))
    }

    /// `--format json` gives tools the same facts as one object, parsed back here with the suite's own JSON reader.
    @Test func showsAVectorAndAClauseAsJSON() throws {
        let vector = try TestSupport.run(
            TestSupport.yibao, ["show", "--vectors", TestSupport.vectors, "lu-2020-47-1-cross-province", "--format", "json"])
        #expect(vector.status == 0, "\(vector.stderr)")
        let v = try JSON.parse(vector.stdout)["vector"]
        #expect(v?["id"] == .string("lu-2020-47-1-cross-province"))
        #expect(v?["operation"] == .string("scope.transfer"))
        #expect(v?["input"]?["insurance"] == .string("employee"))
        #expect(v?["expected"]?["inScope"] == .bool(false))
        guard case .string(let file)? = v?["file"], case .number(let line)? = v?["line"] else {
            Issue.record("no place")
            return
        }
        #expect(file.hasSuffix("vectors/LU-2020-47/01-scope.yaml") && Int(line) ?? 0 > 0)
        guard case .array(let clauses)? = v?["clauses"], case .string(let text)? = clauses.first?["text"] else {
            Issue.record("no clause text: \(vector.stdout)")
            return
        }
        #expect(text.hasPrefix("本通知所指"))

        let clause = try TestSupport.run(TestSupport.yibao, ["show", "--vectors", TestSupport.vectors, "LU-2020-47/1", "--format", "json"])
        #expect(clause.status == 0)
        let c = try JSON.parse(clause.stdout)["clause"]
        #expect(c?["from"] == .string("2020-09-01"))
        guard case .array(let ids)? = c?["vectors"] else {
            Issue.record("no vectors: \(clause.stdout)")
            return
        }
        #expect(ids.contains(.string("lu-2020-47-1-cross-province")))
    }

    @Test func anUnknownIDIsAUsageErrorWithSuggestions() throws {
        let out = try TestSupport.run(TestSupport.yibao, ["show", "--vectors", TestSupport.vectors, "LU-2020-47/99"])
        #expect(out.status == 64)
        #expect(out.stderr.contains("did you mean: LU-2020-47/1"), "\(out.stderr)")
    }

    @Test func controlCharactersFromVectorFilesAreShownNotObeyed() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        try """
        operation: scope.transfer
        clauses: [LU-2020-47/1]
        vectors:
          - id: zz-escape
            title: 保险类型含控制字符
            why: LU-2020-47/1 insurance must be employee or resident; a string with control characters is neither → invalid-input
            input: {insurance: "employee\\e[2J\\e]0;owned\\a", reachedRetirementAge: false, crossArea: true, crossProvince: false}
            expected: {error: invalid-input}
        """.write(to: root.appendingPathComponent("vectors/escape.yaml"), atomically: true, encoding: .utf8)
        let out = try TestSupport.run(TestSupport.yibao, ["show", "--vectors", root.appendingPathComponent("vectors").path, "zz-escape"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!out.stdout.contains("\u{1B}") && !out.stdout.contains("\u{7}"))
        #expect(out.stdout.contains("[2J"), "\(out.stdout)")
    }
}
