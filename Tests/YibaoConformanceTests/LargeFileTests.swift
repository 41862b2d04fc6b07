import Foundation
import Testing
import YibaoTestSupport

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

/// A large vector file (8,000 vectors, ~2 MB) is checked and streamed like a small one: every fault located, the
/// same vectors in the same order, anchors and aliases across the file.
struct LargeFileTests {
    /// 8,000 vectors (~2 MB) with faults far apart; returns the file and the
    /// line of each vector's `- id:`.
    func write(_ count: Int, to file: URL, fault: (Int) -> String?) throws -> [Int] {
        var text = "# a large file\noperation: employee.interruption\nclauses: [LU-2021-54/2a]\nvectors:\n"
        var lines: [Int] = []
        var line = 5
        for i in 0..<count {
            lines.append(line)
            let body =
                fault(i) ?? """
                      - id: big-\(i)
                        title: 单位中断缴费
                        why: 2022-08 起欠费 → 次月 2022-09 暂停（第 \(i) 条）
                        input: {category: employer, firstUnpaidMonth: 2022-08, lastUnpaidMonth: 2022-11, settledMonth: 2022-12}
                        expected: {suspendedFrom: 2022-09, restoredFrom: 2023-01}

                    """
            text += body
            line += body.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        return lines
    }

    @Test func faultsFarApartAreAllReportedWhereTheyAre() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("vectors/big.yaml")
        let lines = try write(8000, to: file) { i in
            switch i {
            case 100:
                return
                    "  - id: big-100\n    title: t\n    why: w\n    input: {category: employer, firstUnpaidMonth: 2022-08, lastUnpaidMonth: 2022-11}\n    expected: {suspendedFrom: 2022-09}\n    note: x\n"
            case 5000:
                return
                    "  - id: big-5000\n    title: t\n    why: w\n    input: {category: employer, firstUnpaidMonth: 2022-08, lastUnpaidMonth: 2022-11}\n    expected: {suspendedFrom: 2022-13}\n"
            case 7000:
                return
                    "  - id: big-10\n    title: t\n    why: w\n    input: {category: employer, firstUnpaidMonth: 2022-08, lastUnpaidMonth: 2022-11}\n    expected: {suspendedFrom: 2022-09}\n"
            default: return nil
            }
        }
        let (suite, diagnostics) = Suite.load(root: root.appendingPathComponent("vectors").path)
        let f = file.path
        #expect(
            diagnostics.map(\.description) == [
                "\(f):\(lines[100] + 5):5: error: unknown key \"note\" in vector (allowed: id, title, operation, clauses, interpretations, why, input, expected)",
                "\(f):\(lines[5000] + 4):31: error: expected.suspendedFrom: \"2022-13\" is not a month (YYYY-MM)",
                "\(f):\(lines[7000]):9: error: duplicate vector id \"big-10\" (first defined at \(f):\(lines[10]):9)",
            ])
        #expect(suite.vectors.count == 7997)
        #expect(suite.vectors.map(\.id) == (0..<8000).filter { ![100, 5000, 7000].contains($0) }.map { "big-\($0)" })
        // A streamed run's check reports the same problems.
        let (_, streamed) = StreamedSuite.open(root: root.appendingPathComponent("vectors").path)
        #expect(streamed.map(\.description) == diagnostics.map(\.description))
    }

    @Test func aStreamedRunReadsALargeFileAgain() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("vectors/big.yaml")
        _ = try write(8000, to: file) { _ in nil }
        let path = root.appendingPathComponent("vectors").path
        let (loaded, _) = Suite.load(root: path)
        let (streamed, problems) = StreamedSuite.open(root: path)
        #expect(problems.isEmpty && streamed.digest == loaded.digest)
        let feed = streamed.makeFeed()
        var vectors: [Vector] = []
        while let (_, vector) = feed.next() { vectors.append(vector) }
        #expect(vectors.map(\.id) == loaded.vectors.map(\.id))
        #expect(vectors.map(\.mark) == loaded.vectors.map(\.mark))
        #expect(vectors.map(\.input) == loaded.vectors.map(\.input))
    }

    @Test func anAliasFarFromItsAnchorResolves() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("vectors/big.yaml")
        _ = try write(8000, to: file) { i in
            switch i {
            case 1:
                return
                    "  - id: big-1\n    title: t\n    why: w\n    input: &shared {category: employer, firstUnpaidMonth: 2022-08, lastUnpaidMonth: 2022-11, settledMonth: 2022-12}\n    expected: {suspendedFrom: 2022-09}\n"
            case 7999: return "  - id: big-7999\n    title: t\n    why: w\n    input: *shared\n    expected: {suspendedFrom: 2022-09}\n"
            default: return nil
            }
        }
        let (suite, diagnostics) = Suite.load(root: root.appendingPathComponent("vectors").path)
        #expect(diagnostics.isEmpty)
        #expect(suite.vectors.count == 8000)
        #expect(suite.vectors.last?.input == suite.vectors[1].input)
    }
}
