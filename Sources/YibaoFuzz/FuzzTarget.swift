import Dispatch
import Foundation
import YibaoRules
import YibaoRun
import YibaoSuite
import YibaoYAML

/// The implementation a fuzz run tests: one in this process (`--impl reference`, or a test's planted bug), or an
/// external one over the protocol, supervised by the runner `run` uses (timeouts, crashes and protocol errors are
/// findings too).
public enum FuzzTarget: Sendable {
    case inProcess(Implementation, @Sendable (String, Value) -> Result<Answer, RuleError>)
    case external(ExternalRunner.Options)
    /// The built-in reference, with the fuzzer's parameters, as the implementation (`--impl reference`): a self-check
    /// of the generators, the judge and the pipeline's speed. The reference is a pure function of the case, so its
    /// answer, made once to judge the case, is also the implementation's answer: the case is not evaluated twice.
    case reference

    /// The implementation and its answer to a case, when it answers in this process.
    var inProcess: (implementation: Implementation, answer: @Sendable (FuzzCase) -> Outcome)? {
        switch self {
        case .inProcess(let implementation, let evaluate): return (implementation, { Outcome(evaluate($0.operation, $0.input)) })
        case .reference: return (ReferenceRunner.implementation, { $0.reference })
        case .external: return nil
        }
    }
}

/// One generated case and the reference's answer to it.
struct FuzzCase: Sendable {
    var index: Int
    var operation: String
    var input: Value
    var valid: Bool
    var reference: Outcome
    /// The provisional interpretations the reference's answer rests on (`Fuzzer.provisionalReadings`): when any, a
    /// disagreement on this case is advisory.
    var provisional: [String] = []
    /// The output fields each of those readings' other option can change (`Answer.readingFields`): a disagreement
    /// elsewhere is not advisory.
    var readingFields: [String: [String]] = [:]
}

/// How an implementation's answer to a case differs from the reference's: what groups findings.
public struct Signature: Hashable, Sendable, Comparable {
    public var operation: String
    /// The differing fields (`restoredFrom`, `requirements[1].actualMonths`), or what went wrong instead of an
    /// answer (`error: invalid-input → out-of-scope`, `(timeout)`).
    public var differing: [String]
    /// The reference's trace: the region of the rules the case fell in.
    public var trace: [String]
    /// The provisional interpretations the reference's answer to the case rests on: a disagreement with any is
    /// advisory. Part of the signature, so a bug's cases outside every provisional reading are a finding of their own
    /// that fails, whatever its advisory neighbours.
    public var provisional: [String] = []

    public static func < (a: Signature, b: Signature) -> Bool {
        (
            a.operation, a.differing.joined(separator: "\u{1}"), a.trace.joined(separator: "\u{1}"),
            a.provisional.joined(separator: "\u{1}")
        )
            < (
                b.operation, b.differing.joined(separator: "\u{1}"), b.trace.joined(separator: "\u{1}"),
                b.provisional.joined(separator: "\u{1}")
            )
    }
}

/// A case where the implementation did not answer as the reference did.
struct Disagreement: Sendable {
    var fuzzCase: FuzzCase
    var result: VectorResult
    var signature: Signature
}

enum CaseJudge {
    /// The case as a vector whose expectation is the reference's answer. In memory only: the fuzzer never writes
    /// an expected value into a vector file.
    static func vector(_ c: FuzzCase) -> Vector {
        let expected: Vector.Expected
        switch c.reference {
        case .result(.object(let members), _): expected = .output(members)
        case .result: expected = .output([])
        case .error(let code, _, _): expected = .error(code)
        }
        return Vector(
            id: "case-\(c.index)", title: "", operation: c.operation, clauses: c.reference.trace ?? [],
            interpretations: [], why: "", input: c.input, expected: expected,
            mark: Mark(file: "fuzz", line: 1, column: 1))
    }

    /// Nil when the implementation's result agrees with the reference's by `run`'s comparison; unsupported
    /// operations are no disagreement.
    static func disagreement(_ c: FuzzCase, _ result: VectorResult) -> Disagreement? {
        switch result.status {
        case .pass, .unsupported: return nil
        default:
            var d = Disagreement(fuzzCase: c, result: result, signature: signature(c, result))
            // Advisory only where the provisional readings could explain it (ReadingScope); else a finding that fails.
            if !ReadingScope.explains(result, readings: c.provisional, fields: c.readingFields) { d.signature.provisional = [] }
            return d
        }
    }

    /// Judges an in-process answer: equal outcomes agree at once; others go through `run`'s comparison.
    static func judge(_ c: FuzzCase, _ outcome: Outcome) -> Disagreement? {
        if sameAnswer(outcome, c.reference) { return nil }
        return disagreement(c, VectorResult.judge(vector(c), outcome))
    }

    static func sameAnswer(_ a: Outcome, _ b: Outcome) -> Bool {
        switch (a, b) {
        case (.result(let x, _), .result(let y, _)): return x == y
        case (.error(let x, _, _), .error(let y, _, _)): return x == y
        default: return false
        }
    }

    /// The error codes of the protocol (docs/protocol.md). Any other code is written into a signature as
    /// `unknownCode`: an implementation that answers each case with a new code makes one finding, not one per case
    /// (held in memory, shrunk and reported each), and its words never make a signature. The code it sent is kept in
    /// the finding's `actual`.
    static let knownCodes: Set<String> = ["invalid-input", "out-of-scope", "unsupported", "internal"]
    static let unknownCode = "(unknown code)"

    /// `code` as a signature names it: a code of the protocol, or `unknownCode`.
    static func named(_ code: String) -> String { knownCodes.contains(code) ? code : unknownCode }

    static func signature(_ c: FuzzCase, _ r: VectorResult) -> Signature {
        var differing: [String]
        switch r.status {
        case .fail:
            differing = r.diffs.map { diff in
                guard diff.path == "error" else { return diff.path }
                let got: String
                if case .string(let code)? = diff.actual, case .error = r.outcome { got = named(code) } else { got = "a result" }
                if case .string(let want) = diff.expected { return "error: \(named(want)) → \(got)" }
                return "error → \(got)"
            }
        case .error:
            if case .error(let code, _, _)? = r.outcome {
                differing = ["result → error: \(named(code))"]
            } else {
                differing = ["(protocol error)"]
            }
        default:
            differing = ["(\(r.status.rawValue))"]
        }
        return Signature(
            operation: c.operation, differing: differing.sorted(), trace: c.reference.trace ?? [], provisional: c.provisional)
    }
}

extension FuzzTarget {
    /// The implementation's verdicts on `cases`, in order (nil: agrees). External: one supervised run.
    func disagreements(_ cases: [FuzzCase], jobs: Int) throws(ExternalRunner.StartError) -> (
        found: [Disagreement], unsupported: Int, implementation: Implementation
    ) {
        switch self {
        case .inProcess, .reference:
            guard let (implementation, answer) = inProcess else { return ([], 0, ReferenceRunner.implementation) }
            let found = inParallel(cases.count, jobs: jobs) { range in
                cases[range].compactMap { CaseJudge.judge($0, answer($0)) }
            }
            return (found.flatMap { $0 }, 0, implementation)
        case .external(let options):
            // In memory: a block's results are read back at once, and a block is bounded (`Options.blockSize`).
            let results = ResultLog(count: cases.count, spooled: false)
            let implementation = try ExternalRunner.run(VectorFeed(cases.map(CaseJudge.vector)), options: options, into: results)
            var found: [Disagreement] = []
            var unsupported = 0
            for (k, c) in cases.enumerated() {
                guard let result = results.result(k) else { continue }
                if result.status == .unsupported { unsupported += 1 }
                if let d = CaseJudge.disagreement(c, result) { found.append(d) }
            }
            return (found, unsupported, implementation)
        }
    }
}

/// `body` over `count` items split into one chunk per job, the results in chunk order.
func inParallel<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
    let chunks = max(1, min(jobs, count / 256 + 1))
    let size = (count + chunks - 1) / chunks
    let slots = ChunkSlots<T>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { k in
        let range = min(count, k * size)..<min(count, (k + 1) * size)
        slots.set(k, body(range))
    }
    return slots.values
}

/// One slot per parallel chunk, each written once (under a lock: one write per chunk costs nothing).
final class ChunkSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ value: T) {
        lock.lock()
        slots[k] = value
        lock.unlock()
    }
    var values: [T] { slots.map { $0! } }
}
