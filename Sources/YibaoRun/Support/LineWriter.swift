import YibaoSystem

/// Writes whole lines to a file descriptor. Lines are collected and written together by `flush()` (retried until
/// complete): a server flushes before it waits for more input, so a client sending one request at a time gets each
/// answer at once, and one sending many ahead gets them in a few writes rather than one system call a line.
struct LineWriter {
    let fd: Int32
    private var pending: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
    }

    /// Adds a line (the newline is added here); written at the latest when 64 KiB are pending.
    @discardableResult
    mutating func append(_ line: String) -> Bool {
        pending.append(contentsOf: line.utf8)
        pending.append(0x0A)
        return pending.count < 1 << 16 || flush()
    }

    /// Writes what is pending; false when the other side has gone away.
    mutating func flush() -> Bool {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending.withUnsafeBytes { System.writeAll(fd, $0) } == nil
    }
}
