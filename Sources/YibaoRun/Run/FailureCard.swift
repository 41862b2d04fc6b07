import YibaoRules
import YibaoSuite

/// What a vendor needs beside the diff to fix a failure from the report alone: the input that was sent, the vector's
/// reasoning (`why`) and interpretations, the text of its clauses, and what the reference answers with its trace.
/// Made for every vector that neither passes nor is unsupported; the JSON report carries it as `card`.
public struct FailureCard: Sendable, Equatable {
    public struct ClauseText: Sendable, Equatable {
        public var id: String
        /// The verbatim Chinese text (nil for a clause without one, or not in the catalog).
        public var text: String?
        public var summary: String?
    }

    public var input: Value
    public var why: String
    public var interpretations: [String]
    public var clauses: [ClauseText]
    /// The reference's answer to the same input: its output, or `{"error": code, "message": …}`.
    public var referenceAnswer: Value?
    public var referenceTrace: [String]?

    public init(
        input: Value, why: String, interpretations: [String], clauses: [ClauseText], referenceAnswer: Value?, referenceTrace: [String]?
    ) {
        self.input = input
        self.why = why
        self.interpretations = interpretations
        self.clauses = clauses
        self.referenceAnswer = referenceAnswer
        self.referenceTrace = referenceTrace
    }

    /// The card of `vector`, with the clause texts of `catalog` and the reference run on the catalog's parameters.
    public init(vector: Vector, catalog: Catalog) {
        var reference: Outcome?
        if let parameters = catalog.parameters {
            reference = Outcome(Reference.evaluate(operation: vector.operation, input: vector.input, parameters: parameters))
        }
        self.init(
            input: vector.input, why: vector.why, interpretations: vector.interpretations,
            clauses: vector.clauses.map { id in ClauseText(id: id, text: catalog[id]?.text, summary: catalog[id]?.summary) },
            referenceAnswer: reference?.value, referenceTrace: reference?.trace)
    }

    /// The card as the JSON report shows it.
    public var value: Value {
        var members = [
            Member("input", input), Member("why", .string(why)),
            Member("interpretations", .array(interpretations.map(Value.string))),
            Member(
                "clauses",
                .array(
                    clauses.map { c in
                        .object([
                            Member("id", .string(c.id)), Member("text", c.text.map(Value.string) ?? .null),
                            Member("summary", c.summary.map(Value.string) ?? .null),
                        ])
                    })),
        ]
        if let referenceAnswer { members.append(Member("referenceAnswer", referenceAnswer)) }
        if let referenceTrace { members.append(Member("referenceTrace", .array(referenceTrace.map(Value.string)))) }
        return .object(members)
    }

    /// A card read back from its JSON (the run's spool).
    public init?(_ value: Value?) {
        guard let value, case .object = value else { return nil }
        func string(_ v: Value?) -> String? { if case .string(let s)? = v { s } else { nil } }
        func strings(_ v: Value?) -> [String]? {
            guard case .array(let items)? = v else { return nil }
            return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        var clauses: [ClauseText] = []
        if case .array(let items)? = value["clauses"] {
            for item in items {
                clauses.append(ClauseText(id: string(item["id"]) ?? "", text: string(item["text"]), summary: string(item["summary"])))
            }
        }
        self.init(
            input: value["input"] ?? .null, why: string(value["why"]) ?? "", interpretations: strings(value["interpretations"]) ?? [],
            clauses: clauses, referenceAnswer: value["referenceAnswer"], referenceTrace: strings(value["referenceTrace"]))
    }
}
