import Dispatch
import YibaoRules

/// Runs vectors against the reference rules, in process.
public enum ReferenceRunner {
    public static let implementation = Implementation(name: "yibao-reference", version: Version.tool, vendor: "yibao")

    public static func run(_ vectors: [Vector]) -> [VectorResult] {
        vectors.map(run)
    }

    public static func run(_ vector: Vector) -> VectorResult {
        let outcome = Outcome(Reference.evaluate(operation: vector.operation, input: vector.input))
        return VectorResult.judge(vector, outcome)
    }
}

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

public enum Version {
    /// The tool's version, reported in hellos and reports.
    public static let tool = "0.1.0"
    public static let protocolName = "yibao-conformance/1"
}
