import Foundation
import Testing

@testable import YibaoRun

/// The one line framer of the protocol (the runner's reading of answers, `serve`'s reading of requests), over a real
/// pipe: lines cut at `\n` with a `\r` before it dropped, a last unterminated line kept, and a line over the cap given
/// as `tooLong` with its whole length and a bounded prefix, the lines after it still framed.
@Suite struct LineFramerTests {
    /// Every frame `bytes` gives, written into a real pipe in `chunk`-sized writes from another thread.
    static func frames(_ bytes: [UInt8], maxLength: Int, chunk: Int = 1000) -> [LineFramer.Frame] {
        let pipe = Pipe()
        let writer = Thread {
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + chunk)
                pipe.fileHandleForWriting.write(Data(bytes[offset..<end]))
                offset = end
            }
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        var framer = LineFramer(maxLength: maxLength)
        var frames: [LineFramer.Frame] = []
        while true {
            if let frame = framer.next() {
                frames.append(frame)
                continue
            }
            if framer.atEnd { break }
            _ = framer.read(from: pipe.fileHandleForReading.fileDescriptor)
        }
        return frames
    }

    static func lines(_ frames: [LineFramer.Frame]) -> [String] {
        frames.map { frame in
            switch frame {
            case .line(let bytes): String(decoding: bytes, as: UTF8.self)
            case .tooLong(let prefix, let length): "tooLong(\(prefix.count), \(length))"
            }
        }
    }

    @Test func linesAreCutAtNewlinesWithCarriageReturnsDroppedAndALastUnterminatedLineKept() {
        let text = Array("{\"a\":1}\r\n\n{\"b\":2}\nlast".utf8)
        #expect(Self.lines(Self.frames(text, maxLength: 100, chunk: 3)) == [#"{"a":1}"#, "", #"{"b":2}"#, "last"])
    }

    @Test func aLineOverTheCapIsTooLongWithItsLengthAndTheNextLineStillComes() {
        // 300,000 bytes against a 100,000-byte cap, written in 7,000-byte pieces: discarded as it comes.
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 300_000)
        let text = Array("before\n".utf8) + long + Array("\nafter\n".utf8)
        let frames = Self.frames(text, maxLength: 100_000, chunk: 7_000)
        #expect(Self.lines(frames) == ["before", "tooLong(\(LineFramer.evidenceBytes), 300000)", "after"])
    }

    @Test func anOverlongLineThatNeverEndsIsTooLongAtTheEndOfInput() {
        let frames = Self.frames([UInt8](repeating: 0x41, count: 250_000), maxLength: 100_000, chunk: 50_000)
        #expect(Self.lines(frames) == ["tooLong(\(LineFramer.evidenceBytes), 250000)"])
    }

    @Test func aLineJustAtTheCapIsALineAndOneByteMoreIsNot() {
        let atCap = [UInt8](repeating: 0x41, count: 70_000)
        let frames = Self.frames(atCap + [0x0A] + atCap + [0x41, 0x0A], maxLength: 70_000, chunk: 10_000)
        guard frames.count == 2, case .line(let first) = frames[0], case .tooLong(_, let length) = frames[1] else {
            Issue.record("frames: \(Self.lines(frames))")
            return
        }
        #expect(first.count == 70_000)
        #expect(length == 70_001)
    }
}
