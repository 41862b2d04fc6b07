/// A result: the output object and the clauses applied.
public struct Answer: Sendable, Equatable {
    /// An `.object`, fields in the schema's output order.
    public var output: Value
    /// The clause ids applied, e.g. ["LU-2021-54/2a", "JI-2022-8/7"].
    public var trace: [String]

    public init(output: Value, trace: [String]) {
        self.output = output
        self.trace = trace
    }
}
