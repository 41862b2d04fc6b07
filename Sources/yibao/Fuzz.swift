import ArgumentParser
import Foundation
import YibaoConformance
import YibaoFuzz
import YibaoRules

struct Fuzz: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Messages.text("help.fuzz"),
            discussion: Messages.text("help.fuzz.more")
        )
    }

    @OptionGroup var suite: SuiteOptions
    @OptionGroup var implementationOptions: ImplementationOptions

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.fuzz.impl")))
    var impl: String

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.fuzz.operation")))
    var operation: [String] = []

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.fuzz.seed")))
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.fuzz.count")))
    var count: Int?

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.fuzz.time")))
    var time: String?

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.fuzz.format")))
    var format: FuzzFormat = .text

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.fuzz.output")))
    var output: String?

    /// The default budget: enough for every normative clause to be reached many times.
    static let defaultCount = 20_000

    func validate() throws {
        if impl != "reference" { try validateImpl(impl) }
        for name in operation where Operations.schema(named: name) == nil {
            throw ValidationError(Messages.text("fuzz.unknownOperation", name, Operations.all.map(\.name).joined(separator: ", ")))
        }
        if let count, count < 1 { throw ValidationError(Messages.text("fuzz.countAtLeastOne")) }
        if count != nil && time != nil { throw ValidationError(Messages.text("fuzz.countOrTime")) }
        if let time, Self.seconds(time) == nil { throw ValidationError(Messages.text("fuzz.notADuration", time)) }
    }

    static func seconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            if let n = Double(text.dropLast(suffix.count)), n > 0, n.isFinite { return n * factor }
        }
        if let n = Double(text), n > 0, n.isFinite { return n }
        return nil
    }

    func run() throws {
        let (catalog, diagnostics) = Catalog.load(directory: suite.catalogDirectory)
        if report(diagnostics, files: suite.catalogDirectory) { throw ExitCode(2) }
        guard let parameters = catalog.parameters else {
            printError(Messages.text("fuzz.noParameters", suite.catalogDirectory))
            throw ExitCode(2)
        }
        let seed = self.seed ?? Fuzzer.freshSeed()
        if self.seed == nil { printError(Messages.text("fuzz.seedChosen", seed)) }
        var options = Fuzzer.Options(seed: seed, count: count ?? Self.defaultCount)
        options.seconds = time.flatMap(Self.seconds)
        options.operations = operation
        let target: FuzzTarget
        if impl == "reference" {
            target = .reference
        } else {
            target = .external(try implementationOptions.runnerOptions(impl: impl, digest: ""))
        }
        let fuzzReport: FuzzReport
        do {
            var fuzzer = Fuzzer(catalog: catalog, parameters: parameters)
            // Disagreements on cases whose reference answer rests on a provisional reading are advisory.
            fuzzer.provisional = suite.provisional()
            fuzzReport = try fuzzer.run(options, target: target)
        } catch {
            printError("yibao: \(error)")
            throw ExitCode(2)
        }
        try ReportSink.write(to: output) { sink in
            switch format {
            case .text: sink.write(fuzzReport.text(catalog: catalog))
            case .json: sink.write(JSON.pretty(fuzzReport.json(catalog: catalog)) + "\n")
            case .markdown: sink.write(fuzzReport.markdown(catalog: catalog))
            case .html: sink.write(fuzzReport.html(catalog: catalog))
            }
        }
        if !fuzzReport.failingFindings.isEmpty { throw ExitCode(1) }
    }
}

enum FuzzFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html
}
