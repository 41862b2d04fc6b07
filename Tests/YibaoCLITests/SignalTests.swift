import Foundation
import Testing
import YibaoTestSupport

/// Defect 7: interrupting yibao (SIGTERM from a CI runner, Ctrl-C's SIGINT) left the adapter — and whatever it had
/// started — running. Real `yibao`, a real adapter (`Fixtures/impl/proxy.py`) that forks a grandchild sleeping forever
/// and then hangs; the signal goes to yibao alone, as `kill` sends it.
@Suite(.serialized) struct SignalTests {
    /// Starts `yibao arguments`, waits for `ready` (a file that appears), sends `signal`, and returns the exit status
    /// (nil: still running after 20 s, then killed) and what it wrote on stderr.
    static func interrupt(_ arguments: [String], signal: Int32, ready: () -> Bool) throws -> (status: Int32?, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.yibao)
        process.arguments = arguments
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-int-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errFile)
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        process.environment = environment
        try process.run()
        let start = Date()
        while !ready() && Date().timeIntervalSince(start) < 60 && process.isRunning { usleep(20_000) }
        #expect(ready(), "the adapter never got ready")
        kill(process.processIdentifier, signal)
        let sent = Date()
        while process.isRunning && Date().timeIntervalSince(sent) < 20 { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return (nil, "")
        }
        let stderr = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        return (process.terminationReason == .exit ? process.terminationStatus : -process.terminationStatus, stderr)
    }

    /// Alive: not gone and not a zombie nobody reaped yet.
    static func alive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        return !stat[close...].hasPrefix(") Z")
    }

    static func pids(_ file: URL) -> [pid_t] {
        ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { pid_t($0) }
    }

    /// The long-running commands that start adapters: each ends the adapter's process group — the adapter and the
    /// grandchild it forked — and exits 128 + the signal.
    @Test(arguments: [
        (["run"], SIGTERM), (["run", "--jobs", "3"], SIGINT), (["certify"], SIGTERM), (["fuzz", "--count", "1000"], SIGTERM),
        (["fuzz", "--count", "1000"], SIGINT),
    ])
    func anInterruptedCommandEndsItsAdapterAndTheGrandchildItForked(command: [String], signal: Int32) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yibao-int-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pidFile = dir.appendingPathComponent("pids")
        // Whatever happens, nothing this test started outlives it (each adapter leads its own process group).
        defer { for pid in Self.pids(pidFile) { kill(-pid, SIGKILL) } }
        let impl = "python3 \(TestSupport.fixtures.path)/impl/proxy.py \(TestSupport.yibao) --fork-sleeper \(pidFile.path) --hang"
        let output = command[0] == "certify" ? dir.appendingPathComponent("cert").path : dir.appendingPathComponent("report.json").path
        var arguments = command + ["--vectors", TestSupport.vectors, "--impl", impl, "--timeout", "600", "--output", output]
        if command[0] == "run" { arguments += ["--format", "json"] }
        let (status, stderr) = try Self.interrupt(arguments, signal: signal) { Self.pids(pidFile).count >= 2 }
        #expect(status == 128 + signal, "\(stderr)")
        #expect(stderr.contains(signal == SIGINT ? "interrupted (SIGINT)" : "terminated (SIGTERM)"))
        let pids = Self.pids(pidFile)
        let deadline = Date().addingTimeInterval(5)
        while pids.contains(where: Self.alive) && Date() < deadline { usleep(20_000) }
        for pid in pids { #expect(!Self.alive(pid), "process \(pid) outlived yibao") }
        // No report, and no half-written temporary file beside where it would have gone.
        let left = try FileManager.default.contentsOfDirectory(atPath: command[0] == "certify" ? output : dir.path)
        #expect(left.filter { $0 != "pids" && $0 != "cert" }.isEmpty, "\(left)")
    }

    /// `serve` (the reference over the protocol) exits 143 on SIGTERM too, whatever it was doing.
    @Test func anInterruptedServeExitsWithTheSignalsCode() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.yibao)
        process.arguments = ["serve"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(#"{"type":"hello","protocol":"yibao-conformance/1","suite":{}}"#.utf8 + [10]))
        _ = output.fileHandleForReading.availableData  // the hello's answer: the handler is installed by now
        kill(process.processIdentifier, SIGTERM)
        let sent = Date()
        while process.isRunning && Date().timeIntervalSince(sent) < 20 { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 143)
    }
}
