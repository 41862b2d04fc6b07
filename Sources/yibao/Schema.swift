import ArgumentParser
import YibaoConformance

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of a vector file (docs/vector.schema.json), generated from the operation schemas.")

    func run() throws {
        print(JSON.pretty(VectorSchema.generate()), terminator: "")
    }
}
