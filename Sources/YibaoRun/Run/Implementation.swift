/// Who answered: the hello's `implementation` object, and the operations the hello advertised.
public struct Implementation: Sendable, Equatable {
    public var name: String
    public var version: String
    public var vendor: String
    /// The contract operations the hello's `operations` list advertised, in contract order (names the contract does
    /// not have are left out): a certificate's scope.
    public var operations: [String]

    public init(name: String, version: String, vendor: String, operations: [String] = []) {
        self.name = name
        self.version = version
        self.vendor = vendor
        self.operations = operations
    }
}
