/// One operation of the contract (§3): its name, the clauses it implements, its fields.
public struct OperationSchema: Sendable {
    /// e.g. "employee.transfer"
    public let name: String
    /// The clauses the contract lists for it, ranges expanded.
    public let clauses: [String]
    /// The input fields whose value selects the rules in force (docs/reference.md's "event"); empty when the
    /// answer does not depend on a date. Where two are named, the operation's other inputs decide which applies.
    public let event: [String]
    public let input: [Field]
    /// In the order the answer's `output` object lists them.
    public let output: [Field]

    init(name: String, clauses: [String], event: [String] = [], input: [Field], output: [Field]) {
        self.name = name
        self.clauses = clauses
        self.event = event
        self.input = input
        self.output = output
    }
}
