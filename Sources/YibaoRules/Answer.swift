/// A result: the output object and the clauses applied.
public struct Answer: Sendable, Equatable {
    /// An `.object`, fields in the schema's output order.
    public var output: Value
    /// The clause ids applied, e.g. ["LU-2021-54/2a", "JI-2022-8/7"].
    public var trace: [String]
    /// The open readings this answer rests on (docs/interpretations.md ids, e.g. ["I-27"]): the entries whose other
    /// option would have given a different output for this very input. Not part of the protocol (an implementation
    /// sends no such list); `fuzz` and `certify` mark a disagreement advisory when one of these is provisional.
    public var interpretations: [String]
    /// For a reading of `interpretations`, the output fields its other option can change here (`"error"`: an error
    /// answer in place of this result). A disagreement elsewhere is not that reading's, so not advisory. A reading not
    /// listed can change the whole answer.
    public var readingFields: [String: [String]]

    public init(output: Value, trace: [String], interpretations: [String] = [], readingFields: [String: [String]] = [:]) {
        self.output = output
        self.trace = trace
        self.interpretations = interpretations
        self.readingFields = readingFields
    }
}
