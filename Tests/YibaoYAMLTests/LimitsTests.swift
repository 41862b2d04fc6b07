import Foundation
import Testing
import YibaoYAML

/// Hostile or huge inputs end quickly with bounded memory (no timing assertions here: the
/// point is that they finish at all, without a stack overflow or an exponential blow-up).
struct LimitsTests {
    @Test func billionLaughsStopsAtTheAliasBudget() throws {
        let path = Fixture.path("alias-bomb.yaml")
        let error = try #require(loadingError { () throws(YAMLError) in try YAMLLoader().load(contentsOf: path) })
        #expect(error.kind == .aliasBudget)
        #expect((error.mark.line, error.mark.column) == (7, 8))
    }

    @Test func aliasBudgetCountsTheAliasedSubtree() throws {
        var limits = YAMLLoader.Limits()
        limits.maxAliasNodes = 10
        // [1, 2, 3] is 4 nodes: two aliases cost 8, the third would make 12.
        let text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
        let error = try #require(loadingError { () throws(YAMLError) in try load(text, limits: limits) })
        #expect(error.kind == .aliasBudget)
        #expect(error.message == "alias *a expands past the limit of 10 aliased nodes")
        #expect((error.mark.line, error.mark.column) == (2, 13))
        limits.maxAliasNodes = 12
        #expect(try load(text, limits: limits).first?["b"]?.sequence?.count == 3)
    }

    @Test func nestedAliasesCountTheirExpansion() throws {
        var limits = YAMLLoader.Limits()
        limits.maxAliasNodes = 30
        // b holds two copies of a (2 nodes each): b is 5 nodes, so *b costs 5, not 1.
        let text = "a: &a [x]\nb: &b [*a, *a]\nc: [*b, *b, *b, *b, *b, *b]\n"
        let error = try #require(loadingError { () throws(YAMLError) in try load(text, limits: limits) })
        #expect(error.kind == .aliasBudget)
        // 4 (two *a) + 5 * 5 = 29; the sixth *b (column 25) makes 34.
        #expect((error.mark.line, error.mark.column) == (3, 25))
    }

    @Test func depthLimitStopsAtTheCrossingNode() throws {
        var limits = YAMLLoader.Limits()
        limits.maxDepth = 3
        #expect(try load("a: {b: {c: 1}}\n", limits: limits).count == 1)
        let error = try #require(loadingError { () throws(YAMLError) in try load("a: {b: {c: {d: 1}}}\n", limits: limits) })
        #expect(error.kind == .tooDeep)
        #expect(error.message == "nesting deeper than 3 levels")
        #expect((error.mark.line, error.mark.column) == (1, 12))
    }

    @Test func aliasesCountTheDepthTheyBring() throws {
        var limits = YAMLLoader.Limits()
        limits.maxDepth = 3
        // *x is two levels deep; inside [ ] inside the root mapping it would reach four.
        let error = try #require(loadingError { () throws(YAMLError) in try load("x: &x [[1]]\ny: [*x]\n", limits: limits) })
        #expect(error.kind == .tooDeep)
        #expect(error.message == "alias *x nests deeper than 3 levels")
        #expect((error.mark.line, error.mark.column) == (2, 5))
        #expect(try load("x: &x [[1]]\ny: *x\n", limits: limits).count == 1)
    }

    static let deepShapes: [(name: String, text: String, column: Int)] = [
        ("flow", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n", 257),
        ("block", String(repeating: "- ", count: 100_000) + "x\n", 513),
    ]

    @Test(arguments: deepShapes.indices)
    func hundredThousandLevelsEndWithTooDeep(_ index: Int) throws {
        let shape = Self.deepShapes[index]
        let directory = try makeTemporaryDirectory()
        defer { removeTemporaryDirectory(directory) }
        let path = directory + "/deep-\(shape.name).yaml"
        try shape.text.write(toFile: path, atomically: false, encoding: .utf8)

        let error = try #require(loadingError { () throws(YAMLError) in try YAMLLoader().load(contentsOf: path) })
        #expect(error.kind == .tooDeep)
        #expect(error.message == "nesting deeper than 256 levels")
        #expect(error.mark == Mark(file: path, line: 1, column: shape.column))
    }

    @Test func exactlyTheDefaultDepthLoads() throws {
        let text = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        var node = try #require(try load(text).first)
        var depth = 0
        while let inner = node.sequence {
            depth += 1
            guard let next = inner.first else { break }
            node = next
        }
        #expect(depth == 256)
    }

    /// A ~12 MB file of 50,000 small vector mappings, written the way vector files look.
    @Test func twelveMegabytesOfVectorsLoad() throws {
        var text = "operation: employee.interruption\nclauses: [LU-2021-54/2a]\nvectors:\n"
        text.reserveCapacity(12_500_000)
        for n in 1...50_000 {
            let month = 1 + n % 12
            text += """
                  - id: bench-\(n)
                    why: 2022-\(month < 10 ? "0" : "")\(month) 起欠费 → 次月暂停；补齐 → 次月恢复
                    input: {category: employer, firstUnpaidMonth: 2022-08, settledMonth: 2022-12}
                    expected: {suspendedFrom: 2022-09, restoredFrom: 2023-01, covered: \(n % 2 == 0)}

                """
        }
        let directory = try makeTemporaryDirectory()
        defer { removeTemporaryDirectory(directory) }
        let path = directory + "/vectors.yaml"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let size = text.utf8.count
        #expect(size > 11_000_000 && size < 13_000_000)

        let documents = try YAMLLoader().load(contentsOf: path)
        let vectors = try #require(documents.first?["vectors"]?.sequence)
        #expect(vectors.count == 50_000)
        let last = try #require(vectors.last)
        #expect(last["id"]?.scalar?.text == "bench-50000")
        #expect(last["expected"]?["covered"]?.scalar?.resolved == .bool(true))
        #expect(last["input"]?["firstUnpaidMonth"]?.scalar?.resolved == .string("2022-08"))
        #expect(last.mark.line == 3 + 4 * 49_999 + 1)
    }
}
