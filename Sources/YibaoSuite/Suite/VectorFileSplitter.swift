import Foundation

/// Cuts a large vector file into pieces that libyaml can parse on their own, each piece a YAML document of its own
/// (`vectors:` and a run of items) loaded with the line number it starts at in the file, so every mark and every
/// error points into the real file. The pieces are checked on every core (lint), or one batch after another so that
/// a run never holds more than a few pieces of the suite (a streamed run).
///
/// A file qualifies only when its shape makes the cut safe: one document, `vectors:` at column 0 as the last
/// top-level key, followed to the end of the file by a block sequence whose items start at one indentation.
/// Anything else (and any piece that then fails to parse on its own, e.g. an alias to an anchor in another piece)
/// is loaded whole, so the pieces never change what lint reports.
///
/// The file is scanned in blocks, never held whole: the pieces are byte ranges, read when they are checked.
enum VectorFileSplitter {
    struct Pieces {
        /// The file up to and including the `vectors:` line: the top-level keys.
        var header: [UInt8]
        var pieces: [Piece]
    }

    /// A run of whole items: bytes `range` of the file, standing for file lines from `firstLine + 1` on.
    struct Piece: Sendable {
        var range: Range<Int>
        /// The line a `vectors:` key put just above the piece's first item stands for.
        var firstLine: Int
    }

    /// Files smaller than this are loaded whole.
    static let minimumSize = 1 << 20
    /// Pieces are cut at about `size / pieces` bytes, but never larger than this (a streamed run holds a few at once).
    static let maximumPieceSize = 512 << 10
    static let blockSize = 1 << 20

    static func split(file: String, pieces: Int = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)) -> Pieces? {
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size >= UInt64(minimumSize), (try? handle.seek(toOffset: 0)) != nil else {
            return nil
        }
        let target = max(64 << 10, min(maximumPieceSize, Int(size) / max(1, pieces)))
        var scanner = Scanner(target: target)
        var carry: [UInt8] = []
        var carryOffset = 0
        while true {
            let block: Data?
            do { block = try handle.read(upToCount: blockSize) } catch { return nil }
            guard let data = block, !data.isEmpty else { break }  // the end of the file
            carry.append(contentsOf: data)
            // Every complete line of what has been read; the rest waits for the next block.
            let consumed = carry.withUnsafeBufferPointer { scanner.scan($0, at: carryOffset, final: false) }
            guard let consumed else { return nil }
            carry.removeFirst(consumed)
            carryOffset += consumed
            if scanner.headerEnd == nil && carryOffset > minimumSize { return nil }  // no `vectors:` near the top
        }
        if !carry.isEmpty {
            guard carry.withUnsafeBufferPointer({ scanner.scan($0, at: carryOffset, final: true) }) != nil else { return nil }
        }
        guard let (headerEnd, cut) = scanner.finish(end: carryOffset + carry.count),
            (try? handle.seek(toOffset: 0)) != nil, let headerData = try? handle.read(upToCount: headerEnd),
            headerData.count == headerEnd
        else { return nil }
        return Pieces(header: Array(headerData), pieces: cut)
    }

    /// The cut of bytes in memory, in pieces of about `target` bytes (whatever their size).
    static func split(_ bytes: [UInt8], target: Int) -> Pieces? {
        var scanner = Scanner(target: target)
        guard bytes.withUnsafeBufferPointer({ scanner.scan($0, at: 0, final: true) }) != nil,
            let (headerEnd, cut) = scanner.finish(end: bytes.count)
        else { return nil }
        return Pieces(header: Array(bytes[..<headerEnd]), pieces: cut)
    }

    /// The piece as a YAML document: `vectors:` and the piece's items. Nil when the file cannot be read.
    static func read(_ piece: Piece, of file: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(piece.range.lowerBound))) != nil,
            let data = try? handle.read(upToCount: piece.range.count), data.count == piece.range.count
        else { return nil }
        var document: [UInt8] = []
        document.reserveCapacity(9 + data.count)
        document += "vectors:\n".utf8
        document += data
        return document
    }

    /// The line-by-line state of the cut: the header's end, the items' indentation, the pieces so far.
    struct Scanner {
        let target: Int
        var line = 1
        var headerEnd: Int?
        var itemIndent: Int?
        var pieces: [Piece] = []
        /// The piece being filled (its upper bound not yet known).
        var current: Piece?

        init(target: Int) { self.target = target }

        /// Examines every complete line of `buffer` (the file's bytes from `base` on; with `final`, the last line
        /// needs no newline). Returns how many bytes were consumed, or nil when the file's shape rules out a cut.
        mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, at base: Int, final: Bool) -> Int? {
            let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), dash = UInt8(ascii: "-"), hash = UInt8(ascii: "#")
            let cr = UInt8(ascii: "\r")
            guard let start = buffer.baseAddress, !buffer.isEmpty else { return 0 }
            if base == 0 && (buffer[0] == UInt8(ascii: "%") || buffer[0] == 0xEF) { return nil }
            var lineStart = 0
            while lineStart < buffer.count {
                let end: Int
                if let p = memchr(start + lineStart, Int32(newline), buffer.count - lineStart) {
                    end = start.distance(to: p.assumingMemoryBound(to: UInt8.self))
                } else if final {
                    end = buffer.count
                } else {
                    return lineStart
                }
                defer {
                    lineStart = end + 1
                    line += 1
                }
                var n = 0
                while lineStart + n < end && buffer[lineStart + n] == space { n += 1 }
                let blank = lineStart + n >= end || buffer[lineStart + n] == cr
                if blank || buffer[lineStart + n] == hash { continue }
                let c = buffer[lineStart + n]
                if c == UInt8(ascii: "\t") { return nil }
                guard headerEnd != nil else {
                    if n == 0 && c == dash { return nil }  // a document marker or a top-level sequence
                    if n == 0 && end - lineStart >= 8 && memcmp(start + lineStart, "vectors:", 8) == 0 {
                        var k = lineStart + 8
                        while k < end && (buffer[k] == space || buffer[k] == cr) { k += 1 }
                        guard k == end else { return nil }
                        headerEnd = base + min(end + 1, buffer.count)
                    }
                    continue
                }
                let isItem = c == dash && (lineStart + n + 1 >= end || buffer[lineStart + n + 1] == space
                                           || buffer[lineStart + n + 1] == cr)
                if let indent = itemIndent {
                    if n < indent { return nil }
                    if n == indent {
                        guard isItem else { return nil }
                        itemStart(at: base + lineStart)
                    }
                } else {
                    guard isItem else { return nil }
                    itemIndent = n
                    itemStart(at: base + lineStart)
                }
            }
            return buffer.count
        }

        /// The header's end and the pieces, the last one ending at `end`; nil when there is nothing to cut.
        func finish(end: Int) -> (Int, [Piece])? {
            guard let headerEnd, let last = current else { return nil }
            let cut = pieces + [Piece(range: last.range.lowerBound..<end, firstLine: last.firstLine)]
            return cut.count >= 2 ? (headerEnd, cut) : nil
        }

        /// An item begins at `offset` (on line `line`): the piece being filled ends here once it holds enough.
        private mutating func itemStart(at offset: Int) {
            guard let piece = current else {
                current = Piece(range: offset..<offset, firstLine: line - 1)
                return
            }
            if offset - piece.range.lowerBound >= target {
                pieces.append(Piece(range: piece.range.lowerBound..<offset, firstLine: piece.firstLine))
                current = Piece(range: offset..<offset, firstLine: line - 1)
            }
        }
    }
}
