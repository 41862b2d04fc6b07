import ArgumentParser
import YibaoConformance

struct Schema: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Messages.text("help.schema")
        )
    }

    @Flag(name: .long, help: ArgumentHelp(Messages.text("option.schema.operationsTable")))
    var operationsTable = false

    func run() throws {
        if operationsTable {
            print(OperationsTable.markdown(), terminator: "")
        } else {
            print(JSON.pretty(VectorSchema.generate()), terminator: "")
        }
    }
}
