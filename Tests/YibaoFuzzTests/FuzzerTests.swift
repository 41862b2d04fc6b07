import Foundation
import Testing
import YibaoFuzz
import YibaoRules
import YibaoRun
import YibaoSuite

/// The fuzzer against planted bugs, the clean reference, and itself (determinism, reach, scaffolds).
struct FuzzerTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalog: Catalog = Catalog.load(directory: repo.appendingPathComponent("vectors/catalog").path).0
    static let parameters: Parameters = catalog.parameters!

    /// Fields in an input, counting the fields of list items and map entries.
    static func fieldCount(_ value: Value) -> Int {
        switch value {
        case .object(let members): return members.reduce(0) { $0 + 1 + max(0, fieldCount($1.value) - 1) }
        case .array(let items): return max(1, items.reduce(0) { $0 + fieldCount($1) })
        default: return 1
        }
    }

    @Test(arguments: PlantedBug.allCases)
    func aPlantedBugIsFoundWithinASmallBudgetAndShrunk(bug: PlantedBug) throws {
        var options = Fuzzer.Options(seed: 7, count: 20_000)
        options.operations = [bug.operation]
        let report = try Fuzzer(catalog: Self.catalog, parameters: Self.parameters).run(options, target: bug.target)
        #expect(!report.findings.isEmpty, "\(bug) not found in \(report.cases) cases")
        for finding in report.findings {
            #expect(finding.operation == bug.operation)
            // Shrunk to a few fields (the operation's required ones and what the bug needs).
            #expect(Self.fieldCount(finding.input) <= 7, "\(bug): \(JSON.serialize(finding.input))")
            #expect(Self.fieldCount(finding.input) <= Self.fieldCount(finding.originalInput))
            // The minimal input still shows the bug: the planted answer differs from the reference's.
            let planted = Outcome(bug.evaluate(finding.operation, finding.input))
            let reference = Outcome(
                Reference.evaluate(operation: finding.operation, input: finding.input, parameters: FuzzerTests.parameters))
            #expect(planted.value != reference.value || planted.trace != reference.trace, "\(bug): \(JSON.serialize(finding.input))")
            #expect(finding.expected.value == reference.value)
            // The scaffold leaves expected to a person; the reference's answer is only a marked comment.
            let scaffold = finding.scaffold(seed: report.seed)
            #expect(scaffold.contains("    expected: TODO\n"))
            #expect(scaffold.contains("NOT the expected value"))
            for line in scaffold.split(separator: "\n") where line.contains("reference answer") { #expect(line.hasPrefix("  #")) }
        }
        #expect(report.failingFindings.count == report.findings.count)
    }

    /// The bugs the fuzzer must find are ones the public vectors do not all catch: the suite is run against each
    /// planted implementation in process and the vectors it fails are listed (for the record, not asserted).
    @Test func theSameSeedGivesTheSameCasesAndFindings() throws {
        var options = Fuzzer.Options(seed: 42, count: 5_000)
        options.operations = [PlantedBug.floatRounding.operation]
        let a = try Fuzzer(catalog: Self.catalog, parameters: Self.parameters).run(options, target: PlantedBug.floatRounding.target)
        options.jobs = 1
        let b = try Fuzzer(catalog: Self.catalog, parameters: Self.parameters).run(options, target: PlantedBug.floatRounding.target)
        #expect(a.findings.map(\.signature) == b.findings.map(\.signature))
        #expect(a.findings.map(\.input) == b.findings.map(\.input))
        #expect(a.findings.map(\.count) == b.findings.map(\.count))
        #expect(a.reach.map(\.cases) == b.reach.map(\.cases))
        let json = JSON.serialize(a.json(catalog: Self.catalog))
        let again = JSON.serialize(b.json(catalog: Self.catalog))
        func stripTimes(_ s: String) -> String {
            s.replacingOccurrences(of: #""seconds":[0-9.]+,"casesPerSecond":[0-9]+"#, with: "", options: .regularExpression)
        }
        #expect(stripTimes(json) == stripTimes(again))
    }

    @Test func theReferenceAgainstItselfFindsNothingAndReachesEveryNormativeClause() throws {
        let report = try Fuzzer(catalog: Self.catalog, parameters: Self.parameters).run(
            Fuzzer.Options(seed: 3, count: 20_000), target: .reference(Self.parameters))
        #expect(report.findings.isEmpty)
        #expect(report.cases == 20_000)
        #expect(report.invalidCases > 0)
        // Every normative clause the operations name is reached under the default budget, the rare ones (JI-2022-8/7.1:
        // historical arrears settled inside the 2022-05..10 transition) more than a handful of times.
        let named = Set(Operations.all.flatMap(\.clauses))
        for clause in Self.catalog.normativeClauses where named.contains(clause.id) {
            let n = report.reach.first { $0.clause == clause.id }?.cases ?? 0
            #expect(n >= 5, "\(clause.id) reached \(n) times")
        }
        #expect(report.unreached.isEmpty, "\(report.unreached)")
    }

    /// Areas are real: Shandong's cities and other provinces by GB/T 2260 code or Chinese name, which the reference's
    /// area normaliser places; a small share is deliberately unplaceable (`Shandong`, `371200`) and gets invalid-input.
    @Test func generatedAreasAreRealAndASmallShareUnplaceable() {
        let generator = InputGenerator(boundaries: Boundaries(catalog: Self.catalog, parameters: Self.parameters), invalidPercent: 0)
        let areaOperations = ["employee.hospital-stay-during-transfer", "employee.transfer-handling", "employee.contribution-years"]
        var cases = 0
        var unplaceable = 0
        var texts = Set<String>()
        for name in areaOperations {
            let schema = Operations.schema(named: name)!
            for i in 0..<2_000 {
                var random = SeededRandom(seed: 11, index: UInt64(i))
                let (input, _) = generator.input(for: schema, random: &random)
                for key in ["areaAtAdmission", "areaAtDischarge", "fromCity", "toCity", "fromProvince", "toProvince"] {
                    if case .string(let text)? = input[key] { texts.insert(text) }
                }
                cases += 1
                if case .failure(let e) = Reference.evaluate(operation: name, input: input, parameters: Self.parameters),
                    e.message.contains("not a pooling area") || e.message.contains("not a GB/T 2260") || e.message.contains("not a city")
                        || e.message.contains(" is not in ")
                {
                    unplaceable += 1
                }
            }
        }
        // Codes and names of Shandong's cities, other provinces, Jining's counties; never the invented names of old.
        for text in ["370800", "济宁市", "济宁", "370811", "山东省", "370000"] { #expect(texts.contains(text), "\(text)") }
        #expect(texts.contains { $0.hasPrefix("32") || $0.hasPrefix("江苏") })
        // A few percent of area texts cannot be placed (about 3% each, two or more areas a case): more than none,
        // far from most.
        #expect(unplaceable > cases / 100 && unplaceable < cases / 5, "\(unplaceable)/\(cases)")
    }

    @Test func invalidInputsGetInvalidInputFromTheReference() {
        let generator = InputGenerator(boundaries: Boundaries(catalog: Self.catalog, parameters: Self.parameters), invalidPercent: 100)
        var invalid = 0, total = 0
        for schema in Operations.all {
            for i in 0..<200 {
                var random = SeededRandom(seed: 9, index: UInt64(i))
                let (input, valid) = generator.input(for: schema, random: &random)
                #expect(!valid)
                total += 1
                if case .failure(let e) = Reference.evaluate(operation: schema.name, input: input, parameters: FuzzerTests.parameters),
                    e.code == .invalidInput
                {
                    invalid += 1
                }
            }
        }
        // Most corruptions make the input invalid (setting an optional field to null may not).
        #expect(invalid * 10 >= total * 8, "\(invalid)/\(total)")
    }
}
