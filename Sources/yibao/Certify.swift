import ArgumentParser
import Foundation
import YibaoConformance
import YibaoFuzz
import YibaoRules

struct Certify: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Messages.text("help.certify"),
            discussion: Messages.text("help.certify.more")
        )
    }

    @OptionGroup var suite: SuiteOptions
    @OptionGroup var implementationOptions: ImplementationOptions

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.certify.impl")))
    var impl: String

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.certify.output")))
    var output: String

    @Option(
        name: .long,
        help: ArgumentHelp(Messages.text("option.certify.seed")))
    var seed: UInt64?

    @Option(name: .customLong("seed-suite"), help: ArgumentHelp(Messages.text("option.certify.seedSuite")))
    var seedSuite: String?

    @Flag(name: .customLong("other-suite"), help: ArgumentHelp(Messages.text("option.certify.otherSuite")))
    var otherSuite = false

    @Option(name: .customLong("random-cases"), help: ArgumentHelp(Messages.text("option.certify.randomCases")))
    var randomCases = Certify.defaultRandomCases

    /// Refused: a certificate forgives nothing in its scope (`run --expect-failures` tracks known failures).
    @Option(name: [.customLong("expect-failures"), .customLong("expected-failures")], help: .hidden)
    var expectFailures: String?

    /// Enough for every normative clause of the scope to be reached `reachEach` times, with random cases between.
    static let defaultRandomCases = 3_000
    static let reachEach = 5

    func validate() throws {
        try validateImpl(impl)
        if randomCases < 1 { throw ValidationError(Messages.text("usage.atLeastOne", "--random-cases")) }
        if seedSuite != nil && seed == nil { throw ValidationError(Messages.text("usage.seedSuiteNeedsSeed")) }
        if let seedSuite, Self.suiteParts(seedSuite) == nil {
            throw ValidationError(Messages.text("usage.seedSuiteFormat", seedSuite))
        }
        if otherSuite && seedSuite == nil { throw ValidationError(Messages.text("usage.otherSuiteNeedsSeedSuite")) }
        if expectFailures != nil {
            throw ValidationError(Messages.text("usage.certifyExpectFailures"))
        }
        var info = stat()
        if stat(output, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR {
            throw ValidationError(Messages.text("usage.certifyOutputNotFolder", output))
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: output)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), !isDirectory.boolValue {
            printError("yibao: " + Messages.text("usage.certifyOutputFile", output))
            throw ExitCode(64)
        }
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            printError(
                "yibao: "
                    + Messages.text(
                        "usage.certifyCannotCreate", output, (error as NSError).localizedFailureReason ?? error.localizedDescription))
            throw ExitCode(64)
        }
        let (loaded, diagnostics) = suite.open()
        if report(diagnostics, files: suite.vectors) { throw ExitCode(2) }
        // A seed gives the same cases only under the suite it was drawn under (the generator and the catalog's dates
        // are the suite's): replaying under another one is refused unless asked for.
        let thisSuite = Self.suiteText(version: loaded.version, digest: loaded.digest)
        let otherSeedSuite = seedSuite.flatMap { $0 == thisSuite ? nil : $0 }
        if let otherSeedSuite {
            let shown = UntrustedText.visible(otherSeedSuite)
            guard otherSuite else {
                printError("yibao certify: " + Messages.text("certify.seedSuiteRefused", seed ?? 0, shown, thisSuite))
                throw ExitCode(2)
            }
            printError("yibao certify: " + Messages.text("certify.seedSuiteWarning", seed ?? 0, shown, thisSuite))
        } else if seed != nil && seedSuite == nil {
            printError("yibao certify: " + Messages.text("certify.seedNote", thisSuite))
        }
        if randomCases < Self.defaultRandomCases {
            printError("yibao certify: " + Messages.text("certify.fewRandomCases", randomCases, Self.defaultRandomCases))
        }
        var runReport = try implementationOptions.execute(loaded, impl: impl)
        let (passing, normative) = runReport.clausesPassing
        var certificate = Certificate(runReport)
        let random = try randomSection(
            loaded.catalog, scope: certificate.operations, version: runReport.suiteVersion, digest: runReport.suiteDigest ?? "")
        // The random section's processes answer for the implementation the vectors certified, over the same scope: a
        // generated case left unanswered because a later hello listed fewer operations, or a hello naming another
        // implementation, fails the certificate (an adapter could otherwise drop the random section by its hello).
        certificate.random = random.map { random in
            Certificate.RandomSection(
                seed: random.seed, cases: random.cases, findings: random.findings.count, failing: random.failingFindings.count,
                unsupported: random.unsupported,
                otherImplementation: random.implementation.name != runReport.implementation.name
                    || random.implementation.version != runReport.implementation.version
                    || random.implementation.vendor != runReport.implementation.vendor,
                tooSmall: randomCases < Self.defaultRandomCases)
        }
        runReport.certificate = certificate
        let certified = certificate.certified
        let unsupported = Operations.all.map(\.name).filter { !certificate.operations.contains($0) }.sorted()
        // Vectors that depend on a provisional reading: listed, never a reason not to certify.
        let advisory = runReport.results.filter { $0.vector.advisory && $0.status != .pass && $0.status != .unsupported }
            .map { (id: $0.vector.id, status: $0.status.rawValue, provisional: $0.vector.provisional) }

        let certification = Member(
            "certification",
            .object([
                Member("certified", .bool(certified)),
                Member(
                    "scope",
                    .object([
                        Member("operations", .array(certificate.operations.map(Value.string))),
                        Member("of", .number(String(certificate.contractOperations))),
                        Member("clauses", .array(certificate.clauses.map(Value.string))),
                        Member("clausesOutside", .array(certificate.clausesOutside.map(Value.string))),
                        Member("vectors", .number(String(certificate.vectors))),
                        Member("passed", .number(String(certificate.passed))),
                        Member("notPassing", .number(String(certificate.failing))),
                        Member("advisoryNotPassing", .number(String(certificate.advisoryNotPassing))),
                    ])),
                Member("clauses", .object([Member("passing", .number(String(passing))), Member("normative", .number(String(normative)))])),
                Member("unsupportedOperations", .array(unsupported.map(Value.string))),
                Member("clausesNotPassing", .array(certificate.clausesNotPassing.map(Value.string))),
                Member(
                    "advisoryNotPassing",
                    .array(
                        advisory.map { a in
                            .object([
                                Member("id", .string(a.id)), Member("status", .string(a.status)),
                                Member("provisional", .array(a.provisional.map(Value.string))),
                            ])
                        })),
                Member(
                    "random",
                    random.map { randomJSON($0, catalog: loaded.catalog, suite: thisSuite, seedSuite: otherSeedSuite) } ?? .null),
            ]))
        try ReportSink.write(to: folder.appendingPathComponent("report.json").path) {
            JSONReport.write(runReport, leading: [certification], into: &$0)
        }
        try ReportSink.write(to: folder.appendingPathComponent("report.html").path) {
            $0.write(HTMLReport.run(runReport, catalog: loaded.catalog))
        }
        try ReportSink.write(to: folder.appendingPathComponent("badge.svg").path) {
            $0.write(Badge.svg(message: certificate.badgeText, certified: certified))
        }

        let impl = runReport.implementation
        let shown = { (text: String) in UntrustedText.visible(text) }  // the hello's words, as written by the vendor
        print(
            Messages.text(
                "certify.identity", shown(impl.name), shown(impl.version), shown(impl.vendor), runReport.suiteVersion,
                runReport.suiteDigest ?? ""))
        print(
            Messages.text("certify.scope", certificate.scopeText, certificate.operations.joined(separator: ", "), certificate.clauses.count)
        )
        if certificate.operations.isEmpty { print(Messages.text("certify.noScope")) }
        print(
            Messages.text(
                "certify.scopeVectors", certificate.vectors, certificate.passed, certificate.failing, certificate.advisoryNotPassing))
        print(Messages.text("certify.clausesPassing", passing, normative))
        let s = runReport.summary
        print(s.line)
        var failing: [String] = []
        for r in runReport.results where r.status != .pass && r.status != .unsupported {
            failing.append(
                "  \(Messages.text("status." + r.status.rawValue).uppercased()) \(r.vector.id) (\(r.vector.mark.file):\(r.vector.mark.line))"
            )
            if failing.count == 5 { break }
        }
        if !failing.isEmpty {
            let more = s.total - s.passed - s.unsupported - failing.count
            print(
                Messages.text("certify.firstNotPassing") + "\n" + failing.joined(separator: "\n")
                    + (more > 0 ? "\n  " + Messages.text("certify.more", more, output) : ""))
            print(Messages.text("certify.rerun", UntrustedText.visible(runReport.rerun)))
        }
        if let random, let section = certificate.random {
            print(Messages.text("certify.random", section.seed, section.cases, section.findings, section.failing))
            if section.tooSmall {
                print("  " + Messages.text("certify.randomTooSmall", section.cases, Self.defaultRandomCases))
            }
            if section.unsupported > 0 {
                print("  " + Messages.text("certify.randomUnsupported", section.unsupported))
            }
            if section.otherImplementation {
                let other = random.implementation
                print(
                    "  "
                        + Messages.text(
                            "certify.randomOtherImplementation", UntrustedText.visible(other.name), UntrustedText.visible(other.version),
                            UntrustedText.visible(other.vendor)))
            }
            if let other = random.otherFindingsText { print("  " + other) }
            for finding in random.failingFindings.prefix(5) {
                // What differed can quote the implementation (an error code it sent): made visible, as in fuzz's report.
                print(
                    "  "
                        + Messages.text(
                            "certify.finding", finding.operation, shown(finding.signature.differing.joined(separator: ", ")), finding.count,
                            shown(JSON.serialize(finding.input))))
            }
            if let otherSeedSuite {
                print("  " + Messages.text("certify.notAReplay", random.seed, UntrustedText.visible(otherSeedSuite), thisSuite))
            }
            print(Messages.text("certify.replay", UntrustedText.visible(replay(random, suite: thisSuite))))
        }
        if !unsupported.isEmpty { print(Messages.text("certify.unsupported", unsupported.joined(separator: ", "))) }
        if !certificate.clausesOutside.isEmpty {
            print(Messages.text("certify.outside", certificate.clausesOutside.joined(separator: ", ")))
        }
        if !advisory.isEmpty {
            print(Messages.text("certify.advisory", advisory.count))
            for a in advisory {
                print("  " + Messages.text("certify.advisoryVector", a.id, a.status, a.provisional.joined(separator: ", ")))
            }
        }
        print(Messages.text(certified ? "certify.certified" : "certify.notCertified"))
        print(Messages.text("certify.wrote", output))
        if !certified { throw ExitCode(1) }
    }

    /// The random section: `randomCases` generated cases over the certificate's operations, chosen so that every
    /// normative clause of that scope is reached several times, from `--seed` or a fresh seed.
    func randomSection(_ catalog: Catalog, scope: [String], version: String, digest: String) throws -> FuzzReport? {
        guard !scope.isEmpty, let parameters = catalog.parameters else { return nil }
        var options = Fuzzer.Options(seed: seed ?? Fuzzer.freshSeed(), count: randomCases)
        options.operations = scope
        options.reachEach = Self.reachEach
        let target = FuzzTarget.external(try implementationOptions.runnerOptions(impl: impl, version: version, digest: digest))
        // A disagreement is advisory only on a case whose reference answer rests on a provisional reading
        // (docs/interpretations.md), as for `fuzz`: a bug elsewhere in the same operation fails the certification.
        var fuzzer = Fuzzer(catalog: catalog, parameters: parameters)
        fuzzer.provisional = suite.provisional()
        do {
            return try fuzzer.run(options, target: target)
        } catch {
            printError("yibao: \(error)")
            throw ExitCode(2)
        }
    }

    /// The command that replays this certificate's random section: the same implementation, seed and case count.
    func replay(_ random: FuzzReport, suite: String) -> String {
        "yibao certify \(implementationOptions.commandLine(impl: impl)) --output \(CommandLineSplitter.quote(output))"
            + " --seed \(random.seed) --random-cases \(random.cases) --seed-suite \(CommandLineSplitter.quote(suite))"
    }

    /// `VERSION@DIGEST`: the suite a random section's cases were generated under.
    static func suiteText(version: String, digest: String) -> String { version + "@" + digest }

    static func suiteParts(_ text: String) -> (version: String, digest: String)? {
        guard let at = text.firstIndex(of: "@"), at != text.startIndex, text.index(after: at) != text.endIndex else { return nil }
        return (String(text[..<at]), String(text[text.index(after: at)...]))
    }

    func randomJSON(_ random: FuzzReport, catalog: Catalog, suite: String, seedSuite: String?) -> Value {
        guard case .object(var members) = random.json(catalog: catalog) else { return .null }
        members.removeAll { $0.key == "replay" }
        members.insert(Member("replay", .string(replay(random, suite: suite))), at: 1)
        members.insert(Member("failing", .number(String(random.failingFindings.count))), at: 2)
        // A seed given on the command line (a replay, or a vendor's choice) rather than drawn at certification time:
        // whoever reads the certificate can tell a replay from a fresh draw.
        members.insert(Member("seedGiven", .bool(seed != nil)), at: 1)
        // The suite the cases were generated under; with --other-suite, also the one the seed was drawn under.
        members.insert(Member("suite", .string(suite)), at: 3)
        if let seedSuite { members.insert(Member("seedDrawnUnder", .string(seedSuite)), at: 4) }
        return .object(members)
    }
}
