import YibaoRules
import YibaoRun
import YibaoSuite

/// Clause coverage of a run: per clause, the vectors tagged with it and how many passed; per document and
/// overall, the share of normative clauses covered; and the trace cross-check.
public struct CoverageReport: Sendable {
    public enum Status: String, Sendable {
        /// At least one vector, all passing (advisory vectors aside: they fail no clause).
        case covered
        /// At least one vector not passing.
        case failing
        /// No vector.
        case uncovered
        /// Every vector's operation is one the implementation does not support.
        case unsupported
        /// Informative: says why it has no vector.
        case informative
        /// A heading whose rules are in its children.
        case group
    }

    public struct ClauseLine: Sendable {
        public var clause: Clause
        public var vectors: Int
        public var passed: Int
        public var status: Status
        /// Advisory vectors of the clause that did not pass (they do not make it failing).
        public var advisoryNotPassing = 0
    }

    public struct DocumentLine: Sendable {
        public var document: String
        public var normative: Int
        public var covered: Int
        public var percent: Double { normative == 0 ? 100 : Double(covered) * 100 / Double(normative) }
    }

    /// A vector tagged with a clause its answer's trace never touches (nor a sub-clause of it).
    public struct MisTag: Sendable {
        public var vector: Vector
        public var clause: String
        public var trace: [String]
    }

    public var clauses: [ClauseLine] = []
    public var documents: [DocumentLine] = []
    public var misTagged: [MisTag] = []
    /// Clauses some trace applied that no vector is tagged with.
    public var appliedButUntagged: [String] = []
    /// Normative clauses with fewer vectors than the suite asks for.
    public var thin: [ClauseLine] = []
    public var minimumVectors: Int

    public var normativeCount: Int { documents.reduce(0) { $0 + $1.normative } }
    public var coveredCount: Int { documents.reduce(0) { $0 + $1.covered } }
    public var percent: Double { normativeCount == 0 ? 100 : Double(coveredCount) * 100 / Double(normativeCount) }

    /// - Parameters:
    ///   - results: the run's results (against the reference or an implementation).
    ///   - crossCheck: check the vectors' clauses against the traces of the answers (a reference run: see
    ///     `referenceTrace(of:)`).
    public init(catalog: Catalog, results: [VectorResult], crossCheck: Bool = false, minimumVectors: Int = 3) {
        self.init(catalog: catalog, log: ResultLog(results), crossCheck: crossCheck, minimumVectors: minimumVectors)
    }

    /// Coverage from a run's log, from the statuses, clauses and traces it keeps (no result is read back but the
    /// mis-tagged ones).
    public init(catalog: Catalog, log: ResultLog, crossCheck: Bool = false, minimumVectors: Int = 3) {
        self.minimumVectors = minimumVectors
        var tagged: [String: (vectors: Int, passed: Int, unsupported: Int, advisory: Int)] = [:]
        var applied = Set<String>()
        // Traces repeat across vectors: what each one touches (its clauses and their parents) is worked out once.
        var touchedByTrace: [[String]: Set<String>] = [:]
        var misTags: [(index: Int, clause: String, trace: [String])] = []
        log.forEachTally { index, status, vectorClauses, trace, advisory in
            for (i, clause) in vectorClauses.enumerated() where !vectorClauses[..<i].contains(clause) {
                tagged[clause, default: (0, 0, 0, 0)].vectors += 1
                if status == .pass { tagged[clause, default: (0, 0, 0, 0)].passed += 1 }
                if status == .unsupported { tagged[clause, default: (0, 0, 0, 0)].unsupported += 1 }
                // An advisory vector (a provisional reading) that does not pass fails no clause.
                if advisory && status != .pass && status != .unsupported { tagged[clause, default: (0, 0, 0, 0)].advisory += 1 }
            }
            guard crossCheck, let trace else { return }
            let touched: Set<String>
            if let known = touchedByTrace[trace] {
                touched = known
            } else {
                applied.formUnion(trace)
                touched = Set(trace).union(trace.flatMap { catalog.ancestors(of: $0) })
                touchedByTrace[trace] = touched
            }
            for clause in vectorClauses where !touched.contains(clause) { misTags.append((index, clause, trace)) }
        }
        for tag in misTags {
            if let result = log.result(tag.index) { misTagged.append(MisTag(vector: result.vector, clause: tag.clause, trace: tag.trace)) }
        }
        var perDocument: [String: DocumentLine] = [:]
        for doc in catalog.documents { perDocument[doc.id] = DocumentLine(document: doc.id, normative: 0, covered: 0) }
        for clause in catalog.clauses {
            let counts = tagged[clause.id] ?? (0, 0, 0, 0)
            let status: Status
            switch clause.kind {
            case .informative: status = .informative
            case .group: status = .group
            case .normative:
                status =
                    counts.vectors == 0
                    ? .uncovered
                    : counts.passed + counts.advisory == counts.vectors
                        ? .covered
                        : counts.unsupported == counts.vectors ? .unsupported : .failing
                perDocument[clause.document]?.normative += 1
                if status == .covered { perDocument[clause.document]?.covered += 1 }
            }
            let line = ClauseLine(
                clause: clause, vectors: counts.vectors, passed: counts.passed, status: status,
                advisoryNotPassing: counts.advisory)
            clauses.append(line)
            if clause.isNormative && counts.vectors < minimumVectors { thin.append(line) }
        }
        documents = catalog.documents.compactMap { perDocument[$0.id] }
        if crossCheck {
            appliedButUntagged = applied.filter { tagged[$0] == nil && catalog[$0]?.isNormative == true }.sorted()
        }
    }

    /// The trace the reference gives for a vector answered with a result or an out-of-scope error
    /// (`VectorResult.referenceTrace`).
    public static func referenceTrace(of result: VectorResult) -> [String]? { result.referenceTrace }
}
