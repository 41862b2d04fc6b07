import Dispatch
import YibaoRules
import YibaoSuite

/// Runs vectors against the reference rules, in process.
public enum ReferenceRunner {
    public static let implementation = Implementation(name: "yibao-reference", version: Version.tool, vendor: "yibao")

    public static func run(_ vectors: [Vector]) -> [VectorResult] {
        vectors.map(run)
    }

    /// Runs the vectors of `feed` into `results`, a batch at a time on every core.
    public static func run(_ feed: VectorFeed, into results: ResultLog) {
        while true {
            var batch: [(index: Int, vector: Vector)] = []
            while batch.count < 1024, let next = feed.next() { batch.append(next) }
            if batch.isEmpty { return }
            let work = batch
            _ = parallelChunks(work.count, minimumChunk: 128) { range in
                for (index, vector) in work[range] { results.record(index, run(vector)) }
            }
        }
    }

    public static func run(_ vector: Vector) -> VectorResult {
        let outcome = Outcome(Reference.evaluate(operation: vector.operation, input: vector.input))
        return VectorResult.judge(vector, outcome)
    }
}
