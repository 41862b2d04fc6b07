import Testing
import YibaoRules

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

struct JSONTests {
    @Test func numbersKeepTheirExactText() throws {
        let v = try JSON.parse(#"{"base": 3528.005, "n": -12, "big": 123456789012345678901234567890}"#)
        #expect(v["base"] == .number("3528.005"))
        #expect(v["big"] == .number("123456789012345678901234567890"))
        #expect(JSON.serialize(v) == #"{"base":3528.005,"n":-12,"big":123456789012345678901234567890}"#)
    }

    @Test func stringsRoundTripWithEscapesAndChinese() throws {
        let text = "单位\"中断\"\\缴费\n\u{1}"
        let line = JSON.serialize(.string(text))
        #expect(line == #""单位\"中断\"\\缴费\n\u0001""#)
        #expect(try JSON.parse(line) == .string(text))
        #expect(try JSON.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func escapesAtEitherEndAndEveryControlCharacter() throws {
        #expect(JSON.serialize(.string("\"a\tb\r\\")) == #""\"a\tb\r\\""#)
        #expect(JSON.serialize(.string("")) == #""""#)
        #expect(JSON.serialize(.string("\u{1F}中")) == #""\u001f中""#)
        let controls = String(decoding: (0..<0x20).map { UInt8($0) } + Array("末尾".utf8), as: UTF8.self)
        let line = JSON.serialize(.string(controls))
        #expect(!line.utf8.contains { $0 < 0x20 })
        #expect(try JSON.parse(line) == .string(controls))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "\"abc", "{\"a\":1,\"a\":2}", "[1] 2", "\"\\ud800\"", "-"])
    func malformedJSONIsAnError(_ text: String) {
        #expect(throws: JSON.ParseError.self) { try JSON.parse(text) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSON.ParseError.self) { try JSON.parse(text) }
    }

    @Test(arguments: [
        ("70.04", "70.040", true), ("70.04", "7.004e1", true), ("0.07", ".07", false), ("-0", "0", true),
        ("100", "1e2", true), ("70.04", "70.05", false), ("3528.00", "3528", true),
    ])
    func decimalsCompareByValue(_ a: String, _ b: String, _ equal: Bool) {
        let x = DecimalText(a), y = DecimalText(b)
        if equal {
            #expect(x != nil && x == y)
        } else {
            #expect(x == nil || y == nil || x != y)
        }
    }
}
