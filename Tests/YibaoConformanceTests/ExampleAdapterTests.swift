import Foundation
import Testing
import YibaoRules
import YibaoTestSupport

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

/// The example adapter of examples/python-adapter, run by the real `yibao run --impl` over the repository's own suite:
/// the two operations it implements pass, every other vector is unsupported, and the run exits 0.
struct ExampleAdapterTests {
    static let adapter = TestSupport.repo.appendingPathComponent("examples/python-adapter/adapter.py").path
    static let implemented: Set<String> = ["scope.transfer", "employee.first-enrollment"]

    /// A path as one word of an --impl command line (the runner splits it like a shell: single quotes, '\'' for a quote).
    static func quoted(_ path: String) -> String {
        "'" + path.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    @Test func theExampleAdapterPassesItsOperationsAndIsUnsupportedForTheRest() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.adapter), "adapter.py should be executable")
        try check("python3 \(Self.quoted(Self.adapter))", name: "python-adapter-example")
    }

    @Test func theNodeSkeletonPassesItsOperations() throws {
        let adapter = TestSupport.repo.appendingPathComponent("examples/node-adapter/adapter.js").path
        try check("node \(Self.quoted(adapter))", name: "node-adapter-example")
    }

    @Test func theJavaSkeletonCompilesAndPassesItsOperations() throws {
        let build = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-java-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: build) }
        let source = TestSupport.repo.appendingPathComponent("examples/java-adapter/Adapter.java").path
        let javac = try TestSupport.run("/usr/bin/env", ["javac", "-d", build.path, source])
        try #require(javac.status == 0, "javac: \(javac.stderr)")
        try check("java -cp \(Self.quoted(build.path)) Adapter", name: "java-adapter-example", extra: ["--hello-timeout", "60"])
    }

    /// Runs `impl` over the repository's suite: the two operations it implements pass, the rest are unsupported, exit 0.
    func check(_ impl: String, name: String, extra: [String] = []) throws {
        let out = try TestSupport.run(
            TestSupport.yibao, ["run", "--vectors", TestSupport.vectors, "--impl", impl, "--format", "json"] + extra)
        let report = try JSON.parse(out.stdout)
        guard case .array(let results)? = report["results"] else {
            Issue.record("no results in the report; exit \(out.status), stderr: \(out.stderr)")
            return
        }

        var ours = 0
        for r in results {
            guard case .string(let id)? = r["id"], case .string(let operation)? = r["operation"],
                case .string(let status)? = r["status"]
            else {
                Issue.record("a result without id, operation or status: \(JSON.serialize(r))")
                continue
            }
            if Self.implemented.contains(operation) {
                ours += 1
                #expect(status == "pass", "\(id) (\(operation)): \(status) — \(r["message"].map(JSON.serialize) ?? "")")
            } else {
                #expect(status == "unsupported", "\(id) (\(operation)): \(status), expected unsupported")
            }
        }
        #expect(ours > 0, "the suite has no scope.transfer or employee.first-enrollment vectors")
        #expect(report["summary"]?["passed"] == .number(String(ours)))
        #expect(report["summary"]?["unsupported"] == .number(String(results.count - ours)))

        // Unsupported vectors do not fail a run: every vector the adapter can answer passes → exit 0.
        #expect(out.status == 0, "exit \(out.status); stderr: \(out.stderr)")
        // The report names whoever answered the hello.
        #expect(report["implementation"]?["name"] == .string(name))
        #expect(report["implementation"]?["version"] == .string("1.0.0"))
    }
}
