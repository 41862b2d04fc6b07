import YibaoRules
import YibaoRun
import YibaoSuite

/// One group of disagreements with the same signature, shrunk to a minimal input.
public struct Finding: Sendable {
    public var signature: Signature
    public var operation: String { signature.operation }
    /// How many generated cases disagreed this way.
    public var count: Int
    /// The reference's answer rests on a provisional interpretation (`provisional`): reported, but it fails nothing.
    public var advisory: Bool { !signature.provisional.isEmpty }
    /// The provisional interpretations (docs/interpretations.md) the reference's answers to these cases rest on.
    public var provisional: [String] { signature.provisional }
    /// " (advisory: provisional I-27)" for an advisory finding, else "": for headings.
    var advisoryNote: String { advisory ? Messages.text("fuzz.advisoryNote", provisional.joined(separator: ", ")) : "" }
    /// The shrunk input, and the case it was shrunk from (its index and input).
    public var input: Value
    public var firstCase: Int
    public var originalInput: Value
    /// The reference's answer to the shrunk input (a comparison, never an expected value for a vector).
    public var expected: Outcome
    /// The implementation's answer to the shrunk input (nil for a timeout, crash or protocol error).
    public var actual: Outcome?
    public var status: VectorResult.Status
    public var message: String?
    /// The reference's trace of the shrunk input.
    public var trace: [String] { signature.trace }
    /// Steps the shrinker took.
    public var shrinkSteps: Int
}

/// What a fuzz run did and found.
public struct FuzzReport: Sendable {
    public var seed: UInt64
    /// Cases generated and answered.
    public var cases: Int
    /// Of them, made deliberately invalid.
    public var invalidCases: Int
    /// Cases of operations the implementation does not list (not compared).
    public var unsupported: Int
    public var seconds: Double
    public var operations: [String]
    public var implementation: Implementation
    /// Groups by signature, in the order of their first case.
    public var findings: [Finding]
    /// Disagreeing cases whose signature was new after `Fuzzer.Options.maxFindings` findings of its kind (failing or
    /// advisory) were kept: counted, not kept.
    public var otherFindingCases = 0
    /// The cap on findings of each kind the run was made with.
    public var maxFindings = Fuzzer.Options.defaultMaxFindings
    /// Cases whose reference trace reached each clause (or a sub-clause of it): every normative clause of the
    /// operations run, in catalog order, with zeros.
    public var reach: [(clause: String, cases: Int)]

    public var failingFindings: [Finding] { findings.filter { !$0.advisory } }
    public var casesPerSecond: Double { seconds > 0 ? Double(cases) / seconds : 0 }
    /// Normative clauses of the operations run that no case reached.
    public var unreached: [String] { reach.filter { $0.cases == 0 }.map(\.clause) }
}
