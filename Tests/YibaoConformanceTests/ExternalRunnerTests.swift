import Foundation
import Testing
import YibaoRules
import YibaoTestSupport

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

/// `yibao run --impl` against real misbehaving child processes (Fixtures/impl/adapter.py): each case ends in bounded
/// time with exactly the expected statuses, and every other vector passes.
@Suite(.serialized) struct ExternalRunnerTests {
    static let adapter = TestSupport.fixtures.appendingPathComponent("impl/adapter.py").path

    /// A suite of 40 scope.transfer vectors, fx-01 … fx-40.
    static func makeSuite() throws -> URL {
        let root = try TestSupport.makeSuite()
        var text = "operation: scope.transfer\nclauses: [LU-2020-47/1]\nvectors:\n"
        for i in 1...40 {
            let employee = i % 5 != 4, retired = i % 7 == 3, crossArea = i % 3 != 2, crossProvince = i % 11 == 5
            // LU-2020-47/1: in scope = an employee-insurance member below retirement age moving between areas inside the province.
            let inScope = employee && !retired && crossArea && !crossProvince
            text += """
                  - id: fx-\(String(format: "%02d", i))
                    title: 测试用向量 \(i)
                    why: LU-2020-47/1 in scope only for employee insurance, not retired, cross-area, inside the province → \(inScope)
                    input: {insurance: \(employee ? "employee" : "resident"), reachedRetirementAge: \(retired), crossArea: \(crossArea), crossProvince: \(crossProvince)}
                    expected: {inScope: \(inScope)}

                """
        }
        try text.write(to: root.appendingPathComponent("vectors/impl.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    struct Run {
        var status: Int32
        var report: Value?
        var stderr: String
        var seconds: Double

        func status(of id: String) -> String? {
            guard case .array(let results)? = report?["results"] else { return nil }
            for r in results where r["id"] == .string(id) {
                if case .string(let s)? = r["status"] { return s }
            }
            return nil
        }

        /// The result's message ("" when it has none, so that a test on it fails rather than passes unasked).
        func message(_ id: String) -> String {
            if case .string(let message)? = result(id)?["message"] { message } else { "" }
        }

        func result(_ id: String) -> Value? {
            guard case .array(let results)? = report?["results"] else { return nil }
            return results.first { $0["id"] == .string(id) }
        }

        var statuses: [String: String] {
            guard case .array(let results)? = report?["results"] else { return [:] }
            var map: [String: String] = [:]
            for r in results { if case .string(let id)? = r["id"], case .string(let s)? = r["status"] { map[id] = s } }
            return map
        }
    }

    /// Runs the fixture adapter in `mode` with a 1 s answer timeout (a hang costs one second) and a generous hello
    /// timeout (starting Python on a loaded machine is slow), unless `helloTimeout` says otherwise.
    func run(_ mode: String, _ arg: String = "", extra: [String] = [], timeout: String = "1", helloTimeout: String = "10") throws -> Run {
        let root = try Self.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let impl = "python3 \(Self.adapter) \(mode) \(arg)"
        let start = Date()
        let out = try TestSupport.run(
            TestSupport.yibao,
            [
                "run", "--vectors", root.appendingPathComponent("vectors").path,
                "--impl", impl, "--timeout", timeout, "--hello-timeout", helloTimeout,
                "--format", "json",
            ] + extra)
        let report = out.stdout.isEmpty ? nil : try JSON.parse(out.stdout)
        return Run(status: out.status, report: report, stderr: out.stderr, seconds: Date().timeIntervalSince(start))
    }

    /// Every vector passes except those named, which have the given statuses.
    func expectStatuses(_ r: Run, _ special: [String: String]) {
        let statuses = r.statuses
        #expect(statuses.count == 40)
        for (id, status) in statuses {
            #expect(status == (special[id] ?? "pass"), "\(id): \(status)")
        }
    }

    @Test func aWellBehavedImplementationPasses() throws {
        let r = try run("ok")
        #expect(r.status == 0)
        expectStatuses(r, [:])
        #expect(r.report?["implementation"]?["name"] == .string("fixture-adapter"))
    }

    @Test func vectorsOfUnlistedOperationsAreUnsupported() throws {
        let root = try Self.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        try """
        operation: employee.first-enrollment
        clauses: [LU-2021-54/1]
        vectors:
          - id: fx-unlisted
            title: 未声明的操作
            why: LU-2021-54/1 自缴费次月起 → 2022-06 + 1 = 2022-07
            input: {category: employer, firstContributionMonth: 2022-06}
            expected: {benefitsFrom: 2022-07}
        """.write(to: root.appendingPathComponent("vectors/unlisted.yaml"), atomically: true, encoding: .utf8)
        let out = try TestSupport.run(
            TestSupport.yibao,
            [
                "run", "--vectors", root.appendingPathComponent("vectors").path,
                "--impl", "python3 \(Self.adapter) ok", "--format", "json",
            ])
        let report = try JSON.parse(out.stdout)
        #expect(out.status == 0)  // unsupported is not a failure
        #expect(report["summary"]?["unsupported"] == .number("1"))
        #expect(report["summary"]?["passed"] == .number("40"))
    }

    @Test func aHangIsATimeoutAndTheRunGoesOn() throws {
        let r = try run("hang-on", "fx-05")
        #expect(r.status == 1)
        expectStatuses(r, ["fx-05": "timeout"])
        #expect(r.seconds < 20)
    }

    @Test func aCrashIsACrashWithItsExitStatusAndStderr() throws {
        let r = try run("crash-on", "fx-05")
        #expect(r.status == 1)
        expectStatuses(r, ["fx-05": "crash"])
        let result = try #require(r.result("fx-05"))
        if case .string(let message)? = result["message"] {
            #expect(message.contains("exited with status 3"))
        } else {
            Issue.record("no message")
        }
        if case .string(let tail)? = result["stderrTail"] {
            #expect(tail.contains("crashing on purpose"))
        } else {
            Issue.record("no stderr tail")
        }
    }

    @Test func garbageIsAnErrorForTheVectorConcerned() throws {
        let r = try run("garbage-on", "fx-05")
        expectStatuses(r, ["fx-05": "error"])
        if case .string(let message)? = r.result("fx-05")?["message"] {
            #expect(message.contains("not JSON") && message.contains("this is not json"))
        } else {
            Issue.record("no message")
        }
    }

    @Test func anAnswerUnderAWrongIDIsAnError() throws {
        let r = try run("wrong-id-on", "fx-05")
        expectStatuses(r, ["fx-05": "error"])
        #expect(r.message("fx-05").contains("nobody-asked-this"), "\(r.message("fx-05"))")
    }

    @Test func aRepeatedAnswerIsAnError() throws {
        let r = try run("twice-on", "fx-05")
        expectStatuses(r, ["fx-05": "error"])
    }

    @Test func aTwentyMegabyteLineIsAnError() throws {
        let r = try run("huge-line-on", "fx-05")
        expectStatuses(r, ["fx-05": "error"])
        #expect(r.message("fx-05").contains("16 MiB"), "\(r.message("fx-05"))")
    }

    @Test func aStderrFloodDoesNotStallTheRun() throws {
        let r = try run("stderr-flood")
        #expect(r.status == 0)
        expectStatuses(r, [:])
    }

    @Test func exitingAfterTenAnswersCrashesEveryEleventhVector() throws {
        let r = try run("exit-after", "10")
        // Start 1 answers fx-01…10 and exits while fx-11 is the oldest unanswered; start 2 answers fx-12…21; and so on.
        expectStatuses(r, ["fx-11": "crash", "fx-22": "crash", "fx-33": "crash"])
    }

    @Test func aSlowButSteadyImplementationNeverTimesOut() throws {
        // 40 vectors × 50 ms = 2 s, twice the timeout: the deadline runs from when each vector could be worked on.
        let r = try run("slow")
        #expect(r.status == 0)
        expectStatuses(r, [:])
    }

    @Test func eachAnswerCarriesTheSecondsItTook() throws {
        // 50 ms a vector: each result's time is that, and JUnit's time attributes are those times, not zeros.
        let root = try Self.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let (suite, _) = Suite.load(root: root.appendingPathComponent("vectors").path)
        let log = ResultLog(count: 5)
        _ = try ExternalRunner.run(
            VectorFeed(Array(suite.vectors.prefix(5))),
            options: ExternalRunner.Options(command: ["python3", Self.adapter, "slow"]), into: log)
        let seconds = (0..<5).map { log.result($0)?.seconds ?? -1 }
        #expect(seconds.allSatisfy { $0 >= 0.04 && $0 < 5 }, "\(seconds)")
    }

    @Test func repeatedDeadStartsMarkTheRestNotRun() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-marker-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: marker) }
        let r = try run("crash-after-restart", marker)
        var special = ["fx-05": "crash", "fx-06": "crash", "fx-07": "crash", "fx-08": "crash"]
        for i in 9...40 { special[String(format: "fx-%02d", i)] = "not-run" }
        expectStatuses(r, special)
        #expect(r.message("fx-40").contains("3 consecutive starts"), "\(r.message("fx-40"))")
    }

    @Test(arguments: [
        ("hello-hang", "did not answer the hello within 1 s"),
        ("wrong-protocol", #"speaks "other-protocol/2", not yibao-conformance/1"#),
        ("never-flush", "did not answer the hello within 1 s"),
    ])
    func aFailedHelloEndsTheRunWithExitTwo(_ mode: String, _ message: String) throws {
        // A wrong protocol is refused on its hello, whatever the timeout: a generous one, so that a slow Python start on
        // a loaded machine is not mistaken for silence.
        let wrongProtocol = mode == "wrong-protocol"
        let r = try run(mode, helloTimeout: wrongProtocol ? "20" : "1")
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.seconds < (wrongProtocol ? 30 : 10))
    }

    @Test func parallelJobsKeepVectorOrder() throws {
        let r = try run("ok", extra: ["--jobs", "3"])
        #expect(r.status == 0)
        guard case .array(let results)? = r.report?["results"] else {
            Issue.record("no results")
            return
        }
        #expect(results.map { $0["id"] } == (1...40).map { .string(String(format: "fx-%02d", $0)) })
    }

    @Test func parallelJobsShareTheVectorsBetweenProcesses() throws {
        // 40 vectors × 50 ms: with --jobs 4 the vectors go to whichever process is free, so more than one answers
        // (a first process that took a whole window of 128 would answer all 40 alone).
        let r = try run("slow", extra: ["--jobs", "4"])
        #expect(r.status == 0)
        expectStatuses(r, [:])
        guard case .array(let results)? = r.report?["results"] else {
            Issue.record("no results")
            return
        }
        let pids = Set(results.compactMap { $0["actual"]?["pid"].map(JSON.serialize) })
        #expect(pids.count >= 2, "answered by \(pids.count) process(es)")
    }

    @Test func theFirstProcessToAnswerItsHelloOpensTheRun() throws {
        // With --jobs 3 the process started first hangs in its hello: the others answer theirs and run every vector,
        // without waiting for it (a run used to wait on one designated process, so a slow Node or JVM start held all).
        // The run still ends only when the hung process's hello times out (8 s), as any hung start does.
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-first-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: marker) }
        let r = try run("first-start-hangs", marker, extra: ["--jobs", "3"], helloTimeout: "8")
        #expect(r.status == 0, "\(r.stderr)")
        expectStatuses(r, [:])
        #expect(FileManager.default.fileExists(atPath: marker), "no process took the marker")
    }

    @Test func processesStartStaggeredButAHungStartHoldsTheOthersOnlyForTheInterval() {
        // At most `limit` processes are starting at once (16 Node starts on 2 cores otherwise all end late together);
        // one more may start every `interval` whatever, so a start waiting on I/O does not hold the rest for long.
        func secondEntry(_ gate: ExternalRunner.StartGate, leaveFirstAfter: Double?) -> Double {
            gate.enter()
            let start = Date()
            let entered = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                gate.enter()
                entered.signal()
            }
            if let leaveFirstAfter {
                Thread.sleep(forTimeInterval: leaveFirstAfter)
                gate.leave()
            }
            _ = entered.wait(timeout: .now() + 30)
            return Date().timeIntervalSince(start)
        }
        // Held until the first start ends (its hello) when the interval is long...
        let held = secondEntry(ExternalRunner.StartGate(limit: 1, interval: 60), leaveFirstAfter: 0.3)
        #expect(held >= 0.3 && held < 10, "\(held)")
        // ...and only for the interval when the first start hangs.
        let hung = secondEntry(ExternalRunner.StartGate(limit: 1, interval: 0.3), leaveFirstAfter: nil)
        #expect(hung >= 0.3 && hung < 10, "\(hung)")
        // Below the limit a start does not wait.
        let free = secondEntry(ExternalRunner.StartGate(limit: 2, interval: 60), leaveFirstAfter: nil)
        #expect(free < 0.3, "\(free)")
    }

    @Test func serialAttributesStderrExactly() throws {
        let r = try run("crash-on", "fx-05", extra: ["--serial"])
        expectStatuses(r, ["fx-05": "crash"])
        let result = try #require(r.result("fx-05"))
        // One vector at a time: the lines are fx-05's and nothing else's.
        #expect(result["stderrTail"] == .string("working on fx-05\nfixture: crashing on purpose\n"))
        #expect(result["stderrOthers"] == .number("0"))
    }

    @Test func withAWindowStderrSaysOtherVectorsWereInFlight() throws {
        let r = try run("crash-on", "fx-05")
        let result = try #require(r.result("fx-05"))
        guard case .string(let tail)? = result["stderrTail"], case .number(let others)? = result["stderrOthers"] else {
            Issue.record("no stderr attribution: \(result)")
            return
        }
        // Sent in one window with the others: the lines written meanwhile are shown, and the report says they are shared.
        #expect(tail.hasSuffix("working on fx-05\nfixture: crashing on purpose\n"))
        #expect((Int(others) ?? 0) > 0)
        #expect(!tail.contains("working on fx-06"))
    }

    @Test func stderrShownWithAFailureIsCapped() throws {
        let r = try run("stderr-flood", extra: ["--serial"])
        #expect(r.status == 0)
        #expect(
            VectorResult.StderrLines(Array(String(repeating: "0123456789\n", count: 10_000).utf8), others: 0, lostBytes: 0).text
                == String(repeating: "0123456789\n", count: VectorResult.StderrLines.maxLines))
        let long = VectorResult.StderrLines(Array(String(repeating: "x", count: 100_000).utf8), others: 0, lostBytes: 7)
        #expect(long.text.utf8.count <= VectorResult.StderrLines.maxBytes && long.omittedBytes == 100_007 - long.text.utf8.count)
    }

    @Test func anImplementationThatDiesBeforeItsHelloShowsItsStderr() throws {
        let root = try Self.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = try TestSupport.run(
            TestSupport.yibao,
            [
                "run", "--vectors", root.appendingPathComponent("vectors").path,
                "--impl", "sh -c 'echo \"Error: Cannot find module /x/adapter.js\" >&2; exit 1'",
            ])
        #expect(out.status == 2)
        #expect(out.stderr.contains("ended before answering the hello: exited with status 1"), "\(out.stderr)")
        #expect(out.stderr.contains("| Error: Cannot find module /x/adapter.js"), "\(out.stderr)")
    }

    @Test func splitsCommandLinesLikeAShell() throws {
        #expect(
            try CommandLineSplitter.split(#"./adapter --mode 'two words' "it's" a\ b"#) == [
                "./adapter", "--mode", "two words", "it's", "a b",
            ])
        #expect(throws: CommandLineSplitter.SplitError.self) { try CommandLineSplitter.split("python3 'unterminated") }
    }

    /// Defect 14: `"a\b"` lost its backslash (sh keeps it: inside double quotes a backslash escapes only $ ` " \ and
    /// a newline). Each line is split by a real `sh` too (`set -- LINE`, each argument printed NUL-terminated).
    @Test(arguments: [
        #"./adapter "a\b""#, #"x "a\\b" 'c\d' e\f\ g"#, #"x "q\"uote" "\$" "\`""#, "x a\\\nb \"c\\\nd\"", #"x ''"" "" ''"#,
        #"x 'it'"'"'s'"#, "x\t\"tab\there\"", #"x 汉字 "√\é""#, #"x a=b --k=v"#,
    ])
    func splitsExactlyAsShDoes(line: String) throws {
        let printed = try TestSupport.run("/bin/sh", ["-c", "set -- \(line); for a in \"$@\"; do printf '%s\\0' \"$a\"; done"])
        #expect(printed.status == 0, "\(printed.stderr)")
        let expected = printed.stdout.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(try CommandLineSplitter.split(line) == expected, "\(line)")
    }

    /// `--impl-arg` passes an argument exactly: a script in a folder named with a backslash, a `$` and a space.
    @Test func implArgPassesAnArgumentExactly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(#"yibao-arg-a\b $HOME-\#(UUID().uuidString)"#)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("proxy.py")
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("impl/proxy.py"), to: script)
        let out = try TestSupport.run(
            TestSupport.yibao,
            [
                "run", "--vectors", TestSupport.vectors, "--only", "lu-2020-47-1-in-scope", "--impl", "python3", "--impl-arg", script.path,
                "--impl-arg", TestSupport.yibao,
            ])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("1 passed"), "\(out.stdout)")
        // The same path inside --impl is refused ($ would be expanded by a shell), with a message naming --impl-arg.
        let refused = try TestSupport.run(
            TestSupport.yibao, ["run", "--vectors", TestSupport.vectors, "--impl", "python3 \(script.path) \(TestSupport.yibao)"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--impl-arg"), "\(refused.stderr)")
    }

    /// What a shell would expand or interpret is refused, never taken another way than sh takes it.
    @Test(arguments: [
        "./adapter $HOME", "./adapter \"$HOME\"", "./adapter `id`", "./adapter | tee log", "./adapter; rm -rf x", "./adapter > out",
        "./adapter *.yaml", "./adapter ~/x", "FOO=1 ./adapter", "./adapter # comment", "./adapter &",
    ])
    func shellSyntaxIsRefusedWithAMessage(line: String) throws {
        #expect(throws: CommandLineSplitter.SplitError.self) { try CommandLineSplitter.split(line) }
    }
}
