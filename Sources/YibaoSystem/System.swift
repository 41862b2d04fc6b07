#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#else
    #error("yibao runs on Linux (glibc) and macOS")
#endif

/// Every system call yibao makes, in one place: the only file that imports the C library, and the only one that knows
/// where Linux (glibc) and macOS (Darwin) differ — the `posix_spawn` types and file actions, `pipe2`, `sigaction`'s
/// handler field, `environ`, `nfds_t`, the `stat` mode width. Everything else calls these thin wrappers, which retry
/// `EINTR` and report failures as `errno` codes (shown with `System.describe`).
public enum System {
    // MARK: Reading and writing

    public enum ReadResult: Equatable, Sendable {
        case data(Int)
        /// End of input (a read of 0 bytes).
        case end
        /// A non-blocking descriptor with nothing to read now.
        case wouldBlock
        case failed(Int32)
    }

    /// One `read` into `buffer`.
    public static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        while true {
            let n = cRead(fd, buffer.baseAddress, buffer.count)
            if n > 0 { return .data(n) }
            if n == 0 { return .end }
            let code = errno
            if code == EINTR { continue }
            return code == EAGAIN || code == EWOULDBLOCK ? .wouldBlock : .failed(code)
        }
    }

    public enum WriteResult: Equatable, Sendable {
        case wrote(Int)
        case wouldBlock
        case failed(Int32)
    }

    /// One `write` of (a first part of) `bytes`.
    public static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> WriteResult {
        while true {
            let n = cWrite(fd, bytes.baseAddress, bytes.count)
            if n >= 0 { return .wrote(n) }
            let code = errno
            if code == EINTR { continue }
            return code == EAGAIN || code == EWOULDBLOCK ? .wouldBlock : .failed(code)
        }
    }

    /// Writes all of `bytes` to a blocking descriptor; the `errno` that stopped it, or nil.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var done = 0
        while done < bytes.count {
            switch write(fd, UnsafeRawBufferPointer(rebasing: bytes[done...])) {
            case .wrote(let n): if n == 0 { return EIO } else { done += n }
            case .wouldBlock: continue
            case .failed(let code): return code
            }
        }
        return nil
    }

    /// Writes all of `text` to a blocking descriptor; the `errno` that stopped it, or nil.
    @discardableResult
    public static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
    }

    /// `pread`: bytes at `offset`, as many as are there up to `buffer.count`; nil on a failure.
    public static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int? {
        var got = 0
        while got < buffer.count {
            let n = pread(fd, buffer.baseAddress! + got, buffer.count - got, off_t(offset + got))
            if n > 0 { got += n } else if n < 0 && errno == EINTR { continue } else if n == 0 { break } else { return nil }
        }
        return got
    }

    /// `pwrite` of all of `bytes` at `offset`; false on a failure (a full disk).
    public static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        var written = 0
        while written < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written))
            if n > 0 { written += n } else if n < 0 && errno == EINTR { continue } else { return false }
        }
        return true
    }

    /// The offset of the first `byte` in `bytes` (`memchr`).
    @inline(__always)
    public static func find(_ byte: UInt8, in bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count > 0, let p = memchr(bytes.baseAddress!, Int32(byte), bytes.count) else { return nil }
        return bytes.baseAddress!.distance(to: UnsafeRawPointer(p))
    }

    /// Whether two byte ranges are equal (`memcmp`).
    @inline(__always)
    public static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        memcmp(a, b, count) == 0
    }

    // MARK: Files

    public static func close(_ fd: Int32) -> Bool {
        cClose(fd) == 0
    }

    public struct OpenFlags: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        public static let readOnly = OpenFlags([])
        public static let writeOnly = OpenFlags(rawValue: 1 << 0)
        public static let readWrite = OpenFlags(rawValue: 1 << 1)
        public static let create = OpenFlags(rawValue: 1 << 2)
        /// With `create`: fails if the path exists.
        public static let exclusive = OpenFlags(rawValue: 1 << 3)
        public static let append = OpenFlags(rawValue: 1 << 4)
        /// Fails on a symlink rather than follow it.
        public static let noFollow = OpenFlags(rawValue: 1 << 5)
        public static let nonBlocking = OpenFlags(rawValue: 1 << 6)
        /// A terminal opened does not become the controlling one.
        public static let noControllingTerminal = OpenFlags(rawValue: 1 << 7)

        var native: Int32 {
            var flags = O_CLOEXEC  // always: no child inherits a file of ours
            flags |= contains(.readWrite) ? O_RDWR : contains(.writeOnly) ? O_WRONLY : O_RDONLY
            if contains(.create) { flags |= O_CREAT }
            if contains(.exclusive) { flags |= O_EXCL }
            if contains(.append) { flags |= O_APPEND }
            if contains(.noFollow) { flags |= O_NOFOLLOW }
            if contains(.nonBlocking) { flags |= O_NONBLOCK }
            if contains(.noControllingTerminal) { flags |= O_NOCTTY }
            return flags
        }
    }

    /// `open`, always close-on-exec; the descriptor or the `errno`.
    public static func open(_ path: String, _ flags: OpenFlags, mode: UInt32 = 0o666) -> Result<Int32, Failure> {
        while true {
            let fd = cOpen(path, flags.native, mode_t(mode))
            if fd >= 0 { return .success(fd) }
            if errno != EINTR { return .failure(Failure(code: errno)) }
        }
    }

    /// A failed call's `errno`.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var code: Int32
        public init(code: Int32) { self.code = code }
        public var description: String { System.describe(code) }
        public var isNotFound: Bool { code == ENOENT }
        public var alreadyExists: Bool { code == EEXIST }
    }

    /// What a path or descriptor is.
    public struct FileStatus: Sendable {
        public enum Kind: Sendable { case regular, directory, symlink, fifo, characterDevice, blockDevice, socket, other }
        public var kind: Kind
        public var size: Int
        /// The permission bits (`0o7777` at most).
        public var permissions: UInt32

        init(_ info: stat) {
            switch info.st_mode & S_IFMT {
            case S_IFREG: kind = .regular
            case S_IFDIR: kind = .directory
            case S_IFLNK: kind = .symlink
            case S_IFIFO: kind = .fifo
            case S_IFCHR: kind = .characterDevice
            case S_IFBLK: kind = .blockDevice
            case S_IFSOCK: kind = .socket
            default: kind = .other
            }
            size = Int(info.st_size)
            permissions = UInt32(info.st_mode) & 0o7777
        }
    }

    /// `stat`, or `lstat` when a symlink is not to be followed.
    public static func status(_ path: String, followSymlinks: Bool = true) -> Result<FileStatus, Failure> {
        var info = stat()
        guard (followSymlinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return .failure(Failure(code: errno)) }
        return .success(FileStatus(info))
    }

    /// `fstat`.
    public static func status(_ fd: Int32) -> Result<FileStatus, Failure> {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(code: errno)) }
        return .success(FileStatus(info))
    }

    /// Where a symlink points.
    public static func readLink(_ path: String) -> Result<String, Failure> {
        var raw = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &raw, raw.count - 1)
        guard n > 0 else { return .failure(Failure(code: errno)) }
        return .success(String(decoding: raw[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// Whether `fd` is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool {
        isatty(fd) != 0
    }

    public static func setPermissions(_ fd: Int32, _ permissions: UInt32) {
        _ = fchmod(fd, mode_t(permissions & 0o7777))
    }

    /// The process's file-creation mask (read without changing it for good).
    public static func creationMask() -> UInt32 {
        let mask = umask(0)
        umask(mask)
        return UInt32(mask)
    }

    public static func rename(_ from: String, to: String) -> Failure? {
        cRename(from, to) == 0 ? nil : Failure(code: errno)
    }

    @discardableResult
    public static func unlink(_ path: String) -> Bool {
        cUnlink(path) == 0
    }

    /// `unlink` of a C string: safe in a signal handler.
    public static func unlink(_ path: UnsafePointer<CChar>) {
        _ = cUnlink(path)
    }

    /// `strerror`: "No such file or directory".
    public static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    public static let notFound = ENOENT
    public static let wouldBlock = EAGAIN
    public static let tooManyLinks = ELOOP
    public static let ioError = EIO

    // MARK: Processes

    /// A started child: its pid (also its process group) and our ends of its standard input, output and error, all
    /// non-blocking and close-on-exec.
    public struct Spawned: Sendable {
        public var pid: Int32
        public var stdin: Int32
        public var stdout: Int32
        public var stderr: Int32
    }

    /// Why a spawn failed: making the pipes (out of descriptors) or starting the program (not found, not executable).
    public struct SpawnFailure: Error, Sendable {
        public enum Step: Sendable { case pipes, spawn }
        public var step: Step
        public var error: Failure
    }

    /// Starts `arguments` (`PATH` searched) in a process group of its own, on three new pipes, with default signal
    /// handling and no signal blocked, and no descriptor of ours but 0, 1 and 2. `registered` runs with the pid right
    /// after the spawn (the caller holds signals meanwhile: see `Interruption`).
    public static func spawn(_ arguments: [String], registered: (Int32) -> Void) -> Result<Spawned, SpawnFailure> {
        precondition(!arguments.isEmpty)
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        // Close-on-exec from the start: another worker's child, spawned meanwhile, must not inherit these.
        guard makePipe(&inPipe), makePipe(&outPipe), makePipe(&errPipe) else {
            let code = errno
            for fd in inPipe + outPipe + errPipe where fd >= 0 { _ = cClose(fd) }
            return .failure(SpawnFailure(step: .pipes, error: Failure(code: code)))
        }
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        // The child starts with default signal handling, whatever the runner ignores (SIGPIPE) or handles (SIGINT,
        // SIGTERM), and with no signal blocked.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGPIPE, SIGINT, SIGTERM] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        // The child sees 0, 1 and 2 and nothing else, whatever descriptor a library left open without close-on-exec.
        #if canImport(Darwin)
            flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
            let environment = _NSGetEnviron()!.pointee
        #else
            _ = addCloseFrom.map { $0(&actions, 3) }
            let environment = environ
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environment)
        if status == 0 { registered(pid) }
        _ = cClose(inPipe[0])
        _ = cClose(outPipe[1])
        _ = cClose(errPipe[1])
        guard status == 0 else {
            for fd in [inPipe[1], outPipe[0], errPipe[0]] { _ = cClose(fd) }
            return .failure(SpawnFailure(step: .spawn, error: Failure(code: status)))
        }
        for fd in [inPipe[1], outPipe[0], errPipe[0]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        return .success(Spawned(pid: pid, stdin: inPipe[1], stdout: outPipe[0], stderr: errPipe[0]))
    }

    /// A close-on-exec pipe: `pipe2` where there is one, else `pipe` and `FD_CLOEXEC` (with spawns held meanwhile
    /// only by the caller's single thread of spawning — macOS has no `pipe2`).
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        #if !canImport(Darwin)
            if let pipe2Function { return fds.withUnsafeMutableBufferPointer { pipe2Function($0.baseAddress!, O_CLOEXEC) } == 0 }
        #endif
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    #if !canImport(Darwin)
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
    #endif

    /// `waitpid`: the wait status if `pid` has ended (reaped now), nil if it still runs. `blocking` waits for the end.
    public static func wait(_ pid: Int32, blocking: Bool) -> Int32? {
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if r == pid { return status }
            if r < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// SIGKILL to process group `pgid` (safe in a signal handler).
    public static func killGroup(_ pgid: Int32) {
        _ = cKill(-pgid, SIGKILL)
    }

    /// SIGKILL to process `pid`.
    public static func kill(_ pid: Int32) {
        _ = cKill(pid, SIGKILL)
    }

    /// "SIGKILL" for 9: the name of a signal that ends a process, nil for one without a name here.
    public static func signalName(_ signal: Int32) -> String? {
        signalNames[signal]
    }

    static let signalNames: [Int32: String] = [
        SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT",
        SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE", SIGTERM: "SIGTERM",
    ]

    /// Ends this process at once, without flushing or atexit handlers (safe in a signal handler).
    public static func exitNow(_ code: Int32) -> Never {
        _exit(code)
    }

    /// Ends this process, running the atexit handlers.
    public static func exit(_ code: Int32) -> Never {
        cExit(code)
    }

    /// Runs `handler` when the process exits normally (`atexit`).
    public static func atExit(_ handler: @convention(c) () -> Void) {
        atexit(handler)
    }

    /// Flushes every stdio output stream (what `print` buffered); the `errno` of a failure (EIO if none was set).
    public static func flushStandardStreams() -> Int32? {
        errno = 0
        guard fflush(nil) != 0 else { return nil }
        return errno == 0 ? EIO : errno
    }

    public static func sleep(seconds: Double) {
        usleep(UInt32(max(0, min(seconds, 4000)) * 1_000_000))
    }

    // MARK: Waiting on descriptors

    /// One descriptor to `poll`: readable (`.read`) or writable (`.write`); `ready` after the call.
    public struct PollEntry: Sendable {
        public enum Interest: Sendable { case read, write }
        public var fd: Int32
        public var interest: Interest
        public var ready = false
        public init(fd: Int32, _ interest: Interest) {
            self.fd = fd
            self.interest = interest
        }
    }

    /// `poll`: waits until one of `entries` is ready (an error or hang-up counts as ready) or `milliseconds` pass
    /// (-1: no limit). The number ready (0 at the timeout), or nil on a failure.
    public static func poll(_ entries: inout [PollEntry], milliseconds: Int32) -> Int? {
        var fds = entries.map { pollfd(fd: $0.fd, events: Int16($0.interest == .read ? POLLIN : POLLOUT), revents: 0) }
        while true {
            let r = cPoll(&fds, nfds_t(fds.count), milliseconds)
            if r < 0 && errno == EINTR { continue }
            guard r >= 0 else { return nil }
            for k in entries.indices { entries[k].ready = fds[k].revents != 0 }
            return Int(r)
        }
    }

    /// Ends a write to a pipe whose reader has gone with `EPIPE` rather than a SIGPIPE that kills this process.
    public static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    // MARK: Signals

    /// The two signals that interrupt a run: SIGINT (Ctrl-C) and SIGTERM.
    public enum Interrupt: Sendable {
        case interrupt
        case terminate

        public init?(signal: Int32) {
            switch signal {
            case SIGINT: self = .interrupt
            case SIGTERM: self = .terminate
            default: return nil
            }
        }

        public var number: Int32 { self == .interrupt ? SIGINT : SIGTERM }
    }

    /// Installs `handler` for SIGINT and SIGTERM (each blocking both while it runs) and unblocks them on this thread.
    public static func handleInterrupts(_ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = handler
        #else
            action.__sigaction_handler.sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        sigaddset(&action.sa_mask, SIGINT)
        sigaddset(&action.sa_mask, SIGTERM)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        var unblock = interruptSet()
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Runs `body` with SIGINT and SIGTERM blocked on this thread.
    public static func holdingInterrupts<T>(_ body: () throws -> T) rethrows -> T {
        var block = interruptSet(), old = sigset_t()
        pthread_sigmask(SIG_BLOCK, &block, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        return try body()
    }

    private static func interruptSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }

    /// Writes a fixed message to standard error (safe in a signal handler).
    public static func writeToStandardError(_ message: StaticString) {
        _ = cWrite(2, message.utf8Start, message.utf8CodeUnitCount)
    }

    /// Sends `signal` to this process (tests of the handlers).
    public static func raise(_ signal: Interrupt) {
        _ = cKill(getpid(), signal.number)
    }

    /// A mutex for tables a signal handler reads (taken only with the signals held).
    public final class Lock: @unchecked Sendable {
        private let mutex: UnsafeMutablePointer<pthread_mutex_t>

        public init() {
            mutex = .allocate(capacity: 1)
            mutex.initialize(to: pthread_mutex_t())
            pthread_mutex_init(mutex, nil)
        }

        deinit {
            pthread_mutex_destroy(mutex)
            mutex.deallocate()
        }

        public func locked<T>(_ body: () throws -> T) rethrows -> T {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return try body()
        }
    }
}

// The C functions under names of their own, so that `System.read` and friends can call them without qualifying the
// module (`Glibc.read` would not compile on macOS).
@inline(__always) private func cRead(_ fd: Int32, _ p: UnsafeMutableRawPointer?, _ n: Int) -> Int { read(fd, p, n) }
@inline(__always) private func cWrite(_ fd: Int32, _ p: UnsafeRawPointer?, _ n: Int) -> Int { write(fd, p, n) }
@inline(__always) private func cClose(_ fd: Int32) -> Int32 { close(fd) }
@inline(__always) private func cOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
@inline(__always) private func cRename(_ a: String, _ b: String) -> Int32 { rename(a, b) }
@inline(__always) private func cUnlink(_ path: UnsafePointer<CChar>) -> Int32 { unlink(path) }
@inline(__always) private func cKill(_ pid: pid_t, _ signal: Int32) -> Int32 { kill(pid, signal) }
@inline(__always) private func cExit(_ code: Int32) -> Never { exit(code) }
@inline(__always) private func cPoll(_ fds: UnsafeMutablePointer<pollfd>, _ n: nfds_t, _ ms: Int32) -> Int32 { poll(fds, n, ms) }
