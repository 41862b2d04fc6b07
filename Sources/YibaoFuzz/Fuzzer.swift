import Dispatch
import Foundation
import YibaoRules
import YibaoRun
import YibaoSuite

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
        /// Findings shrunk (the rest are reported with their first input). Not-run findings are never shrunk: their
        /// cases were never sent, so a smaller input would tell nothing.
        public var maxShrunk = 50
        /// Of them, timeouts and crashes shrunk, and the steps each: a step costs the implementation's timeout (or a
        /// restart), and an implementation that hangs on every case takes every candidate, so these are shrunk only a
        /// little (at `--timeout 1`, a section whose every case hangs ends in seconds, not an hour).
        public var maxShrunkFailures = 3
        public var maxFailureSteps = 5
        /// Findings kept of each kind, failing and advisory: past them, a case that disagrees in a new way is counted
        /// (`FuzzReport.otherFindingCases`), not kept, so a run's memory and report stay bounded however many ways an
        /// implementation finds to disagree. Per kind, so an advisory flood cannot hide a failing finding.
        public var maxFindings = defaultMaxFindings
        public static let defaultMaxFindings = 1_000
        /// Cases per block: what is held in memory at once.
        public var blockSize = 20_000
        /// Certification: of the generated cases, keep those that reach a normative clause reached fewer than
        /// this many times so far, and a random `fillPercent` of the rest, until `count` are kept: a fixed number of
        /// cases that reaches every clause of the scope several times. Nil: every generated case is run.
        public var reachEach: Int?
        public var fillPercent = 1

        public init(seed: UInt64, count: Int) {
            self.seed = seed
            self.count = count
        }
    }

    public let catalog: Catalog
    /// The notices' numbers and dates the reference answers with (the catalog's).
    public let parameters: Parameters
    public let generator: InputGenerator
    /// The interpretations awaiting a ruling (`Suite.provisionalInterpretations`): a case whose reference answer
    /// rests on one of them (`Answer.interpretations`) is advisory, for `fuzz` and `certify` alike.
    public var provisional: Set<String> = []

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
        let schema = Self.pick(schemas, &random)
        var generator = self.generator
        generator.invalidPercent = invalidPercent
        let (input, valid) = generator.input(for: schema, random: &random)
        return judged(index: index, operation: schema.name, input: input, valid: valid)
    }

    /// A case with the reference's answer and the provisional readings that answer rests on.
    func judged(index: Int, operation: String, input: Value, valid: Bool) -> FuzzCase {
        let answer = Reference.evaluate(operation: operation, input: input, parameters: parameters)
        let readings = Self.provisionalReadings(answer, provisional: provisional)
        var fields: [String: [String]] = [:]
        if !readings.isEmpty, case .success(let a) = answer { fields = a.readingFields }
        return FuzzCase(
            index: index, operation: operation, input: input, valid: valid, reference: Outcome(answer),
            provisional: readings, readingFields: fields)
    }

    /// The provisional interpretations the reference's answer rests on, sorted: the one test of whether a disagreement
    /// is advisory, for `fuzz` and `certify`. Precise to the case: an operation that has provisional readings is not
    /// advisory where its answer does not depend on one.
    public static func provisionalReadings(_ answer: Result<Answer, RuleError>, provisional: Set<String>) -> [String] {
        guard case .success(let a) = answer, !a.interpretations.isEmpty, !provisional.isEmpty else { return [] }
        return a.interpretations.filter(provisional.contains).sorted()
    }

    /// An operation, each as likely as the number of clauses it names: an operation with six clauses has more
    /// regions to reach than one with one.
    static func pick(_ schemas: [OperationSchema], _ random: inout SeededRandom) -> OperationSchema {
        var k = random.below(schemas.reduce(0) { $0 + max(1, $1.clauses.count) })
        for schema in schemas {
            k -= max(1, schema.clauses.count)
            if k < 0 { return schema }
        }
        return schemas[schemas.count - 1]
    }

    public func run(_ options: Options, target: FuzzTarget) throws(ExternalRunner.StartError) -> FuzzReport {
        let start = Date()
        let schemas = options.operations.isEmpty ? Operations.all : options.operations.compactMap(Operations.schema(named:))
        let deadline = options.seconds.map { start.addingTimeInterval($0) }
        var groups: [Signature: (count: Int, first: Disagreement)] = [:]
        var kept = (failing: 0, advisory: 0), otherFindingCases = 0
        var traceCounts: [[String]: Int] = [:]
        var cases = 0, invalid = 0, unsupported = 0, generated = 0
        var selectionCounts: [String: Int] = [:]
        var selected: [FuzzCase] = []
        var implementation = ReferenceRunner.implementation
        var done = false
        func group(_ d: Disagreement) {
            if let existing = groups[d.signature] {
                groups[d.signature] = (existing.count + 1, existing.first)
            } else if d.signature.provisional.isEmpty ? kept.failing < options.maxFindings : kept.advisory < options.maxFindings {
                groups[d.signature] = (1, d)
                if d.signature.provisional.isEmpty { kept.failing += 1 } else { kept.advisory += 1 }
            } else {
                otherFindingCases += 1
            }
        }
        while !done {
            let size = deadline == nil && options.reachEach == nil ? min(options.blockSize, options.count - cases) : options.blockSize
            if size <= 0 || (deadline == nil && cases >= options.count) { break }
            let jobs = options.jobs
            let base = generated
            generated += size
            if options.reachEach == nil, let (inProcess, answer) = target.inProcess {
                // In process, each core makes, answers and judges its own cases and counts what they reached: no
                // block of cases is held, and nothing is left for one core to do after them.
                let tallies = inParallel(size, jobs: jobs) { range in
                    var tally = Tally()
                    for k in range {
                        let c = self.makeCase(base + k, seed: options.seed, schemas: schemas, invalidPercent: options.invalidPercent)
                        tally.count(c)
                        if let d = CaseJudge.judge(c, answer(c)) { tally.found.append(d) }
                    }
                    return tally
                }
                implementation = inProcess
                for tally in tallies {
                    invalid += tally.invalid
                    traceCounts.merge(tally.traces, uniquingKeysWith: +)
                    for d in tally.found { group(d) }
                }
                cases += size
                if let deadline { done = Date() >= deadline } else { done = cases >= options.count }
                continue
            }
            var made = inParallel(size, jobs: jobs) { range in
                range.map { self.makeCase(base + $0, seed: options.seed, schemas: schemas, invalidPercent: options.invalidPercent) }
            }.flatMap { $0 }
            if let each = options.reachEach {
                // A block of 20,000 generated cases keeps a few hundred: they are held with the next blocks' until a
                // block's worth (or the whole count) is kept, so the implementation is started once for them, not
                // once per generated block (a JVM adapter's start each time). The cases and their order are the same.
                selected += select(
                    made, reachEach: each, fillPercent: options.fillPercent, seed: options.seed,
                    limit: options.count - cases - selected.count, counts: &selectionCounts)
                let enough = selected.count >= options.blockSize || cases + selected.count >= options.count
                if deadline == nil && !enough { continue }
                made = selected
                selected = []
            }
            let verdicts = try target.disagreements(made, jobs: jobs)
            implementation = verdicts.implementation
            unsupported += verdicts.unsupported
            var tally = Tally()
            for c in made { tally.count(c) }
            invalid += tally.invalid
            traceCounts.merge(tally.traces, uniquingKeysWith: +)
            for d in verdicts.found { group(d) }
            cases += made.count
            if let deadline { done = Date() >= deadline } else { done = cases >= options.count }
        }

        // One representative per group, the earliest case; the first `maxShrunk` are shrunk together.
        let ordered = groups.sorted { $0.value.first.fuzzCase.index < $1.value.first.fuzzCase.index }
        var findings = ordered.map { signature, group in
            Finding(
                signature: signature, count: group.count, input: group.first.fuzzCase.input,
                firstCase: group.first.fuzzCase.index, originalInput: group.first.fuzzCase.input,
                expected: group.first.fuzzCase.reference, actual: group.first.result.outcome, status: group.first.result.status,
                message: group.first.result.message, shrinkSteps: 0)
        }
        try shrink(&findings, options: options, target: target)
        return FuzzReport(
            seed: options.seed, cases: cases, invalidCases: invalid, unsupported: unsupported,
            seconds: Date().timeIntervalSince(start), operations: schemas.map(\.name),
            implementation: implementation, findings: findings, otherFindingCases: otherFindingCases, maxFindings: options.maxFindings,
            reach: reach(traceCounts, operations: schemas))
    }

    /// The cases kept for a certification's random section, in order: those that reach a normative clause still
    /// reached fewer than `reachEach` times, and `fillPercent` of the rest (drawn from the seed), at most `limit`.
    func select(
        _ made: [FuzzCase], reachEach: Int, fillPercent: Int, seed: UInt64, limit: Int,
        counts: inout [String: Int]
    ) -> [FuzzCase] {
        var kept: [FuzzCase] = []
        for c in made where kept.count < limit {
            var clauses: [String] = []
            if case .result(_, let trace?) = c.reference {
                clauses = trace.filter { catalog[$0]?.isNormative == true }
            }
            var fill = SeededRandom(seed: ~seed, index: UInt64(c.index))
            guard clauses.contains(where: { counts[$0, default: 0] < reachEach }) || fill.percent(fillPercent) else { continue }
            for clause in clauses { counts[clause, default: 0] += 1 }
            kept.append(c)
        }
        return kept
    }

    /// Shrinks the first `maxShrunk` findings' inputs while the implementation still disagrees with the same signature:
    /// those it answered (a wrong answer, an error, a protocol error) together, then at most `maxShrunkFailures`
    /// timeouts and crashes, each alone and for at most `maxFailureSteps` steps. Not-run findings are left as found.
    func shrink(_ findings: inout [Finding], options: Options, target: FuzzTarget) throws(ExternalRunner.StartError) {
        let shrinker = Shrinker(boundaries: generator.boundaries)
        let shrinkable = findings.indices.filter {
            findings[$0].status != .notRun && Operations.schema(named: findings[$0].operation) != nil
        }.prefix(options.maxShrunk)
        let failed = Set(shrinkable.filter { findings[$0].status == .timeout || findings[$0].status == .crash })
        let answered = shrinkable.filter { !failed.contains($0) }
        let failures = shrinkable.filter(failed.contains).prefix(options.maxShrunkFailures)
        try shrink(&findings, Array(answered), steps: shrinker.maxSteps, shrinker: shrinker, target: target, jobs: options.jobs)
        // Alone, so the hang or crash of one finding's candidate does not leave the others' not run; and giving up at the
        // first start that answers nothing, so a round costs one timeout, not three: its first candidate that hangs is the
        // one taken, and the candidates after it are not needed.
        var oneDeadStart = target
        if case .external(var runner) = target {
            runner.maxDeadStarts = 1
            oneDeadStart = .external(runner)
        }
        for f in failures {
            try shrink(&findings, [f], steps: options.maxFailureSteps, shrinker: shrinker, target: oneDeadStart, jobs: options.jobs)
        }
    }

    /// Shrinks `active` findings for at most `steps` rounds. All step together: each round sends every finding's
    /// candidates in one batch (one supervised run for an external implementation), and each finding takes its first
    /// candidate that still disagrees the same way; a finding with none is done.
    func shrink(
        _ findings: inout [Finding], _ active: [Int], steps: Int, shrinker: Shrinker, target: FuzzTarget, jobs: Int
    ) throws(ExternalRunner.StartError) {
        var active = active
        var round = 0
        while !active.isEmpty && round < steps {
            round += 1
            var batch: [FuzzCase] = []
            var owned: [(finding: Int, range: Range<Int>)] = []
            for f in active {
                let schema = Operations.schema(named: findings[f].operation)!
                let start = batch.count
                for input in shrinker.candidates(findings[f].input, fields: schema.input).prefix(Shrinker.maxCandidates) {
                    batch.append(judged(index: batch.count, operation: schema.name, input: input, valid: true))
                }
                owned.append((f, start..<batch.count))
            }
            var byIndex: [Int: Disagreement] = [:]
            for d in try target.disagreements(batch, jobs: jobs).found { byIndex[d.fuzzCase.index] = d }
            var still: [Int] = []
            for (f, range) in owned {
                guard let k = range.first(where: { byIndex[$0]?.signature == findings[f].signature }), let d = byIndex[k] else { continue }
                findings[f].input = d.fuzzCase.input
                findings[f].expected = d.fuzzCase.reference
                findings[f].actual = d.result.outcome
                findings[f].status = d.result.status
                findings[f].message = d.result.message
                findings[f].shrinkSteps += 1
                still.append(f)
            }
            active = still
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

/// What a share of a block's cases came to: how many were deliberately invalid, how many had each reference trace,
/// and the disagreements found.
struct Tally {
    var invalid = 0
    var traces: [[String]: Int] = [:]
    var found: [Disagreement] = []

    mutating func count(_ c: FuzzCase) {
        if !c.valid { invalid += 1 }
        if case .result(_, let trace?) = c.reference { traces[trace, default: 0] += 1 }
    }
}
