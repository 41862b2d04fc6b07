import Foundation
import Testing
import YibaoRun
import YibaoTestSupport

/// A failure card's rerun line is a command a vendor can paste: their own `--impl`, sh-quoted, and `--only ID`.
struct RerunTests {
    @Test(arguments: ["plain", "", "two words", "it's", "a\"b", "a\\b", "$HOME", "`x`", "济宁 市", "--flag=1", "*"])
    func quotingSplitsBackToTheSameWord(_ word: String) throws {
        #expect(try CommandLineSplitter.split("x " + CommandLineSplitter.quote(word)) == ["x", word])
    }

    @Test func theRerunLineRerunsExactlyThatVectorWhenPastedIntoSh() throws {
        // An adapter in a folder whose name needs quoting, with arguments of its own.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao rerun it's \(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let adapter = dir.appendingPathComponent("adapter.py").path
        try FileManager.default.copyItem(
            atPath: TestSupport.fixtures.appendingPathComponent("impl/adapter.py").path,
            toPath: adapter)
        let id = "lu-2020-47-1-in-scope"
        let impl = "python3 \(CommandLineSplitter.quote(adapter)) garbage-on \(id)"
        let run = try TestSupport.run(TestSupport.yibao, ["run", "--vectors", TestSupport.vectors, "--impl", impl, "--quiet"])
        #expect(run.status == 1)
        let line = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("  rerun: ") })
        let command = String(line.dropFirst("  rerun: ".count))
        #expect(command == "yibao run --impl \(CommandLineSplitter.quote(impl)) --only \(id)")

        // Pasted into sh (with yibao spelled as its path and the suite named), it reruns that one vector.
        let pasted =
            CommandLineSplitter.quote(TestSupport.yibao) + command.dropFirst("yibao".count)
            + " --vectors " + CommandLineSplitter.quote(TestSupport.vectors) + " --quiet"
        let rerun = try TestSupport.run("/bin/sh", ["-c", pasted])
        #expect(rerun.status == 1)
        #expect(rerun.stdout.hasPrefix("ERROR \(id) ("))
        #expect(rerun.stdout.contains("1 vector: 0 passed, 0 failed, 1 errored"))
    }

    /// certify's replay line names the implementation exactly as run prints it: `--impl-arg` words included, or a
    /// replayed certificate would start another command.
    @Test func certifysReplayLineKeepsImplArg() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-replay-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let adapter = TestSupport.repo.appendingPathComponent("examples/python-adapter/adapter.py").path
        let out = try TestSupport.run(
            TestSupport.yibao,
            [
                "certify", "--vectors", TestSupport.vectors, "--impl", "python3", "--impl-arg", adapter, "--output", dir.path,
                "--random-cases", "20", "--quiet",
            ])
        let line = try #require(out.stdout.split(separator: "\n").first { $0.hasPrefix("replay it with: ") }, "\(out.stdout)")
        #expect(line.hasPrefix("replay it with: yibao certify --impl python3 --impl-arg \(CommandLineSplitter.quote(adapter)) --output "))
    }
}
