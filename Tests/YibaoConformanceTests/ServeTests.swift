import Foundation
import Testing
import YibaoRules
import YibaoTestSupport

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

/// `yibao serve` as a real child process over real pipes.
struct ServeTests {
    func lines(_ out: String) throws -> [Value] {
        try out.split(separator: "\n").map { try JSON.parse(String($0)) }
    }

    @Test func helloEvaluateGoodbye() throws {
        let input =
            [
                #"{"type":"hello","protocol":"yibao-conformance/1","suite":{"name":"t","version":"1","digest":"sha256:0"}}"#,
                #"{"type":"evaluate","id":"a","operation":"employee.first-enrollment","input":{"category":"employer","firstContributionMonth":"2022-06"}}"#,
                #"{"type":"evaluate","id":"b","operation":"employee.interruption","input":{"category":"employer","firstUnpaidMonth":"2022-08","lastUnpaidMonth":"2022-07"}}"#,
                #"{"type":"evaluate","id":"c","operation":"employee.first-enrollment","input":{"category":"employer","firstContributionMonth":"2022-04"}}"#,
                #"{"type":"goodbye"}"#,
                #"{"type":"evaluate","id":"after-goodbye","operation":"scope.transfer","input":{}}"#,
            ].joined(separator: "\n") + "\n"
        let out = try TestSupport.run(TestSupport.yibao, ["serve"], input: input)
        #expect(out.status == 0)
        let answers = try lines(out.stdout)
        #expect(answers.count == 4)
        #expect(answers[0]["type"] == .string("hello"))
        #expect(answers[0]["protocol"] == .string("yibao-conformance/1"))
        if case .array(let ops)? = answers[0]["operations"] { #expect(ops.count == 14) } else { Issue.record("no operations") }
        // LU-2021-54/1: 自缴费次月起 → 2022-06 + 1 = 2022-07.
        #expect(answers[1]["type"] == .string("result"))
        #expect(answers[1]["id"] == .string("a"))
        #expect(answers[1]["output"]?["benefitsFrom"] == .string("2022-07"))
        if case .array(let trace)? = answers[1]["trace"] {
            #expect(trace.contains(.string("LU-2021-54/1")))
        } else {
            Issue.record("no trace")
        }
        #expect(answers[2]["type"] == .string("error"))
        #expect(answers[2]["code"] == .string("invalid-input"))
        #expect(answers[3]["code"] == .string("out-of-scope"))
    }

    @Test func badLinesGetErrorsAndTheServerGoesOn() throws {
        let input = [
            "not json at all",
            "[1,2,3]",
            #"{"type":"dance","id":"x"}"#,
            #"{"type":"evaluate","id":"y","operation":"no.such.operation","input":{}}"#,
            #"{"type":"evaluate","id":"z","operation":"scope.transfer","input":{"insurance":"employee","reachedRetirementAge":false,"crossArea":true,"crossProvince":false}}"#,
        ].joined(separator: "\n")  // no final newline, then EOF
        let out = try TestSupport.run(TestSupport.yibao, ["serve"], input: input)
        #expect(out.status == 0)
        let answers = try lines(out.stdout)
        #expect(answers.count == 5)
        #expect(answers[0]["code"] == .string("invalid-input"))
        #expect(answers[1]["code"] == .string("invalid-input"))
        #expect(answers[2]["id"] == .string("x"))
        #expect(answers[3]["code"] == .string("unsupported"))
        // LU-2020-47/1: an employee under retirement age moving between areas inside the province is in scope.
        #expect(answers[4]["output"]?["inScope"] == .bool(true))
    }
}
