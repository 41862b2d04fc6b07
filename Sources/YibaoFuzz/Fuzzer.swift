import Dispatch
import Foundation
import YibaoRun
import YibaoSuite
import YibaoRules

/// Seeded, boundary-seeking differential testing: generated cases answered by the reference and by an
/// implementation, disagreements grouped by signature and shrunk. The same seed and options give the same cases
/// and the same findings.
public struct Fuzzer: Sendable {
    public struct Options: Sendable {
        public var seed: UInt64
        /// Cases to run; with `seconds`, as many blocks as fit in the time (at least one).
        public var count: Int
        public var seconds: Double?
        /// Operations to draw from (all when empty).
        public var operations: [String] = []
        /// Cores used to generate and judge in process.
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        public var invalidPercent = 8
        /// Findings shrunk (the rest are reported with their first input).
        public var maxShrunk = 50
        /// Cases per block: what is held in memory at once.
        public var blockSize = 20_000

        public init(seed: UInt64, count: Int) {
            self.seed = seed
            self.count = count
        }
    }

    public let catalog: Catalog
    /// The notices' numbers and dates the reference answers with (the catalog's).
    public let parameters: Parameters
    public let generator: InputGenerator
    /// Whether a finding lies in a region governed by provisional readings (advisory: it fails nothing).
    public var isAdvisory: @Sendable (Signature) -> Bool = { _ in false }

    public init(catalog: Catalog, parameters: Parameters) {
        self.catalog = catalog
        self.parameters = parameters
        generator = InputGenerator(boundaries: Boundaries(catalog: catalog, parameters: parameters))
    }

    /// A seed drawn from the system's random source, for runs not given one.
    public static func freshSeed() -> UInt64 {
        var system = SystemRandomNumberGenerator()
        return system.next() >> 1  // fits an Int: printable and replayable as --seed
    }

    /// Case `index` of a run: the same for a seed on any core and in any order.
    func makeCase(_ index: Int, seed: UInt64, schemas: [OperationSchema], invalidPercent: Int) -> FuzzCase {
        var random = SeededRandom(seed: seed, index: UInt64(index))
        let schema = schemas[random.below(schemas.count)]
        var generator = self.generator
        generator.invalidPercent = invalidPercent
        let (input, valid) = generator.input(for: schema, random: &random)
        let reference = Outcome(Reference.evaluate(operation: schema.name, input: input, parameters: parameters))
        return FuzzCase(index: index, operation: schema.name, input: input, valid: valid, reference: reference)
    }

    public func run(_ options: Options, target: FuzzTarget) throws(ExternalRunner.StartError) -> FuzzReport {
        let start = Date()
        let schemas = options.operations.isEmpty ? Operations.all : options.operations.compactMap(Operations.schema(named:))
        let deadline = options.seconds.map { start.addingTimeInterval($0) }
        var groups: [Signature: (count: Int, first: Disagreement)] = [:]
        var traceCounts: [[String]: Int] = [:]
        var cases = 0, invalid = 0, unsupported = 0
        var implementation = ReferenceRunner.implementation
        var done = false
        while !done {
            let size = deadline == nil ? min(options.blockSize, options.count - cases) : options.blockSize
            if size <= 0 { break }
            let base = cases
            let jobs = options.jobs
            let made = inParallel(size, jobs: jobs) { range in
                range.map { self.makeCase(base + $0, seed: options.seed, schemas: schemas, invalidPercent: options.invalidPercent) }
            }.flatMap { $0 }
            let verdicts = try target.disagreements(made, jobs: jobs)
            implementation = verdicts.implementation
            unsupported += verdicts.unsupported
            for c in made {
                if !c.valid { invalid += 1 }
                if case .result(_, let trace?) = c.reference { traceCounts[trace, default: 0] += 1 }
            }
            for d in verdicts.found {
                if let existing = groups[d.signature] {
                    groups[d.signature] = (existing.count + 1, existing.first)
                } else {
                    groups[d.signature] = (1, d)
                }
            }
            cases += size
            if let deadline { done = Date() >= deadline } else { done = cases >= options.count }
        }

        // Shrink one representative per group: the earliest case.
        let ordered = groups.sorted { $0.value.first.fuzzCase.index < $1.value.first.fuzzCase.index }
        var findings: [Finding] = []
        for (k, entry) in ordered.enumerated() {
            let (signature, (count, first)) = entry
            var finding = Finding(signature: signature, count: count, advisory: isAdvisory(signature), input: first.fuzzCase.input,
                                  firstCase: first.fuzzCase.index, originalInput: first.fuzzCase.input,
                                  expected: first.fuzzCase.reference, actual: first.result.outcome, status: first.result.status,
                                  message: first.result.message, shrinkSteps: 0)
            if k < options.maxShrunk { try shrink(&finding, target: target, jobs: options.jobs) }
            findings.append(finding)
        }
        return FuzzReport(seed: options.seed, cases: cases, invalidCases: invalid, unsupported: unsupported,
                          seconds: Date().timeIntervalSince(start), operations: schemas.map(\.name),
                          implementation: implementation, findings: findings,
                          reach: reach(traceCounts, operations: schemas))
    }

    /// Shrinks the finding's input while the implementation still disagrees with the same signature.
    func shrink(_ finding: inout Finding, target: FuzzTarget, jobs: Int) throws(ExternalRunner.StartError) {
        guard let schema = Operations.schema(named: finding.operation) else { return }
        let shrinker = Shrinker(boundaries: generator.boundaries)
        var last: Disagreement?
        let signature = finding.signature
        do {
            let (input, steps) = try shrinker.shrink(finding.input, schema: schema) { candidates in
                let cases = candidates.enumerated().map { k, input in
                    FuzzCase(index: k, operation: schema.name, input: input, valid: true,
                             reference: Outcome(Reference.evaluate(operation: schema.name, input: input, parameters: parameters)))
                }
                let found = try target.disagreements(cases, jobs: jobs).found
                var verdicts = Array(repeating: false, count: cases.count)
                for d in found where d.signature == signature {
                    verdicts[d.fuzzCase.index] = true
                }
                if let k = verdicts.firstIndex(of: true) { last = found.first { $0.fuzzCase.index == k } }
                return verdicts
            }
            finding.input = input
            finding.shrinkSteps = steps
        } catch let error as ExternalRunner.StartError {
            throw error
        } catch {}
        if let last, last.fuzzCase.input == finding.input {
            finding.expected = last.fuzzCase.reference
            finding.actual = last.result.outcome
            finding.status = last.result.status
            finding.message = last.result.message
        }
    }

    /// Cases per normative clause of the operations run, counting a trace's clauses and their parents once each.
    func reach(_ traces: [[String]: Int], operations: [OperationSchema]) -> [(clause: String, cases: Int)] {
        var counts: [String: Int] = [:]
        for (trace, n) in traces {
            var reached = Set<String>()
            for clause in trace {
                reached.insert(clause)
                reached.formUnion(catalog.ancestors(of: clause))
            }
            for clause in reached { counts[clause, default: 0] += n }
        }
        let scope = Set(operations.flatMap(\.clauses))
        return catalog.normativeClauses.filter { scope.contains($0.id) || counts[$0.id] != nil }
            .map { ($0.id, counts[$0.id] ?? 0) }
    }
}
