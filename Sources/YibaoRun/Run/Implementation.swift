/// Who answered: the hello's `implementation` object.
public struct Implementation: Sendable, Equatable {
    public var name: String
    public var version: String
    public var vendor: String

    public init(name: String, version: String, vendor: String) {
        self.name = name
        self.version = version
        self.vendor = vendor
    }
}
