import Foundation
import Testing
import YibaoYAML

struct StructureTests {
    @Test func emptyInputsHaveNoDocuments() throws {
        #expect(try YAMLLoader().load(bytes: [], name: "e.yaml").isEmpty)
        #expect(try load("").isEmpty)
        #expect(try load("# only a comment\n\n").isEmpty)
    }

    @Test func everyDocumentIsReturned() throws {
        let documents = try load("--- a\n--- [1, 2]\n...\n---\nk: v\n")
        #expect(documents.count == 3)
        #expect(documents[0].scalar?.text == "a")
        #expect(documents[1].sequence?.count == 2)
        #expect(documents[2]["k"]?.scalar?.text == "v")
        #expect(documents[2].mark.line == 5)
    }

    @Test func emptyDocumentIsNull() throws {
        let documents = try load("---\n---\nx\n")
        #expect(documents.count == 2)
        #expect(documents[0].scalar?.resolved == .null)
    }

    @Test func accessorsAndSubscript() throws {
        let root = try #require(try load("a: 1\nb: [x]\n\"c\": {d: e}\n1: one\n").first)
        #expect(root.mapping?.count == 4)
        #expect(root.scalar == nil && root.sequence == nil)
        #expect(root["a"]?.scalar?.text == "1")
        #expect(root["b"]?.sequence?.first?.scalar?.text == "x")
        #expect(root["c"]?["d"]?.scalar?.text == "e")
        #expect(root["1"]?.scalar?.text == "one")  // matches the key's text
        #expect(root["missing"] == nil)
        #expect(root["b"]?["x"] == nil)  // not a mapping
    }

    @Test func aliasIsACopyMarkedWhereUsed() throws {
        let root = try #require(try load("base: &b {category: employer, months: [2022-08]}\ncopy: *b\n").first)
        let copy = try #require(root["copy"])
        #expect(copy.mark.line == 2 && copy.mark.column == 7)
        #expect(copy["category"]?.scalar?.text == "employer")
        #expect(copy["months"]?.sequence?.first?.scalar?.resolved == .string("2022-08"))
        // Inside the copy, nodes keep the marks of the anchored original.
        #expect(copy["category"]?.mark.line == 1)
    }

    @Test func scalarAliasAndRedefinedAnchor() throws {
        let root = try #require(try load("a: &x one\nb: *x\nc: &x two\nd: *x\n").first)
        #expect(root["b"]?.scalar?.text == "one")
        #expect(root["d"]?.scalar?.text == "two")
    }

    @Test func anchorsDoNotCrossDocuments() throws {
        let error = try #require(loadingError { () throws(YAMLError) in try load("--- &a x\n--- *a\n") })
        #expect(error.kind == .undefinedAlias)
        #expect(error.message == "undefined alias *a")
        #expect((error.mark.line, error.mark.column) == (2, 5))
    }

    @Test func aliasInsideItsOwnAnchorIsUndefined() throws {
        let error = try #require(loadingError { () throws(YAMLError) in try load("a: &r [1, *r]\n") })
        #expect(error.kind == .undefinedAlias)
        #expect((error.mark.line, error.mark.column) == (1, 11))
    }

    @Test(arguments: [
        // (document, duplicate's line, column, key text, first line)
        ("id: 1\nid: 2\n", 2, 1, "id", 1),
        ("a: 1\n\"a\": 2\n", 2, 1, "a", 1),  // quoted and plain are the same string key
        ("'a': 1\nb: 2\na: 3\n", 3, 1, "a", 1),
        ("~: 1\nnull: 2\n", 2, 1, "null", 1),  // both resolve to null
        ("true: 1\nTrue: 2\n", 2, 1, "True", 1),
        ("{x: 1, y: 2, x: 3}", 1, 14, "x", 1),
        ("k: &k id\nm: {id: 1, *k : 2}\n", 2, 12, "id", 2),  // an aliased key
        ("top:\n  - a: 1\n    b: 2\n    a: 3\n", 4, 5, "a", 2),
    ])
    func duplicateKeysPointAtTheSecond(_ text: String, _ line: Int, _ column: Int, _ key: String, _ firstLine: Int) throws {
        let error = try #require(loadingError { () throws(YAMLError) in try load(text) })
        #expect(error.kind == .duplicateKey)
        #expect((error.mark.line, error.mark.column) == (line, column))
        #expect(error.message == "duplicate key \"\(key)\" (first defined at line \(firstLine))")
    }

    @Test func keysThatResolveDifferentlyAreDistinct() throws {
        let root = try #require(try load("1: int\n\"1\": string\n1.0: float\nnull: n\n\"null\": s\n").first)
        #expect(root.mapping?.count == 5)
    }

    @Test func duplicateInALargeMappingIsFound() throws {
        var text = ""
        for i in 0..<40 { text += "key\(i): \(i)\n" }
        text += "key7: again\n"
        let error = try #require(loadingError { () throws(YAMLError) in try load(text) })
        #expect(error.kind == .duplicateKey)
        #expect(error.message == #"duplicate key "key7" (first defined at line 8)"#)
        #expect((error.mark.line, error.mark.column) == (41, 1))
        // And a large mapping without duplicates loads whole.
        var distinct = ""
        for i in 0..<500 { distinct += "key\(i): \(i)\n" }
        #expect(try load(distinct).first?.mapping?.count == 500)
    }

    @Test(arguments: [
        ("? [a, b]\n: v\n", 1, 3),
        ("{[a]: b}", 1, 2),
        ("? {a: 1}\n: v\n", 1, 3),
        ("s: &s [1]\nm: {*s : v}\n", 2, 5),
    ])
    func nonScalarKeysAreUnsupported(_ text: String, _ line: Int, _ column: Int) throws {
        let error = try #require(loadingError { () throws(YAMLError) in try load(text) })
        #expect(error.kind == .unsupported)
        #expect(error.message == "only scalar mapping keys are supported")
        #expect((error.mark.line, error.mark.column) == (line, column))
    }

    @Test(arguments: [
        ("key: \"unterminated\n", 2, 1, "found unexpected end of stream while scanning a quoted scalar"),
        ("a: [1, 2\nb: 3\n", 2, 2, "did not find expected ',' or ']' while parsing a flow sequence"),
        ("a: b: c\n", 1, 5, "mapping values are not allowed in this context"),
    ])
    func libyamlSyntaxErrorsAreLocated(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let error = try #require(loadingError { () throws(YAMLError) in try load(text) })
        #expect(error.kind == .syntax)
        #expect(error.message == message)
        #expect((error.mark.line, error.mark.column) == (line, column))
    }

    @Test func ioErrorsHaveNoPosition() throws {
        let missing = Fixture.path("no-such-file.yaml")
        let error = try #require(loadingError { () throws(YAMLError) in try YAMLLoader().load(contentsOf: missing) })
        #expect(error.kind == .io)
        #expect(error.mark == Mark(file: missing, line: 0, column: 0))
        #expect(error.message == "cannot open file: No such file or directory")

        let directory = try #require(loadingError { () throws(YAMLError) in try YAMLLoader().load(contentsOf: Fixture.directory) })
        #expect(directory.kind == .io)
        #expect(directory.message == "a directory, not read: suite files must be regular files inside the suite folder")
    }

    @Test func aPipeIsRefusedNeverRead() throws {
        // A pipe (here behind /dev/fd/N, a symlink) could block or never end: refused, through a link or not.
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("k: v\n".utf8))
        let path = "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)"
        let link = try #require(loadingError { () throws(YAMLError) in try YAMLLoader().load(contentsOf: path) })
        #expect(link.kind == .io)
        #expect(link.message == "a symbolic link, not read: suite files must be regular files inside the suite folder")
        let followed = try #require(
            loadingError { () throws(YAMLError) in try YAMLLoader(limits: .followingSymlinks).load(contentsOf: path) })
        #expect(followed.message == "a FIFO, not read: suite files must be regular files inside the suite folder")
        // Still unread: the bytes are there for whoever reads the pipe.
        try pipe.fileHandleForWriting.close()
        #expect(pipe.fileHandleForReading.readDataToEndOfFile() == Data("k: v\n".utf8))
    }

    @Test func invalidUTF8InsideBytesIsLocated() throws {
        let bytes: [UInt8] = Array("a: 1\nb: \"x".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)
        let error = try #require(loadingError { () throws(YAMLError) in try YAMLLoader().load(bytes: bytes, name: "b.yaml") })
        #expect(error.kind == .invalidUTF8)
        // libyaml reports the offending octet itself: the 0x28 after the lead byte 0xC3.
        #expect(error.mark == Mark(file: "b.yaml", line: 2, column: 7))
        #expect(error.message == "invalid trailing UTF-8 octet (0x28)")
    }
}
