import Foundation
import Testing
import YibaoRules
import YibaoSuite
import YibaoTestSupport

/// The readings a vector names against the readings the reference's answer to its input rests on
/// (`Answer.interpretations`: the open readings whose other option would change that answer). A vector that names a
/// provisional reading is advisory, so naming one its answer does not rest on forgives a wrong answer for nothing (as
/// lu-2021-54-3a-flexible-out-area-until-paid-month did with I-3 until suite 2.5.2); a vector whose answer rests on a
/// provisional reading it does not name would withhold a certificate over a reading the text leaves open.
@Suite struct ReadingsCrossCheckTests {
    @Test func everyVectorNamesExactlyTheProvisionalReadingsItsAnswerRestsOn() throws {
        let root = TestSupport.vectors
        let (suite, diagnostics) = Suite.load(root: root)
        #expect(diagnostics.isEmpty, "\(diagnostics.prefix(3))")
        let parameters = try #require(suite.catalog.parameters)
        let provisional = Suite.provisionalInterpretations(root: root)
        #expect(!provisional.isEmpty)
        var checked = 0
        for vector in suite.vectors {
            let restsOn: Set<String>
            switch Reference.evaluate(operation: vector.operation, input: vector.input, parameters: parameters) {
            case .success(let answer): restsOn = Set(answer.interpretations)
            case .failure: restsOn = []
            }
            let named = Set(vector.interpretations)
            let namedProvisional = named.intersection(provisional)
            let needed = restsOn.intersection(provisional)
            #expect(
                namedProvisional == needed,
                "\(vector.id): names \(namedProvisional.sorted()) of the provisional readings; its answer rests on \(needed.sorted())")
            checked += 1
        }
        #expect(checked == suite.vectors.count)
    }
}
