import ArgumentParser
import YibaoConformance

struct Schema: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Messages.text("help.schema")
        )
    }

    func run() throws {
        print(JSON.pretty(VectorSchema.generate()), terminator: "")
    }
}
