import ArgumentParser
import YibaoConformance

struct Serve: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Messages.text("help.serve"),
            discussion: Messages.text("help.serve.more")
        )
    }

    @OptionGroup var suite: SuiteOptions

    func run() throws {
        guard let parameters = suite.parameters() else { throw ExitCode(2) }
        let code = ReferenceServer.serve(parameters: parameters)
        if code != 0 { throw ExitCode(code) }
    }
}
