/// One operation of the contract (§3): its name, the clauses it implements, its fields.
public struct OperationSchema: Sendable {
    /// e.g. "employee.transfer"
    public let name: String
    /// The clauses the contract lists for it, ranges expanded.
    public let clauses: [String]
    public let input: [Field]
    /// In the order the answer's `output` object lists them.
    public let output: [Field]
}
