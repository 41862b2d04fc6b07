import Foundation

/// Cuts a large vector file into pieces that libyaml can parse in parallel, each piece a YAML document of its own
/// (`vectors:` and a run of items) loaded with the line number it starts at in the file, so every mark and every
/// error points into the real file.
///
/// A file qualifies only when its shape makes the cut safe: one document, `vectors:` at column 0 as the last
/// top-level key, followed to the end of the file by a block sequence whose items start at one indentation.
/// Anything else (and any piece that then fails to parse on its own, e.g. an alias to an anchor in another piece)
/// is loaded whole, so the pieces never change what lint reports.
enum VectorFileSplitter {
    struct Pieces {
        /// The file up to and including the `vectors:` line: the top-level keys.
        var header: [UInt8]
        /// Each piece and the file line its first line (`vectors:`, just above its first item) stands for.
        var documents: [(bytes: [UInt8], firstLine: Int)]
    }

    /// Files smaller than this are loaded whole.
    static let minimumSize = 1 << 20

    static func split(file: String, pieces: Int = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)) -> Pieces? {
        guard let data = FileManager.default.contents(atPath: file), data.count >= minimumSize else { return nil }
        return split(Array(data), pieces: pieces)
    }

    static func split(_ bytes: [UInt8], pieces: Int) -> Pieces? {
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), dash = UInt8(ascii: "-"), hash = UInt8(ascii: "#")
        guard let first = bytes.first, first != UInt8(ascii: "%"), first != 0xEF else { return nil }
        let vectorsKey = Array("vectors:".utf8)

        var itemStarts: [(offset: Int, line: Int)] = []
        var headerEnd: Int?
        var itemIndent: Int?
        var lineStart = 0
        var line = 1
        let ok = bytes.withUnsafeBufferPointer { buffer -> Bool in
            let base = buffer.baseAddress!
            while lineStart < buffer.count {
                let end: Int
                if let p = memchr(base + lineStart, Int32(newline), buffer.count - lineStart) {
                    end = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                } else {
                    end = buffer.count
                }
                defer {
                    lineStart = end + 1
                    line += 1
                }
                var n = 0
                while lineStart + n < end && buffer[lineStart + n] == space { n += 1 }
                let blank = lineStart + n >= end || buffer[lineStart + n] == UInt8(ascii: "\r")
                if blank || buffer[lineStart + n] == hash { continue }
                let c = buffer[lineStart + n]
                if c == UInt8(ascii: "\t") { return false }
                guard headerEnd != nil else {
                    if n == 0 && c == dash { return false }  // a document marker or a top-level sequence
                    if n == 0 && end - lineStart >= vectorsKey.count
                        && Array(buffer[lineStart..<(lineStart + vectorsKey.count)]) == vectorsKey
                    {
                        let rest = buffer[(lineStart + vectorsKey.count)..<end]
                        guard rest.allSatisfy({ $0 == space || $0 == UInt8(ascii: "\r") }) else { return false }
                        headerEnd = min(end + 1, buffer.count)
                    }
                    continue
                }
                let isItem = c == dash && (lineStart + n + 1 >= end || buffer[lineStart + n + 1] == space
                                           || buffer[lineStart + n + 1] == UInt8(ascii: "\r"))
                if let indent = itemIndent {
                    if n < indent { return false }
                    if n == indent {
                        guard isItem else { return false }
                        itemStarts.append((lineStart, line))
                    }
                } else {
                    guard isItem else { return false }
                    itemIndent = n
                    itemStarts.append((lineStart, line))
                }
            }
            return true
        }
        guard ok, let headerEnd, itemStarts.count >= 2 else { return nil }

        // Cut at the item starts nearest to equal shares of the bytes.
        let count = min(pieces, itemStarts.count)
        var cuts: [Int] = [0]  // indices into itemStarts
        let body = bytes.count - itemStarts[0].offset
        for k in 1..<count {
            let target = itemStarts[0].offset + body * k / count
            var lo = cuts.last! + 1, hi = itemStarts.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if itemStarts[mid].offset < target { lo = mid + 1 } else { hi = mid }
            }
            if lo > cuts.last! && lo < itemStarts.count { cuts.append(lo) }
        }
        var documents: [(bytes: [UInt8], firstLine: Int)] = []
        for (k, cut) in cuts.enumerated() {
            let start = itemStarts[cut]
            let end = k + 1 < cuts.count ? itemStarts[cuts[k + 1]].offset : bytes.count
            var document: [UInt8] = []
            document.reserveCapacity(9 + end - start.offset)
            document += vectorsKey
            document.append(newline)
            document += bytes[start.offset..<end]
            documents.append((document, start.line - 1))
        }
        return Pieces(header: Array(bytes[0..<headerEnd]), documents: documents)
    }
}
