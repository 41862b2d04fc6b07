import YibaoSystem

/// Splits what is read from a file descriptor into `\n`-terminated lines (a `\r` before the `\n` dropped), each at
/// most `maxLength` bytes: the one framer of the protocol's JSON lines, for the runner reading an implementation's
/// answers and for `serve` reading requests.
///
/// Reads go straight into the buffer's free space (no copy through a chunk), and a line is handed out as a slice of the
/// buffer, valid until the next `read`. Memory is bounded: past `maxLength` bytes without a newline the framer keeps a
/// prefix for evidence and drops the rest up to the newline, which then comes out as `tooLong`.
struct LineFramer {
    enum Frame {
        case line(ArraySlice<UInt8>)
        /// A line longer than the limit: its first bytes (at most `evidenceBytes`), and its whole length.
        case tooLong(prefix: [UInt8], length: Int)
    }

    /// How much of an overlong line is kept to show.
    static let evidenceBytes = 4096
    /// The least free space a read is given.
    static let readBytes = 1 << 16

    let maxLength: Int
    /// Bytes `start..<end` are read and not yet framed; `end..<buffer.count` is free space.
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// Where the search for the next newline resumes (everything before it has been searched).
    private var scanned = 0
    private var discarding: (prefix: [UInt8], length: Int)?
    /// The input has ended (a read returned 0 or failed).
    private(set) var atEnd = false

    init(maxLength: Int = 16 << 20) {
        self.maxLength = maxLength
        buffer = [UInt8](repeating: 0, count: Self.readBytes)
    }

    /// Whether a whole line is already buffered, so that `next()` gives it without another read.
    var hasLine: Bool {
        newline(from: max(start, scanned)) != nil
    }

    /// The next line, or nil when none is whole yet (then `read`, unless `atEnd`). At the end of input a last
    /// unterminated line comes out first.
    mutating func next() -> Frame? {
        if let nl = newline(from: max(start, scanned)) {
            var lineEnd = nl
            if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let lineStart = start
            start = nl + 1
            scanned = start
            if let d = discarding {
                discarding = nil
                return .tooLong(prefix: d.prefix, length: d.length + (lineEnd - lineStart))
            }
            if lineEnd - lineStart > maxLength {
                return .tooLong(
                    prefix: Array(buffer[lineStart..<min(lineEnd, lineStart + Self.evidenceBytes)]), length: lineEnd - lineStart)
            }
            return .line(buffer[lineStart..<lineEnd])
        }
        scanned = end
        if end - start > maxLength {
            // Over the limit with no newline yet: keep the evidence, drop the bytes.
            if discarding == nil { discarding = (Array(buffer[start..<min(end, start + Self.evidenceBytes)]), 0) }
            discarding!.length += end - start
            start = 0
            end = 0
            scanned = 0
        }
        if atEnd && (start < end || discarding != nil) {
            let rest = buffer[start..<end]
            start = end
            scanned = end
            if let d = discarding {
                discarding = nil
                return .tooLong(prefix: d.prefix, length: d.length + rest.count)
            }
            return .line(rest)
        }
        return nil
    }

    /// One read from `fd` into the free space. `.data(n)`; `.end` (also on a failed read: the input is over);
    /// `.wouldBlock` for a non-blocking descriptor with nothing to read.
    mutating func read(from fd: Int32) -> System.ReadResult {
        makeRoom()
        let result = buffer.withUnsafeMutableBytes { raw in
            System.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
        }
        switch result {
        case .data(let n): end += n
        case .end, .failed: atEnd = true
        case .wouldBlock: break
        }
        return result
    }

    /// Moves the unframed bytes to the front when that frees enough, else grows the buffer, so that a read has at least
    /// `readBytes` of room. The buffer stays under twice `maxLength` plus a read: beyond `maxLength` unframed bytes
    /// `next()` discards.
    private mutating func makeRoom() {
        if start == end {
            start = 0
            end = 0
            scanned = 0
        }
        if buffer.count - end >= Self.readBytes { return }
        let (from, count) = (start, end - start)
        if buffer.count - count >= Self.readBytes {
            buffer.withUnsafeMutableBytes { raw in raw.baseAddress!.copyMemory(from: raw.baseAddress! + from, byteCount: count) }
        } else {
            // A bigger buffer with the unframed bytes at its front, not zero-filled first: the free space is only ever
            // read into (appending zeros element by element cost seconds for a 16 MiB line in a debug build).
            let size = buffer.count + max(Self.readBytes, min(buffer.count, maxLength))
            buffer = [UInt8](unsafeUninitializedCapacity: size) { new, initialized in
                buffer.withUnsafeBytes { old in
                    UnsafeMutableRawBufferPointer(new).copyMemory(from: UnsafeRawBufferPointer(rebasing: old[from..<(from + count)]))
                }
                initialized = size
            }
        }
        scanned = max(scanned, from) - from
        end = count
        start = 0
    }

    /// The index of the next newline at or after `from` in the unframed bytes (memchr speed: this is the hot loop).
    private func newline(from: Int) -> Int? {
        guard from < end else { return nil }
        return buffer.withUnsafeBytes { raw in
            System.find(0x0A, in: UnsafeRawBufferPointer(rebasing: raw[from..<end])).map { from + $0 }
        }
    }
}
