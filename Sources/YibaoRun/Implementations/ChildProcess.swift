import Foundation
import YibaoSuite

#if canImport(Glibc)
    import Glibc
#endif

/// A child process on three pipes, started with `posix_spawn` in its own process group so that it and
/// anything it starts can be killed together. Our ends of the pipes are non-blocking.
final class ChildProcess {
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    /// Write end of the child's standard input (-1 once closed).
    private(set) var stdin: Int32
    /// Read ends of the child's standard output and standard error (-1 once closed).
    private(set) var stdout: Int32
    private(set) var stderr: Int32
    private(set) var exitStatus: Int32?

    init(arguments: [String]) throws {
        precondition(!arguments.isEmpty)
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        // Close-on-exec from the start: another worker's child, spawned meanwhile, must not inherit these.
        guard Self.pipe2(&inPipe, O_CLOEXEC) == 0, Self.pipe2(&outPipe, O_CLOEXEC) == 0, Self.pipe2(&errPipe, O_CLOEXEC) == 0 else {
            throw SpawnError(description: "cannot create pipes: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        // The child sees 0, 1 and 2 and nothing else, whatever descriptor yibao or a library it uses left open
        // without close-on-exec (the results spool, a vector file being read, another child's pipes).
        _ = Self.addCloseFrom?(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        // The child starts with default signal handling, whatever the runner ignores (SIGPIPE) or handles (SIGINT,
        // SIGTERM: see `Interruption`), and with no signal blocked (they are held here while it is spawned).
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        // Spawned and recorded with SIGINT and SIGTERM held: an interruption ends its group, never misses it.
        let status = Interruption.holdingSignals {
            let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
            if status == 0 { Interruption.addGroup(pid) }
            return status
        }
        close(inPipe[0])
        close(outPipe[1])
        close(errPipe[1])
        guard status == 0 else {
            close(inPipe[1])
            close(outPipe[0])
            close(errPipe[0])
            throw SpawnError(description: "cannot start \(arguments[0]): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        self.stdin = inPipe[1]
        self.stdout = outPipe[0]
        self.stderr = errPipe[0]
        for fd in [stdin, stdout, stderr] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
    }

    // glibc declares these only for _GNU_SOURCE, which the Glibc module does not set: looked up by name.
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let pipe2Function: Pipe2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2").map {
        unsafeBitCast($0, to: Pipe2.self)
    }
    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34 and later).
    private static let addCloseFrom: AddCloseFrom? = dlsym(
        UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np"
    )
    .map { unsafeBitCast($0, to: AddCloseFrom.self) }

    /// `pipe2`, or `pipe` and then `FD_CLOEXEC` where it is missing.
    private static func pipe2(_ fds: inout [Int32], _ flags: Int32) -> Int32 {
        if let pipe2Function { return fds.withUnsafeMutableBufferPointer { pipe2Function($0.baseAddress!, flags) } }
        guard pipe(&fds) == 0 else { return -1 }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return 0
    }

    func closeStdin() {
        if stdin >= 0 {
            close(stdin)
            stdin = -1
        }
    }

    func closeStdout() {
        if stdout >= 0 {
            close(stdout)
            stdout = -1
        }
    }

    func closeStderr() {
        if stderr >= 0 {
            close(stderr)
            stderr = -1
        }
    }

    /// Reaps the child if it has ended; returns its wait status.
    @discardableResult
    func poll() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid { exitStatus = status }
        return exitStatus
    }

    /// Kills the whole process group and reaps the child.
    func kill() {
        if poll() == nil {
            _ = Glibc.kill(-pid, SIGKILL)
            _ = Glibc.kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            exitStatus = status
        } else {
            _ = Glibc.kill(-pid, SIGKILL)  // anything it left behind in its group
        }
        Interruption.removeGroup(pid)
    }

    /// Waits up to `seconds` for the child to end by itself, then kills it.
    func finish(within seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while poll() == nil && Date() < deadline { usleep(5_000) }
        kill()
        closeStdin()
        closeStdout()
        closeStderr()
    }

    /// "exited with status 3", "killed by signal 9 (SIGKILL)".
    static func describe(status: Int32) -> String {
        let signal = status & 0x7F
        if signal == 0 { return Messages.text("runner.exited", language: .en, (status >> 8) & 0xFF) }
        let name = signalNames[signal].map { " (\($0))" } ?? ""
        return Messages.text("runner.killed", language: .en, signal, name)
    }

    static let signalNames: [Int32: String] = [
        SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT",
        SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE", SIGTERM: "SIGTERM",
    ]

    deinit {
        if exitStatus == nil { kill() } else { Interruption.removeGroup(pid) }
        closeStdin()
        closeStdout()
        closeStderr()
    }
}
