import ArgumentParser
import YibaoConformance

struct Verify: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Messages.text("help.verify"),
            discussion: Messages.text("help.verify.more")
        )
    }

    @OptionGroup var suite: SuiteOptions

    @Option(name: .customLong("min-vectors"), help: ArgumentHelp(Messages.text("option.verify.minVectors")))
    var minVectors = 3

    @Option(
        name: .customLong("min-strength"),
        help: ArgumentHelp(Messages.text("option.verify.minStrength")))
    var minStrength: Double?

    func validate() throws {
        if let minStrength, !(0...100).contains(minStrength) { throw ValidationError("--min-strength: a percentage, 0 ... 100") }
    }

    func run() throws {
        let (loaded, diagnostics) = suite.load()
        if report(diagnostics, files: suite.vectors) {
            printError(Messages.text("verify.failedLint"))
            throw ExitCode(1)
        }
        let results = ReferenceRunner.run(loaded.vectors, parameters: loaded.catalog.parameters)
        let coverage = CoverageReport(
            catalog: loaded.catalog, results: results, crossCheck: true,
            minimumVectors: minVectors)
        var problems: [String] = []
        for result in results where result.status != .pass {
            print(TextReport.describe(result), terminator: "")
            problems.append(Messages.text("verify.vector", result.vector.id, Messages.text("status." + result.status.rawValue)))
        }
        for line in coverage.clauses where line.clause.isNormative {
            if line.vectors == 0 {
                problems.append(Messages.text("verify.uncovered", line.clause.id))
            } else if line.vectors < minVectors {
                problems.append(Messages.text("verify.thin", line.clause.id, line.vectors, minVectors))
            } else if line.status == .failing {
                problems.append(Messages.text("verify.failing", line.clause.id, line.passed, line.vectors))
            }
        }
        for tag in coverage.misTagged {
            problems.append(
                "\(tag.vector.mark): " + Messages.text("verify.misTagged", tag.vector.id, tag.clause, tag.trace.joined(separator: ", ")))
        }
        // The changelog's newest release speaks of the suite as it is: what it added or changed is in it.
        let ids = Set(loaded.vectors.map(\.id))
        if let newest = loaded.changelog.releases.first {
            for entry in newest.added + newest.changed where !ids.contains(entry.id) {
                problems.append(Messages.text("verify.changelogUnknown", newest.version, entry.id))
            }
        }
        for clause in coverage.appliedButUntagged {
            print(Messages.text("coverage.note", Messages.text("coverage.untagged", clause)))
        }
        let summary = RunReport.Summary(results)
        print(
            Messages.text(
                "summary.vectors", Messages.text("count.vectors", loaded.vectors.count),
                [Messages.text("count.passed", summary.passed), Messages.text("count.failed", summary.total - summary.passed)]
                    .joined(separator: Messages.text("list.separator"))))
        print(
            Messages.text(
                "summary.clausesCovered", coverage.coveredCount, coverage.normativeCount, TextReport.percentText(coverage.percent)))
        if let minStrength, let parameters = loaded.catalog.parameters {
            let (equivalents, equivalentDiagnostics) = EquivalentMutant.load(file: loaded.root + "/" + EquivalentMutant.fileName)
            report(equivalentDiagnostics, files: EquivalentMutant.fileName)
            problems += equivalentDiagnostics.map(\.description)
            let strength = StrengthAnalysis.run(loaded, parameters: parameters, equivalents: equivalents)
            print(StrengthReport.summary(strength))
            problems += strength.problems
            if strength.percent < minStrength {
                problems.append(Messages.text("verify.strengthBelow", TextReport.percentText(strength.percent), minStrength))
                for s in strength.survivors {
                    problems.append(Messages.text("verify.survivor", s.mutant.id, StrengthReport.survivorText(s)))
                }
            }
        }
        if problems.isEmpty {
            print(Messages.text("verify.ok"))
        } else {
            for p in problems { printError("error: \(p)") }
            printError(Messages.text("verify.failed", problems.count))
            throw ExitCode(1)
        }
    }
}
