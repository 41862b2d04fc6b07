import YibaoSystem

/// SIGINT and SIGTERM (Ctrl-C to the process group, a CI job cancelled, `kill`): yibao ends the process groups of the
/// implementations it started (each runs in its own group, so a terminal's Ctrl-C never reaches them by itself), removes
/// the temporary file of a report being written (the report at `--output` is then the old one or none, never half of
/// one), says so on stderr and exits 130 (SIGINT) or 143 (SIGTERM).
///
/// The handler does only what is safe in a signal handler: it reads fixed tables of process groups and paths that
/// were filled in with the signals blocked, calls `kill`, `unlink` and `write`, and `_exit`s.
public enum Interruption {
    /// Slots for live process groups (0: free) and for temporary report paths (nil: free).
    private static let groupSlots = 1024
    private static let pathSlots = 16
    nonisolated(unsafe) private static let groups: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: groupSlots)
        p.initialize(repeating: 0, count: groupSlots)
        return p
    }()
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: pathSlots)
        p.initialize(repeating: nil, count: pathSlots)
        return p
    }()

    /// Installs the handler for SIGINT and SIGTERM and unblocks them (once, first thing, before any other thread or
    /// child is started: both inherit this thread's mask). Ignored or blocked by the parent, they are caught all the same.
    public static func install() {
        _ = groups
        _ = paths
        // Whatever the parent left blocked (a test runner, a supervisor): these two must arrive (unblocked here).
        System.handleInterrupts { signal in Interruption.handle(signal) }
    }

    /// Runs `body` with SIGINT and SIGTERM held back on this thread: a registration is then never half made when the
    /// handler runs (a child started but not yet in the table would outlive yibao).
    public static func holdingSignals<T>(_ body: () throws -> T) rethrows -> T {
        try System.holdingInterrupts(body)
    }

    private static let lock = TableLock()

    /// Records a process group to end on interruption (call with the signals held: `holdingSignals`).
    public static func addGroup(_ pgid: Int32) {
        lock.locked {
            for i in 0..<groupSlots where groups[i] == 0 {
                groups[i] = pgid
                return
            }
        }
    }

    public static func removeGroup(_ pgid: Int32) {
        holdingSignals {
            lock.locked {
                for i in 0..<groupSlots where groups[i] == pgid { groups[i] = 0 }
            }
        }
    }

    /// Records a temporary file to remove on interruption.
    public static func addPath(_ path: String) {
        holdingSignals {
            lock.locked {
                for i in 0..<pathSlots where paths[i] == nil {
                    let bytes = path.utf8CString
                    let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
                    bytes.withUnsafeBufferPointer { copy.initialize(from: $0.baseAddress!, count: bytes.count) }
                    paths[i] = copy
                    return
                }
            }
        }
    }

    public static func removePath(_ path: String) {
        holdingSignals {
            lock.locked {
                for i in 0..<pathSlots {
                    if let p = paths[i], String(cString: p) == path {
                        paths[i] = nil
                        p.deallocate()
                    }
                }
            }
        }
    }

    private static func handle(_ signal: Int32) {
        for i in 0..<groupSlots where groups[i] > 0 { System.killGroup(groups[i]) }
        for i in 0..<pathSlots { if let p = paths[i] { System.unlink(UnsafePointer(p)) } }
        let interrupt = System.Interrupt(signal: signal) == .interrupt
        System.writeToStandardError(
            interrupt
                ? "\nyibao: interrupted (SIGINT); the implementation's processes were ended, no report was written\n"
                : "yibao: terminated (SIGTERM); the implementation's processes were ended, no report was written\n")
        System.exitNow(128 + signal)
    }
}

/// A tiny lock for the tables: taken only with the signals held, so the handler never waits on it.
private typealias TableLock = System.Lock
