import Testing
import YibaoYAML

/// One malformed file per fault kind: each must fail with the exact kind, place and message.
struct FaultFixtureTests {
    struct Fault: Sendable, CustomTestStringConvertible {
        var file: String
        var kind: YAMLError.Kind
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { file }
    }

    static let faults: [Fault] = [
        Fault(
            file: "syntax-error.yaml", kind: .syntax, line: 4, column: 2,
            message: "did not find expected key while parsing a block mapping"),
        Fault(
            file: "duplicate-key.yaml", kind: .duplicateKey, line: 5, column: 5,
            message: #"duplicate key "id" (first defined at line 3)"#),
        Fault(
            file: "undefined-alias.yaml", kind: .undefinedAlias, line: 2, column: 8,
            message: "undefined alias *nope"),
        // a..f cost 672,588 aliased nodes; the first *f in g (597,871 more) crosses 1,000,000.
        Fault(
            file: "alias-bomb.yaml", kind: .aliasBudget, line: 7, column: 8,
            message: "alias *f expands past the limit of 1000000 aliased nodes"),
        Fault(
            file: "invalid-utf8.yaml", kind: .invalidUTF8, line: 2, column: 10,
            message: "invalid leading UTF-8 octet (0xFF)"),
        // The column counts characters: "title: 中断" is 9 characters before the BEL.
        Fault(
            file: "control-character.yaml", kind: .controlCharacter, line: 2, column: 10,
            message: "control characters are not allowed (U+0007)"),
        Fault(
            file: "unsupported-tag.yaml", kind: .unsupported, line: 2, column: 15,
            message: "unsupported tag !month"),
        Fault(
            file: "non-scalar-key.yaml", kind: .unsupported, line: 2, column: 3,
            message: "only scalar mapping keys are supported"),
        Fault(
            file: "bad-int-tag.yaml", kind: .syntax, line: 2, column: 8,
            message: #""twelve" is not a valid !!int"#),
    ]

    @Test(arguments: faults)
    func faultIsReportedAtItsPlace(_ fault: Fault) throws {
        let path = Fixture.path(fault.file)
        let error = try #require(loadingError { () throws(YAMLError) in try YAMLLoader().load(contentsOf: path) })
        #expect(error.kind == fault.kind)
        #expect(error.mark.file == path)
        #expect(error.mark.line == fault.line)
        #expect(error.mark.column == fault.column)
        #expect(error.message == fault.message)
        #expect(error.description == "\(path):\(fault.line):\(fault.column): error: \(fault.message)")
    }

    @Test func everyFaultKindButIOAndDepthHasAFixture() {
        let covered = Set(Self.faults.map(\.kind.rawValue))
        let all: [YAMLError.Kind] = [.syntax, .duplicateKey, .undefinedAlias, .aliasBudget, .invalidUTF8, .controlCharacter, .unsupported]
        for kind in all { #expect(covered.contains(kind.rawValue), "no fixture for \(kind)") }
    }
}
