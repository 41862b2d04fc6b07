import Foundation
import YibaoSuite
import YibaoSystem

/// A child process on three pipes, started with `posix_spawn` (`System.spawn`) in its own process group so that it and
/// anything it starts can be killed together. Our ends of the pipes are non-blocking.
final class ChildProcess {
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    let pid: Int32
    /// Write end of the child's standard input (-1 once closed).
    private(set) var stdin: Int32
    /// Read ends of the child's standard output and standard error (-1 once closed).
    private(set) var stdout: Int32
    private(set) var stderr: Int32
    private(set) var exitStatus: Int32?

    init(arguments: [String]) throws {
        precondition(!arguments.isEmpty)
        // Spawned and recorded with SIGINT and SIGTERM held: an interruption ends its group, never misses it.
        let spawned = Interruption.holdingSignals {
            System.spawn(arguments) { Interruption.addGroup($0) }
        }
        switch spawned {
        case .success(let child):
            pid = child.pid
            stdin = child.stdin
            stdout = child.stdout
            stderr = child.stderr
        case .failure(let failure) where failure.step == .pipes:
            throw SpawnError(description: Messages.text("runner.cannotPipe", language: .en, failure.error.description))
        case .failure(let failure):
            throw SpawnError(description: Messages.text("runner.cannotStart", language: .en, arguments[0], failure.error.description))
        }
    }

    func closeStdin() {
        if stdin >= 0 {
            _ = System.close(stdin)
            stdin = -1
        }
    }

    func closeStdout() {
        if stdout >= 0 {
            _ = System.close(stdout)
            stdout = -1
        }
    }

    func closeStderr() {
        if stderr >= 0 {
            _ = System.close(stderr)
            stderr = -1
        }
    }

    /// Reaps the child if it has ended; returns its wait status.
    @discardableResult
    func poll() -> Int32? {
        if exitStatus == nil { exitStatus = System.wait(pid, blocking: false) }
        return exitStatus
    }

    /// Kills the whole process group and reaps the child.
    func kill() {
        if poll() == nil {
            System.killGroup(pid)
            System.kill(pid)
            exitStatus = System.wait(pid, blocking: true) ?? 0
        } else {
            System.killGroup(pid)  // anything it left behind in its group
        }
        Interruption.removeGroup(pid)
    }

    /// Waits up to `seconds` for the child to end by itself, then kills it.
    func finish(within seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while poll() == nil && Date() < deadline { System.sleep(seconds: 0.005) }
        kill()
        closeStdin()
        closeStdout()
        closeStderr()
    }

    /// "exited with status 3", "killed by signal 9 (SIGKILL)".
    static func describe(status: Int32) -> String {
        let signal = status & 0x7F
        if signal == 0 { return Messages.text("runner.exited", language: .en, (status >> 8) & 0xFF) }
        let name = System.signalName(signal).map { " (\($0))" } ?? ""
        return Messages.text("runner.killed", language: .en, signal, name)
    }

    deinit {
        if exitStatus == nil { kill() } else { Interruption.removeGroup(pid) }
        closeStdin()
        closeStdout()
        closeStderr()
    }
}
