import Testing
import YibaoYAML

/// Scalars resolve by the YAML 1.2 core schema, not YAML 1.1: `yes`/`on` stay strings.
struct CoreSchemaTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var resolved: YAMLScalar.Resolved
        var style: YAMLScalar.Style = .plain
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        // YAML 1.1 booleans are plain strings in 1.2.
        Case(source: "yes", resolved: .string("yes")),
        Case(source: "no", resolved: .string("no")),
        Case(source: "on", resolved: .string("on")),
        Case(source: "off", resolved: .string("off")),
        Case(source: "Yes", resolved: .string("Yes")),
        // Months and dates are strings (no timestamp type in the core schema).
        Case(source: "2022-08", resolved: .string("2022-08")),
        Case(source: "2022-08-01", resolved: .string("2022-08-01")),
        // Integers keep their source text.
        Case(source: "0x1F", resolved: .int("0x1F")),
        Case(source: "0xff", resolved: .int("0xff")),
        Case(source: "0o17", resolved: .int("0o17")),
        Case(source: "017", resolved: .int("017")),
        Case(source: "-3", resolved: .int("-3")),
        Case(source: "+12", resolved: .int("+12")),
        Case(source: "0", resolved: .int("0")),
        Case(source: "0x", resolved: .string("0x")),
        Case(source: "0o8", resolved: .string("0o8")),
        Case(source: "+0x1F", resolved: .string("+0x1F")),
        Case(source: "1_000", resolved: .string("1_000")),
        Case(source: "12abc", resolved: .string("12abc")),
        // Floats keep their source text (3528.00 stays "3528.00", not 3528.0).
        Case(source: "3528.00", resolved: .float("3528.00")),
        Case(source: "1.", resolved: .float("1.")),
        Case(source: ".5", resolved: .float(".5")),
        Case(source: "-1.5e3", resolved: .float("-1.5e3")),
        Case(source: "1E-3", resolved: .float("1E-3")),
        Case(source: "1e", resolved: .string("1e")),
        Case(source: ".", resolved: .string(".")),
        Case(source: ".inf", resolved: .float(".inf")),
        Case(source: "-.Inf", resolved: .float("-.Inf")),
        Case(source: "+.INF", resolved: .float("+.INF")),
        Case(source: ".nan", resolved: .float(".nan")),
        Case(source: ".NaN", resolved: .float(".NaN")),
        Case(source: ".Nan", resolved: .string(".Nan")),
        Case(source: "-.nan", resolved: .string("-.nan")),
        // Null spellings, including the empty value.
        Case(source: "~", resolved: .null),
        Case(source: "null", resolved: .null),
        Case(source: "Null", resolved: .null),
        Case(source: "NULL", resolved: .null),
        Case(source: "", resolved: .null),
        Case(source: "nULL", resolved: .string("nULL")),
        Case(source: "none", resolved: .string("none")),
        // Booleans: exactly three spellings each.
        Case(source: "true", resolved: .bool(true)),
        Case(source: "True", resolved: .bool(true)),
        Case(source: "TRUE", resolved: .bool(true)),
        Case(source: "false", resolved: .bool(false)),
        Case(source: "FALSE", resolved: .bool(false)),
        Case(source: "tRUE", resolved: .string("tRUE")),
        // Quoted and block scalars are always strings.
        Case(source: #""true""#, resolved: .string("true"), style: .doubleQuoted),
        Case(source: "'12'", resolved: .string("12"), style: .singleQuoted),
        Case(source: "''", resolved: .string(""), style: .singleQuoted),
        Case(source: #""~""#, resolved: .string("~"), style: .doubleQuoted),
        Case(source: "|\n  12\n", resolved: .string("12\n"), style: .literal),
        Case(source: ">\n  null\n  true\n", resolved: .string("null true\n"), style: .folded),
        // Other text, including CJK.
        Case(source: "单位中断缴费", resolved: .string("单位中断缴费")),
        Case(source: "LU-2021-54/2a", resolved: .string("LU-2021-54/2a")),
        // Explicit YAML tags are honoured.
        Case(source: "!!str 12", resolved: .string("12")),
        Case(source: "!!str", resolved: .string("")),
        Case(source: "! 12", resolved: .string("12")),
        Case(source: #"!!int "12""#, resolved: .int("12"), style: .doubleQuoted),
        Case(source: "!!int 0x1F", resolved: .int("0x1F")),
        Case(source: "!!float 1", resolved: .float("1")),
        Case(source: "!!float .inf", resolved: .float(".inf")),
        Case(source: "!!bool True", resolved: .bool(true)),
        Case(source: "!!null ''", resolved: .null, style: .singleQuoted),
        Case(source: "!<tag:yaml.org,2002:str> 7", resolved: .string("7")),
    ]

    @Test(arguments: cases)
    func scalarResolves(_ item: Case) throws {
        let documents = try load("value: \(item.source)\n")
        let scalar = try #require(documents.first?["value"]?.scalar)
        #expect(scalar.resolved == item.resolved)
        #expect(scalar.style == item.style)
        // int, float and string carry the scalar's text.
        switch scalar.resolved {
        case .int(let text), .float(let text), .string(let text): #expect(text == scalar.text)
        case .null, .bool: break
        }
    }

    @Test(arguments: [
        ("!!int twelve", #""twelve" is not a valid !!int"#),
        ("!!int 1.5", #""1.5" is not a valid !!int"#),
        ("!!float 0x1F", #""0x1F" is not a valid !!float"#),
        ("!!bool yes", #""yes" is not a valid !!bool"#),
        ("!!null nil", #""nil" is not a valid !!null"#),
    ])
    func mismatchedYAMLTagIsAnError(_ source: String, _ message: String) throws {
        let error = try #require(loadingError { () throws(YAMLError) in try load("value: \(source)\n") })
        #expect(error.kind == .syntax)
        #expect(error.message == message)
        #expect((error.mark.line, error.mark.column) == (1, 8))
    }

    @Test(arguments: [
        ("value: !foo bar\n", "unsupported tag !foo", 8),
        ("value: !!binary aGVsbG8=\n", "unsupported tag !!binary", 8),
        ("value: !!timestamp 2022-08-01\n", "unsupported tag !!timestamp", 8),
        ("value: !<tag:example.com,2000:x> v\n", "unsupported tag !<tag:example.com,2000:x>", 8),
        ("value: !!map [a]\n", "unsupported tag !!map on a sequence", 8),
        ("value: !!set {a: }\n", "unsupported tag !!set on a mapping", 8),
        ("value: !!seq {a: 1}\n", "unsupported tag !!seq on a mapping", 8),
    ])
    func otherTagsAreUnsupported(_ text: String, _ message: String, _ column: Int) throws {
        let error = try #require(loadingError { () throws(YAMLError) in try load(text) })
        #expect(error.kind == .unsupported)
        #expect(error.message == message)
        #expect((error.mark.line, error.mark.column) == (1, column))
    }

    @Test func collectionTagsAreHonoured() throws {
        let documents = try load("s: !!seq [1, 2]\nm: !!map {a: 1}\n")
        #expect(documents[0]["s"]?.sequence?.count == 2)
        #expect(documents[0]["m"]?["a"]?.scalar?.resolved == .int("1"))
    }

    @Test func settingResolvedKeepsTextAndPayloadTogether() {
        var scalar = YAMLScalar(text: "12", style: .plain, resolved: .int("12"))
        #expect(scalar.resolved == .int("12"))
        scalar.resolved = .string("twelve")
        #expect(scalar.text == "twelve")
        scalar.resolved = .null
        #expect(scalar.text == "twelve" && scalar.resolved == .null)
        #expect(YAMLScalar(text: "~", style: .plain, resolved: .null) != YAMLScalar(text: "~", style: .plain, resolved: .string("~")))
    }
}
