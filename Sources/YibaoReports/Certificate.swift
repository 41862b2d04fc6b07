import YibaoRules
import YibaoRun
import YibaoSuite

/// A certificate's scope and verdict. The scope is the operations the implementation advertised in its hello and their clauses (the
/// contract's clauses column). Inside the scope every vector must pass — a vector tagged only with an informative
/// clause counts like any other — except advisory ones (provisional readings), which are listed, never a reason not
/// to certify. Clauses of no advertised operation are outside the scope and named as such.
public struct Certificate: Sendable {
    /// The advertised operations, in contract order.
    public var operations: [String]
    /// How many operations the contract has.
    public var contractOperations: Int
    /// The normative clauses of the advertised operations (the contract's column, and those their vectors are tagged
    /// with), in catalog order.
    public var clauses: [String]
    /// The normative clauses of no advertised operation, in catalog order.
    public var clausesOutside: [String]
    /// Clauses of the scope with a vector in it that neither passed nor is advisory, in catalog order.
    public var clausesNotPassing: [String] = []
    /// Vectors of the advertised operations, how many passed, and the advisory ones among those that did not.
    public var vectors = 0
    public var passed = 0
    public var advisoryNotPassing = 0

    /// Vectors in scope that neither passed nor are advisory: each one withholds the certificate.
    public var failing: Int { vectors - passed - advisoryNotPassing }

    /// Every vector in a non-empty scope passes (advisory ones aside).
    public var allPass: Bool { !operations.isEmpty && vectors > 0 && failing == 0 }

    /// What the random section ran and found (nil when it did not run: an empty scope).
    public var random: RandomSection?

    /// `certify`'s fresh cases over the same operations, answered by the processes of the same command.
    public struct RandomSection: Sendable {
        public var seed: UInt64
        public var cases: Int
        public var findings: Int
        /// Findings not advisory: each withholds the certificate.
        public var failing: Int
        /// Generated cases of the scope's operations the section's processes did not take (their hello listed fewer
        /// operations than the vectors' did).
        public var unsupported: Int
        /// The section's hello named another implementation (name, version or vendor) than the vectors' did.
        public var otherImplementation: Bool
        /// Fewer cases than a certificate needs (`--random-cases` below the default): the run and its reports are made,
        /// but it certifies nothing (a vendor could otherwise lower the section to a case or two).
        public var tooSmall: Bool

        public init(
            seed: UInt64, cases: Int, findings: Int, failing: Int, unsupported: Int, otherImplementation: Bool, tooSmall: Bool
        ) {
            self.seed = seed
            self.cases = cases
            self.findings = findings
            self.failing = failing
            self.unsupported = unsupported
            self.otherImplementation = otherImplementation
            self.tooSmall = tooSmall
        }

        /// Nothing in the section withholds the certificate.
        public var clean: Bool { failing == 0 && unsupported == 0 && !otherImplementation && !tooSmall }
    }

    /// Granted: every vector in the scope passes, and the random section, answered by the same implementation over the
    /// same operations, found no failing disagreement.
    public var certified: Bool { allPass && random?.clean != false }

    public init(_ report: RunReport) {
        let advertised = Set(report.implementation.operations)
        operations = Operations.all.map(\.name).filter(advertised.contains)
        contractOperations = Operations.all.count
        var inScope = Set(Operations.all.filter { advertised.contains($0.name) }.flatMap(\.clauses))
        var notPassing = Set<String>()
        for result in report.results where advertised.contains(result.vector.operation) {
            inScope.formUnion(result.vector.clauses)
            vectors += 1
            if result.status == .pass {
                passed += 1
            } else if result.vector.advisory {
                advisoryNotPassing += 1
            } else {
                notPassing.formUnion(result.vector.clauses)
            }
        }
        clausesNotPassing = report.catalog.clauses.map(\.id).filter(notPassing.contains)
        let normative = report.catalog.normativeClauses.map(\.id)
        clauses = normative.filter(inScope.contains)
        clausesOutside = normative.filter { !inScope.contains($0) }
    }

    /// "9 of 14 operations".
    public var scopeText: String { Messages.text("certify.scopeOperations", operations.count, contractOperations) }

    /// The badge's words: "9 of 14 operations" when certified, "not certified (9 of 14 operations)" when not.
    public var badgeText: String { certified ? scopeText : Messages.text("badge.notCertified", scopeText) }
}
