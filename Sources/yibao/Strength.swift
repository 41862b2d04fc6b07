import ArgumentParser
import Foundation
import YibaoConformance
import YibaoRules

struct Strength: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Messages.text("help.strength"),
            discussion: Messages.text("help.strength.more")
        )
    }

    @OptionGroup var suite: SuiteOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if outputOptions.format == .junit { throw ValidationError("--format: text, json, markdown or html") }
    }

    func run() throws {
        guard let analysis = try Self.analyse(suite) else { throw ExitCode(2) }
        let format = outputOptions.format, color = outputOptions.colorOnTerminal
        try outputOptions.emit { out in
            switch format {
            case .text, .junit: out.write(StrengthReport.text(analysis, color: color))
            case .json: out.write(JSON.serialize(StrengthReport.json(analysis)) + "\n")
            case .markdown: out.write(StrengthReport.markdown(analysis))
            case .html:
                let (loaded, _) = suite.load()
                let results = ReferenceRunner.run(loaded.vectors, parameters: loaded.catalog.parameters)
                let report = RunReport(
                    suite: loaded, implementation: ReferenceRunner.implementation, results: results,
                    coverage: CoverageReport(catalog: loaded.catalog, results: results), seconds: analysis.seconds,
                    digest: loaded.digest)
                out.write(HTMLReport.run(report, catalog: loaded.catalog, strength: analysis))
            }
        }
        if !analysis.survivors.isEmpty || !analysis.problems.isEmpty { throw ExitCode(1) }
    }

    /// Loads the suite and its equivalent mutants and runs the analysis; nil after printing why it could not.
    static func analyse(_ suite: SuiteOptions) throws -> StrengthAnalysis? {
        let (loaded, diagnostics) = suite.load()
        let (equivalents, equivalentDiagnostics) = EquivalentMutant.load(file: loaded.root + "/" + EquivalentMutant.fileName)
        if report(diagnostics + equivalentDiagnostics, files: suite.vectors) { return nil }
        guard let parameters = loaded.catalog.parameters else { return nil }
        return StrengthAnalysis.run(loaded, parameters: parameters, equivalents: equivalents)
    }
}
