import ArgumentParser
import Foundation
import YibaoConformance
import YibaoRules

struct Compare: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Messages.text("help.compare")
        )
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, html }

    @Argument(help: ArgumentHelp(Messages.text("option.compare.reports")))
    var reports: [String]

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.compare.format")))
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.compare.output")))
    var output: String?

    @Flag(name: .long, help: ArgumentHelp(Messages.text("option.compare.allowDifferentSuites")))
    var allowDifferentSuites = false

    func validate() throws {
        if let output { try ReportSink.check(output) }
    }

    func run() throws {
        var parsed: [(String, Value)] = []
        for file in reports {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                parsed.append((file, try JSON.parse(String(decoding: data, as: UTF8.self))))
            } catch {
                printError("yibao compare: \(file): \(error)")
                throw ExitCode(2)
            }
        }
        let matrix: CompareReport
        do { matrix = try CompareReport(parsed, allowDifferentSuites: allowDifferentSuites) } catch {
            printError("yibao compare: \(error)")
            throw ExitCode(2)
        }
        let text =
            switch format {
            case .text: matrix.text
            case .markdown: matrix.markdown
            case .html: matrix.html
            }
        try ReportSink.write(to: output) { $0.write(text) }
    }
}
