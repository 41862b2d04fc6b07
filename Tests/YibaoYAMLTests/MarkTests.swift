import Testing
import YibaoYAML

/// Every node carries its start: file, 1-based line, 1-based column counted in characters.
struct MarkTests {
    // marks.yaml:
    // 1  # 单位中断缴费
    // 2  operation: employee.interruption
    // 3  vectors:
    // 4    - id: v1
    // 5      title: 单位中断缴费，次月起暂停待遇
    // 6      clauses: [LU-2021-54/2a, JI-2022-8/7]
    // 7      说明: {起始: 2022-08, 结束: 2022-11}
    // 8      amount: 3528.00
    let path = Fixture.path("marks.yaml")

    func document() throws -> YAMLNode {
        let documents = try YAMLLoader().load(contentsOf: path)
        #expect(documents.count == 1)
        return try #require(documents.first)
    }

    func position(_ node: YAMLNode?) -> [Int]? {
        node.map { [$0.mark.line, $0.mark.column] }
    }

    @Test func topLevelNodes() throws {
        let root = try document()
        #expect(position(root) == [2, 1])
        #expect(root.mark.file == path)
        #expect(position(root["operation"]) == [2, 12])
        #expect(position(root["vectors"]) == [4, 3])
        #expect(position(root.mapping?.first?.key) == [2, 1])
    }

    @Test func sequenceItemAndNestedScalars() throws {
        let vector = try #require(try document()["vectors"]?.sequence?.first)
        #expect(position(vector) == [4, 5])
        #expect(position(vector["id"]) == [4, 9])
        #expect(position(vector["title"]) == [5, 12])
        #expect(vector["amount"]?.scalar?.resolved == .float("3528.00"))
        #expect(position(vector["amount"]) == [8, 13])
    }

    @Test func flowItemsAfterChineseTextCountCharacters() throws {
        let vector = try #require(try document()["vectors"]?.sequence?.first)
        let clauses = try #require(vector["clauses"])
        #expect(position(clauses) == [6, 14])
        #expect(position(clauses.sequence?[0]) == [6, 15])
        #expect(position(clauses.sequence?[1]) == [6, 30])
        // "    说明: {" is 8 characters (but 12 bytes) before the brace.
        let note = try #require(vector["说明"])
        #expect(position(note) == [7, 9])
        #expect(position(note.mapping?[0].key) == [7, 10])
        #expect(position(note["起始"]) == [7, 14])
        #expect(position(note.mapping?[1].key) == [7, 23])
        #expect(position(note["结束"]) == [7, 27])
        #expect(note["结束"]?.scalar?.resolved == .string("2022-11"))
    }

    @Test func descriptionIsFileLineColumn() {
        #expect(Mark(file: "v.yaml", line: 3, column: 7).description == "v.yaml:3:7")
        let error = YAMLError(kind: .syntax, mark: Mark(file: "v.yaml", line: 3, column: 7), message: "bad")
        #expect(error.description == "v.yaml:3:7: error: bad")
    }

    @Test func marksCompareByFileLineAndColumn() async {
        var mark = Mark(file: "a.yaml", line: 1, column: 2)
        #expect(mark == Mark(file: "a.yaml", line: 1, column: 2))
        #expect(mark != Mark(file: "b.yaml", line: 1, column: 2))
        #expect(Set([mark, Mark(file: "a.yaml", line: 1, column: 2)]).count == 1)
        mark.file = "c/d.yaml"
        mark.line = 40
        mark.column = 3
        #expect(mark.description == "c/d.yaml:40:3")
        // File names may be made from many threads at once.
        let names = await withTaskGroup(of: String.self) { group in
            for i in 0..<64 { group.addTask { Mark(file: "f\(i % 8).yaml", line: i, column: 1).file } }
            var names: [String] = []
            for await name in group { names.append(name) }
            return names
        }
        #expect(Set(names) == Set((0..<8).map { "f\($0).yaml" }))
    }

    @Test func nameGivenForBytesIsTheFile() throws {
        let documents = try load("a: 1\n", name: "vectors/x.yaml")
        #expect(documents[0]["a"]?.mark == Mark(file: "vectors/x.yaml", line: 1, column: 4))
    }
}
