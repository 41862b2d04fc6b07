import Foundation
import Testing
import YibaoTestSupport
import YibaoYAML

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

/// The `yibao` command on malformed YAML and on scaffolding, as a real child process.
@Suite(.serialized) struct CLITests {
    static let yamlFixtures = [
        "alias-bomb", "bad-int-tag", "control-character", "duplicate-key", "invalid-utf8",
        "non-scalar-key", "syntax-error", "undefined-alias", "unsupported-tag",
    ]

    /// Every YAML-level fault, dropped into a suite as a vector file: lint exits 1 with the loader's located error.
    @Test(arguments: yamlFixtures + ["deep-nesting"])
    func lintReportsYAMLFaultsLocated(_ name: String) throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("vectors/\(name).yaml")
        if name == "deep-nesting" {
            try (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n").write(
                to: file, atomically: true, encoding: .utf8)
        } else {
            let source = TestSupport.repo.appendingPathComponent("Tests/YibaoYAMLTests/Fixtures/yaml/\(name).yaml")
            try FileManager.default.copyItem(at: source, to: file)
        }
        var expected: YAMLError?
        do throws(YAMLError) { _ = try YAMLLoader().load(contentsOf: file.path) } catch { expected = error }
        let error = try #require(expected)
        #expect(error.mark.file == file.path && error.mark.line >= 1 && error.mark.column >= 1)
        let out = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", root.appendingPathComponent("vectors").path])
        #expect(out.status == 1)
        #expect(out.stderr.hasPrefix(error.description + "\n"), "\(out.stderr.prefix(300))")
        #expect(out.stderr.contains("1 problem in"))
    }

    @Test func newScaffoldsAVectorThatLintThenLocates() throws {
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let vectors = root.appendingPathComponent("vectors").path
        let (before, _) = Suite.load(root: vectors)
        let files = Set(before.vectors.filter { $0.clauses.contains("LU-2021-54/2c") }.map(\.file))
        let out = try TestSupport.run(TestSupport.yibao, ["new", "--vectors", vectors, "--clause", "LU-2021-54/2c"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("added vector lu-2021-54-2c-new-1"))
        // It goes into a file that already holds the clause's vectors.
        let file = try #require(out.stdout.components(separatedBy: ": added").first)
        #expect(files.contains(file))
        let target = (file: file, ())
        let text = try String(contentsOfFile: target.file, encoding: .utf8)
        #expect(text.contains("  - id: lu-2021-54-2c-new-1"))
        #expect(text.contains("# LU-2021-54/2c: 灵活就业人员中断缴费的参照此规定执行"))
        #expect(text.contains("      firstUnpaidMonth: TODO  # a month (YYYY-MM) (required)"))
        // Until its placeholders are written by hand, lint points at them.
        let lint = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", vectors])
        #expect(lint.status == 1)
        #expect(lint.stderr.contains("\(target.file):"))
        #expect(lint.stderr.contains("\"TODO\" is not a month (YYYY-MM)"))
        // A second scaffold gets a fresh id.
        let again = try TestSupport.run(TestSupport.yibao, ["new", "--vectors", vectors, "--clause", "LU-2021-54/2c"])
        #expect(again.stdout.contains("added vector lu-2021-54-2c-new-2"))
    }

    @Test func newRefusesAnUnknownClause() throws {
        let out = try TestSupport.run(TestSupport.yibao, ["new", "--vectors", TestSupport.vectors, "--clause", "LU-2021-54/99"])
        #expect(out.status == 64)
        #expect(out.stderr.contains("unknown clause \"LU-2021-54/99\""))
    }

    /// Options no run can be made with are usage errors (64) before anything starts.
    @Test(arguments: [
        ["run", "--jobs", "0"], ["run", "--timeout", "0"], ["run", "--hello-timeout=-1"], ["run", "--timeout", "nan"],
        ["run", "--impl", ""], ["run", "--impl", "   "], ["certify", "--impl", "", "--output", "/nonexistent/cert"],
    ])
    func impossibleOptionsAreUsageErrors(_ arguments: [String]) throws {
        let out = try TestSupport.run(TestSupport.yibao, arguments + ["--vectors", TestSupport.vectors])
        #expect(out.status == 64, "\(out.stderr)")
        #expect(out.stderr.contains("must"), "\(out.stderr)")
        #expect(out.stdout.isEmpty)
    }

    /// The tool's version is the one constant; the second line names the suite a command here would read.
    @Test func versionIsTheOneConstant() throws {
        let out = try TestSupport.run(TestSupport.yibao, ["--version"], directory: TestSupport.repo)
        #expect(out.status == 0)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "yibao " + Version.tool)
        #expect(lines.count == 2 && lines[1].hasPrefix("suite vectors: version ") && lines[1].contains(" sha256:"), "\(out.stdout)")
    }

    /// A binary installed as <prefix>/bin/yibao, run from a folder without a suite, reads <prefix>/share/yibao/vectors
    /// (the release archive's layout); outside any suite and installation it says none was found.
    @Test func theSuiteInstalledBesideTheBinaryIsFoundFromAnywhere() throws {
        let fm = FileManager.default
        let prefix = fm.temporaryDirectory.appendingPathComponent("yibao-prefix-\(UUID().uuidString)")
        let elsewhere = fm.temporaryDirectory.appendingPathComponent("yibao-elsewhere-\(UUID().uuidString)")
        defer {
            try? fm.removeItem(at: prefix)
            try? fm.removeItem(at: elsewhere)
        }
        try fm.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fm.createDirectory(at: prefix.appendingPathComponent("share/yibao"), withIntermediateDirectories: true)
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let installed = prefix.appendingPathComponent("bin/yibao").path
        try fm.copyItem(atPath: TestSupport.yibao, toPath: installed)
        try fm.copyItem(atPath: TestSupport.vectors, toPath: prefix.appendingPathComponent("share/yibao/vectors").path)
        try fm.copyItem(at: TestSupport.repo.appendingPathComponent("docs"), to: prefix.appendingPathComponent("share/yibao/docs"))

        let version = try TestSupport.run(installed, ["--version"], directory: elsewhere)
        #expect(
            version.stdout.contains("suite \(prefix.appendingPathComponent("share/yibao/vectors").path): version "), "\(version.stdout)")
        let lint = try TestSupport.run(installed, ["lint"], directory: elsewhere)
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stdout.contains("no problems"))

        // The build's own binary has no share/yibao beside it: from a folder without a suite, nothing is found.
        let none = try TestSupport.run(TestSupport.yibao, ["lint"], directory: elsewhere)
        #expect(none.status == 2)
        #expect(none.stderr.contains("no suite found"), "\(none.stderr)")
        let noneVersion = try TestSupport.run(TestSupport.yibao, ["--version"], directory: elsewhere)
        #expect(noneVersion.status == 0 && noneVersion.stdout.contains("none found"), "\(noneVersion.stdout)")
    }
}
