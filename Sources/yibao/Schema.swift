import ArgumentParser
import YibaoConformance

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of a vector file (docs/vector.schema.json), generated from the operation schemas.")

    @Flag(name: .long, help: "Print docs/protocol.md's operations table (Markdown) instead, generated from the same schemas.")
    var operationsTable = false

    func run() throws {
        if operationsTable {
            print(OperationsTable.markdown(), terminator: "")
        } else {
            print(JSON.pretty(VectorSchema.generate()), terminator: "")
        }
    }
}
