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
            Fuzzer.Options(seed: 3, count: 20_000), target: .reference)
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

    /// Cases drawn as valid are mostly answered: an object's months come mostly in the order its rules need, so that
    /// the budget is not spent on `to` before `from`; and the regions of suite 2.4.0 and 2.5.0 are reached: a late
    /// continuation after the labour relation began (I-36, I-37) and periods of two areas that overlap (I-38).
    @Test func validCasesAreMostlyAnsweredAndReachTheLaterRegions() {
        let generator = InputGenerator(
            boundaries: Boundaries(catalog: Self.catalog, parameters: Self.parameters), invalidPercent: 0)
        func answers(_ name: String) -> [Result<Answer, RuleError>] {
            let schema = Operations.schema(named: name)!
            return (0..<4_000).map { i in
                var random = SeededRandom(seed: 12, index: UInt64(i))
                return Reference.evaluate(
                    operation: name, input: generator.input(for: schema, random: &random).input, parameters: Self.parameters)
            }
        }
        func field(_ a: Result<Answer, RuleError>, _ key: String) -> Value? {
            guard case .success(let answer) = a, case .object(let members) = answer.output else { return nil }
            return members.first { $0.key == key }?.value
        }
        for name in ["employee.transfer", "employee.interruption", "employee.contribution-years"] {
            let all = answers(name)
            let invalid = all.filter { if case .failure(let e) = $0 { return e.code == .invalidInput } else { return false } }.count
            #expect(invalid * 10 < all.count * 4, "\(name): \(invalid) of \(all.count) cases drawn as valid are invalid-input")
        }
        let late = answers("employee.transfer").compactMap { a -> Int? in
            if case .number(let n)? = field(a, "continuationLateMonths") { return Int(n) }
            return nil
        }
        #expect(late.contains(0) && late.contains { $0 > 0 } && late.contains { $0 > 3 }, "\(late.count) late continuations")
        let overlapping = answers("employee.contribution-years").filter {
            if case .array(let runs)? = field($0, "overlaps") { return !runs.isEmpty }
            return false
        }
        #expect(overlapping.count >= 5, "\(overlapping.count) cases with overlapping periods")
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

/// Advisory is decided case by case: a disagreement is advisory only when the reference's answer to that very case
/// rests on a provisional interpretation (`Answer.interpretations`), never because its operation or trace sometimes
/// does. The same function serves `fuzz` and `certify`'s random section.
struct AdvisoryFuzzTests {
    static let provisional = Suite.provisionalInterpretations(root: FuzzerTests.repo.appendingPathComponent("vectors").path)

    func fuzzer() -> Fuzzer {
        var fuzzer = Fuzzer(catalog: FuzzerTests.catalog, parameters: FuzzerTests.parameters)
        fuzzer.provisional = Self.provisional
        return fuzzer
    }

    /// The trust hole of the region marking: employee.transfer-handling has a provisional reading (I-27, an application
    /// on a non-working day), and every one of its answers has the same trace, so a make-up-day bug fell wholly in an
    /// "advisory region". Now its cases on working days are a failing finding of their own.
    @Test func aTransferHandlingBugOutsideEveryProvisionalReadingFails() throws {
        #expect(Self.provisional.contains("I-27"))
        var options = Fuzzer.Options(seed: 7, count: 20_000)
        options.operations = [PlantedBug.forgetsMakeUpDays.operation]
        let report = try fuzzer().run(options, target: PlantedBug.forgetsMakeUpDays.target)
        let deadline = report.findings.filter { $0.signature.differing == ["deadline"] }
        #expect(deadline.contains { !$0.advisory && $0.provisional.isEmpty }, "\(report.findings.map(\.signature))")
        #expect(!report.failingFindings.isEmpty)
        for finding in report.findings where finding.advisory {
            #expect(finding.provisional == ["I-27"])
            // Its minimal input still rests on I-27: an application on a day that is not a working day.
            let answer = Reference.evaluate(operation: finding.operation, input: finding.input, parameters: FuzzerTests.parameters)
            #expect(Fuzzer.provisionalReadings(answer, provisional: Self.provisional) == ["I-27"])
        }
        for finding in report.failingFindings {
            let answer = Reference.evaluate(operation: finding.operation, input: finding.input, parameters: FuzzerTests.parameters)
            #expect(Fuzzer.provisionalReadings(answer, provisional: Self.provisional).isEmpty)
        }
    }

    /// Defect 19 (F3 of the 2026-12-07 attack): a case resting on a provisional reading was advisory whatever field
    /// differed. An implementation that negates `withinWindow` on exactly the cases resting on I-37's second part (an
    /// employer's laborRelationMonth, continued 2022-05 .. 2025-08) was CERTIFIED, though that reading can change only
    /// `continuationLateMonths`. Now a disagreement is advisory only in the fields its readings can change.
    @Test func aBugInAFieldTheProvisionalReadingCannotChangeFails() throws {
        let target = FuzzTarget.inProcess(Implementation(name: "negates-within-window", version: "0", vendor: "test")) {
            operation, input in
            let answer = Reference.evaluate(operation: operation, input: input, parameters: FuzzerTests.parameters)
            guard case .success(var a) = answer, a.interpretations.contains("I-37"), a.readingFields["I-37"] == ["continuationLateMonths"],
                case .object(var members) = a.output, let k = members.firstIndex(where: { $0.key == "withinWindow" }),
                case .bool(let within) = members[k].value
            else { return answer }
            members[k].value = .bool(!within)
            a.output = .object(members)
            return .success(a)
        }
        var options = Fuzzer.Options(seed: 9, count: 40_000)
        options.operations = ["employee.transfer"]
        let report = try fuzzer().run(options, target: target)
        #expect(!report.findings.isEmpty, "no generated case rested on I-37's second part")
        #expect(report.findings.allSatisfy { !$0.advisory }, "\(report.findings.map(\.signature))")
        #expect(report.failingFindings.contains { $0.signature.differing == ["withinWindow"] })
    }

    /// An implementation that reads I-27 the other way disagrees only on cases resting on I-27: every finding advisory,
    /// nothing failing.
    @Test func readingAProvisionalEntryTheOtherWayStaysAdvisory() throws {
        var options = Fuzzer.Options(seed: 8, count: 20_000)
        options.operations = ["employee.transfer-handling"]
        let report = try fuzzer().run(options, target: OtherReadingOfI27.target)
        #expect(!report.findings.isEmpty, "the other reading of I-27 changed no generated answer")
        #expect(report.failingFindings.isEmpty, "\(report.failingFindings.map { JSON.serialize($0.input) })")
        for finding in report.findings { #expect(finding.provisional == ["I-27"]) }
        // Without the register's statuses nothing is advisory: the marking comes from docs/interpretations.md.
        let plain = try Fuzzer(catalog: FuzzerTests.catalog, parameters: FuzzerTests.parameters).run(
            options, target: OtherReadingOfI27.target)
        #expect(plain.failingFindings.count == plain.findings.count && !plain.findings.isEmpty)
    }

    /// Every provisional entry of the register is one the reference names for some generated input (a new provisional
    /// entry the rules do not tag would leave its disagreements failing), and the suite's tagging agrees with the
    /// rules': a vector names a provisional entry exactly when the reference's answer to its input rests on it.
    @Test func theRulesNameEveryProvisionalReadingAndTheVectorsAgree() {
        let generator = InputGenerator(boundaries: Boundaries(catalog: FuzzerTests.catalog, parameters: FuzzerTests.parameters))
        var seen: [String: Int] = [:]
        for schema in Operations.all {
            for i in 0..<4_000 {
                var random = SeededRandom(seed: 21, index: UInt64(i))
                let (input, _) = generator.input(for: schema, random: &random)
                let answer = Reference.evaluate(operation: schema.name, input: input, parameters: FuzzerTests.parameters)
                for id in Fuzzer.provisionalReadings(answer, provisional: Self.provisional) { seen[id, default: 0] += 1 }
            }
        }
        for id in Self.provisional { #expect(seen[id, default: 0] > 0, "no generated case rests on provisional \(id)") }

        let (suite, _) = Suite.load(root: FuzzerTests.repo.appendingPathComponent("vectors").path)
        for vector in suite.vectors {
            let answer = Reference.evaluate(operation: vector.operation, input: vector.input, parameters: FuzzerTests.parameters)
            let rests = Fuzzer.provisionalReadings(answer, provisional: Self.provisional)
            // Both ways: naming a provisional reading the answer does not rest on makes the vector advisory for nothing
            // (lu-2021-54-3a-flexible-out-area-until-paid-month named I-3 without a gap until suite 2.5.2).
            #expect(Set(rests) == Set(vector.provisional), "\(vector.id): rests on \(rests), names \(vector.provisional)")
        }
    }
}
