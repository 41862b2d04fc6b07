import Dispatch
import YibaoRules
import YibaoSuite

/// Runs vectors against the reference rules, in process.
public enum ReferenceRunner {
    public static let implementation = Implementation(
        name: "yibao-reference", version: Version.tool, vendor: "yibao", operations: Operations.all.map(\.name))

    /// Runs `vectors` with the notices' numbers and dates in `parameters` (the catalog's; nil when they failed to
    /// load, and then every vector ends in an internal error).
    public static func run(_ vectors: [Vector], parameters: Parameters?) -> [VectorResult] {
        vectors.map { run($0, parameters: parameters) }
    }

    /// Runs the vectors of `feed` into `results`, a batch at a time on every core.
    public static func run(_ feed: VectorFeed, parameters: Parameters?, into results: ResultLog) {
        while true {
            var batch: [(index: Int, vector: Vector)] = []
            while batch.count < 1024, let next = feed.next() { batch.append(next) }
            if batch.isEmpty { return }
            let work = batch
            _ = parallelChunks(work.count, minimumChunk: 128) { range in
                for (index, vector) in work[range] { results.record(index, run(vector, parameters: parameters)) }
            }
        }
    }

    public static func run(_ vector: Vector, parameters: Parameters?) -> VectorResult {
        guard let parameters else {
            return VectorResult.judge(
                vector, .error(code: "internal", message: "no parameters: catalog/\(Parameters.fileName) did not load", trace: nil))
        }
        let outcome = Outcome(Reference.evaluate(operation: vector.operation, input: vector.input, parameters: parameters))
        return VectorResult.judge(vector, outcome)
    }
}
