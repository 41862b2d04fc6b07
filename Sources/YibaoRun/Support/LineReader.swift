import YibaoSuite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads `\n`-terminated lines from a file descriptor with plain POSIX `read`, bounding each line's length.
struct LineReader {
    enum Line {
        case line([UInt8])
        /// A line longer than the limit: its first bytes, the rest discarded.
        case tooLong(prefix: [UInt8], length: Int)
    }

    let fd: Int32
    let maxLength: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next newline resumes (everything before it has been searched).
    private var scanned = 0
    private var eof = false
    private var discarding: (prefix: [UInt8], length: Int)?
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    init(fd: Int32, maxLength: Int = 16 << 20) {
        self.fd = fd
        self.maxLength = maxLength
    }

    /// Whether a whole line is already buffered, so that `next()` returns without waiting for input.
    var hasBufferedLine: Bool {
        buffer[max(start, scanned)...].contains(0x0A)
    }

    /// The next line without its terminator; nil at end of input (a last unterminated line is returned first).
    mutating func next() -> Line? {
        while true {
            if let newline = buffer[max(start, scanned)...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                scanned = start
                if let d = discarding {
                    discarding = nil
                    return .tooLong(prefix: d.prefix, length: d.length + line.count)
                }
                return .line(line)
            }
            if buffer.count - start > maxLength {
                // Keep a prefix for evidence, drop the rest until the newline.
                let pending = buffer.count - start
                if discarding == nil { discarding = (Array(buffer[start..<(start + 4096)]), 0) }
                discarding!.length += pending
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            }
            scanned = buffer.count
            if eof {
                if start < buffer.count || discarding != nil {
                    let rest = Array(buffer[start...])
                    buffer.removeAll()
                    start = 0
                    scanned = 0
                    if let d = discarding {
                        discarding = nil
                        return .tooLong(prefix: d.prefix, length: d.length + rest.count)
                    }
                    return .line(rest)
                }
                return nil
            }
            if start > 0 && start * 2 > buffer.count {
                buffer.removeFirst(start)
                scanned -= start
                start = 0
            }
            fill()
        }
    }

    /// Reads what is there (up to 64 KiB) into the buffer. The read goes into a chunk kept between calls and is then
    /// appended: growing the buffer by 64 KiB of zeros and cutting it back on every read cost ~80 ms per line in a
    /// debug build, which a client sending one request at a time waited for on every line.
    private mutating func fill() {
        var n = 0
        chunk.withUnsafeMutableBytes { raw in
            repeat { n = read(fd, raw.baseAddress!, raw.count) } while n < 0 && errno == EINTR
        }
        if n <= 0 {
            eof = true
            return
        }
        buffer.append(contentsOf: chunk[0..<n])
    }
}

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
        return pending.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }
}
