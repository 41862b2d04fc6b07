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
        try validateImpl(impl)
        var info = stat()
        if stat(output, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR {
            throw ValidationError("--output: \(output) is not a folder; certify writes report.json, report.html and badge.svg into one")
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: output)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), !isDirectory.boolValue {
            printError("yibao: --output \(output) is a file; certify writes a folder (report.json, report.html, badge.svg)")
            throw ExitCode(64)
        }
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            printError("yibao: --output \(output): cannot create the folder: \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
            throw ExitCode(64)
        }
        let (loaded, diagnostics) = suite.open()
        if report(diagnostics, files: suite.vectors) { throw ExitCode(2) }
        let runReport = try implementationOptions.execute(loaded, impl: impl)
        let (passing, normative) = runReport.clausesPassing
        let certified = runReport.certified
        let unsupported = Set(runReport.results.filter { $0.status == .unsupported }.map(\.vector.operation)).sorted()
        let failingClauses = runReport.coverage.clauses.filter { $0.clause.isNormative && $0.status != .covered }.map(\.clause.id)
        // Vectors that depend on a provisional reading: listed, never a reason not to certify.
        let advisory = runReport.results.filter { $0.vector.advisory && $0.status != .pass && $0.status != .unsupported }
            .map { (id: $0.vector.id, status: $0.status.rawValue, provisional: $0.vector.provisional) }

        let certification = Member("certification", .object([
            Member("certified", .bool(certified)),
            Member("clauses", .object([Member("passing", .number(String(passing))), Member("normative", .number(String(normative)))])),
            Member("unsupportedOperations", .array(unsupported.map(Value.string))),
            Member("clausesNotPassing", .array(failingClauses.map(Value.string))),
            Member("advisoryNotPassing", .array(advisory.map { a in
                .object([Member("id", .string(a.id)), Member("status", .string(a.status)),
                         Member("provisional", .array(a.provisional.map(Value.string)))])
            })),
        ]))
        try ReportSink.write(to: folder.appendingPathComponent("report.json").path) { JSONReport.write(runReport, leading: [certification], into: &$0) }
        try ReportSink.write(to: folder.appendingPathComponent("report.html").path) { $0.write(HTMLReport.run(runReport, catalog: loaded.catalog)) }
        try ReportSink.write(to: folder.appendingPathComponent("badge.svg").path) {
            $0.write(Badge.svg(message: Messages.text("badge.clauses", passing, normative), certified: certified))
        }

        let impl = runReport.implementation
        let shown = { (text: String) in UntrustedText.visible(text) }  // the hello's words, as written by the vendor
        print(Messages.text("certify.identity", shown(impl.name), shown(impl.version), shown(impl.vendor), runReport.suiteVersion, runReport.suiteDigest ?? ""))
        print(Messages.text("certify.clausesPassing", passing, normative))
        let s = runReport.summary
        print(s.line)
        var failing: [String] = []
        for r in runReport.results where r.status != .pass && r.status != .unsupported {
            failing.append("  \(r.status.rawValue.uppercased()) \(r.vector.id) (\(r.vector.mark.file):\(r.vector.mark.line))")
            if failing.count == 5 { break }
        }
        if !failing.isEmpty {
            let more = s.total - s.passed - s.unsupported - failing.count
            print(Messages.text("certify.firstNotPassing") + "\n" + failing.joined(separator: "\n")
                  + (more > 0 ? "\n  " + Messages.text("certify.more", more, output) : ""))
            print(Messages.text("certify.rerun"))
        }
        if !unsupported.isEmpty { print(Messages.text("certify.unsupported", unsupported.joined(separator: ", "))) }
        if !advisory.isEmpty {
            print(Messages.text("certify.advisory", advisory.count))
            for a in advisory { print("  " + Messages.text("certify.advisoryVector", a.id, a.status, a.provisional.joined(separator: ", "))) }
        }
        print(Messages.text(certified ? "certify.certified" : "certify.notCertified"))
        print(Messages.text("certify.wrote", output))
        if !certified { throw ExitCode(1) }
    }
}
