import ArgumentParser
import Foundation
import YibaoConformance
import YibaoRules

struct Certify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Certify an implementation: run the whole suite and write report.json, report.html and badge.svg.",
        discussion: "Certified only when every normative clause has all its vectors passing. Exit 0 certified, 1 not, 2 when the run could not be made."
    )

    @OptionGroup var suite: SuiteOptions
    @OptionGroup var implementationOptions: ImplementationOptions

    @Option(name: .long, help: "The implementation's command line ('CMD ARGS').")
    var impl: String

    @Option(name: .long, help: "The folder to write report.json, report.html and badge.svg into.")
    var output: String

    func validate() throws {
        var info = stat()
        if stat(output, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR {
            throw ValidationError("--output: \(output) is not a folder; certify writes report.json, report.html and badge.svg into one")
        }
    }

    func run() throws {
        let (loaded, diagnostics) = suite.open()
        if report(diagnostics, files: suite.vectors) { throw ExitCode(2) }
        let runReport = try implementationOptions.execute(loaded, impl: impl, progress: isatty(2) != 0)
        let (passing, normative) = runReport.clausesPassing
        let certified = runReport.certified
        let unsupported = Set(runReport.results.filter { $0.status == .unsupported }.map(\.vector.operation)).sorted()
        let failingClauses = runReport.coverage.clauses.filter { $0.clause.isNormative && $0.status != .covered }.map(\.clause.id)

        let certification = Member("certification", .object([
            Member("certified", .bool(certified)),
            Member("clauses", .object([Member("passing", .number(String(passing))), Member("normative", .number(String(normative)))])),
            Member("unsupportedOperations", .array(unsupported.map(Value.string))),
            Member("clausesNotPassing", .array(failingClauses.map(Value.string))),
        ]))
        let folder = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try ReportSink.write(to: folder.appendingPathComponent("report.json").path) { JSONReport.write(runReport, leading: [certification], into: &$0) }
        try ReportSink.write(to: folder.appendingPathComponent("report.html").path) { $0.write(HTMLReport.run(runReport, catalog: loaded.catalog)) }
        try ReportSink.write(to: folder.appendingPathComponent("badge.svg").path) {
            $0.write(Badge.svg(message: Messages.text("badge.clauses", passing, normative), certified: certified))
        }

        let impl = runReport.implementation
        print(Messages.text("certify.identity", impl.name, impl.version, impl.vendor, runReport.suiteDigest ?? ""))
        print(Messages.text("certify.clausesPassing", passing, normative))
        if !unsupported.isEmpty { print(Messages.text("certify.unsupported", unsupported.joined(separator: ", "))) }
        print(Messages.text(certified ? "certify.certified" : "certify.notCertified"))
        print(Messages.text("certify.wrote", output))
        if !certified { throw ExitCode(1) }
    }
}
