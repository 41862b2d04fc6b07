import Foundation
import Testing
import YibaoYAML

/// Defect 15: the YAML loader pointed "could not find expected ':'" one line late, let `1:` and `01:` stand as two
/// keys (one key under the core schema), and read UTF-16 files with columns that were not the file's.
struct LoaderTrustTests {
    static func error(_ text: String) -> YAMLError? { loadingError { () throws(YAMLError) in try load(text) } }

    static func error(bytes: [UInt8]) -> YAMLError? {
        loadingError { () throws(YAMLError) in try YAMLLoader().load(bytes: bytes, name: "u.yaml") }
    }

    @Test func aKeyWithoutItsColonIsLocatedOnItsOwnLine() throws {
        let error = try #require(Self.error("vectors:\n  - id: a\n    title x\n    why: y\n"))
        #expect(error.kind == YAMLError.Kind.syntax)
        #expect(error.message.hasPrefix("could not find expected ':'"))
        #expect((error.mark.line, error.mark.column) == (3, 5), "\(error)")
    }

    /// Under the core schema these pairs are one key written two ways.
    @Test(arguments: [
        ("1: a\n01: b\n", "01"), ("1: a\n+1: b\n", "+1"), ("16: a\n0x10: b\n", "0x10"), ("8: a\n0o10: b\n", "0o10"),
        ("-0: a\n0: b\n", "0"), ("1.0: a\n1.00: b\n", "1.00"), ("1.5: a\n15e-1: b\n", "15e-1"), (".inf: a\n.Inf: b\n", ".Inf"),
    ])
    func numericKeysThatResolveToOneValueAreDuplicates(text: String, second: String) throws {
        let error = try #require(Self.error(text), "\(text) loaded")
        #expect(error.kind == YAMLError.Kind.duplicateKey)
        #expect(error.message == "duplicate key \"\(second)\" (first defined at line 1)")
        #expect((error.mark.line, error.mark.column) == (2, 1))
    }

    /// Different values, or an int and a float, or a number and a string, stay different keys.
    @Test(arguments: ["1: a\n2: b\n", "1: a\n1.0: b\n", "1: a\n'01': b\n", "0x10: a\n10: b\n", "1: a\n\"1\": b\n"])
    func differentKeysStayDifferent(text: String) throws {
        #expect(Self.error(text) == nil, "\(text)")
    }

    /// Many numeric keys (past the linear scan, into the keyed index) compare by value there too.
    @Test func numericDuplicatesAreFoundInLargeMappingsToo() throws {
        let text = (1...200).map { "\($0): x\n" }.joined() + "0150: y\n"
        let error = try #require(Self.error(text))
        #expect(error.message == "duplicate key \"0150\" (first defined at line 150)")
    }

    @Test(arguments: [[0xFF, 0xFE], [0xFE, 0xFF], []] as [[UInt8]])
    func aUTF16FileIsRefusedAsUTF16(bom: [UInt8]) throws {
        let utf16: [UInt8] = Array("operation: scope.transfer\n".utf16).flatMap {
            bom.first == 0xFE ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)]
        }
        let error = try #require(Self.error(bytes: bom + utf16))
        #expect(error.kind == YAMLError.Kind.invalidUTF8)
        #expect(
            error.description
                == "u.yaml:1:1: error: the file is UTF-16, not UTF-8: vector files are UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)")
    }
}
