import ArgumentParser
import Foundation
import YibaoConformance
import YibaoRules

struct ChangelogCommand: ParsableCommand {
    /// Read after `--lang` has chosen the language, so `--help` speaks it.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "changelog",
            abstract: Messages.text("help.changelog"),
            discussion: Messages.text("help.changelog.more")
        )
    }

    @OptionGroup var suite: SuiteOptions

    @Option(name: .long, help: ArgumentHelp(Messages.text("option.changelog.since")))
    var since: String?

    @Option(name: .customLong("report"), help: ArgumentHelp(Messages.text("option.changelog.oldReport")))
    var oldReport: String?

    func run() throws {
        let (loaded, diagnostics) = suite.load()
        if report(diagnostics, files: suite.vectors) { throw ExitCode(2) }
        let changelog = loaded.changelog
        var since = since
        var results: [(id: String, status: String)] = []
        if let oldReport {
            let value: Value
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: oldReport))
                value = try JSON.parse(String(decoding: data, as: UTF8.self))
            } catch {
                printError(Messages.text("changelog.unreadable", oldReport, "\(error)"))
                throw ExitCode(2)
            }
            guard case .string(let version)? = value["suite"]?["version"], case .array(let items)? = value["results"] else {
                printError(Messages.text("changelog.notReport", oldReport))
                throw ExitCode(2)
            }
            since = since ?? version
            for item in items {
                if case .string(let id)? = item["id"], case .string(let status)? = item["status"] { results.append((id, status)) }
            }
        }
        let releases = since.map { changelog.releases(after: $0) } ?? changelog.releases
        print(Messages.text("changelog.suite", loaded.version) + (since.map { Messages.text("changelog.after", Self.plain($0)) } ?? ""))
        for release in releases {
            print("\n" + Messages.text("changelog.release", release.version, Self.plain(release.date)))
            print("  " + Self.plain(release.summary))
            for (label, entries) in [
                ("changelog.added", release.added), ("changelog.changed", release.changed), ("changelog.retired", release.retired),
            ]
            where !entries.isEmpty {
                print("  " + Messages.text(label, entries.count))
                for entry in entries { print("    " + Messages.text("card.clause", Self.plain(entry.id), Self.plain(entry.reason))) }
            }
        }
        guard let oldReport else { return }
        var touched: [String: String] = [:]
        // Oldest release first, so the newest word on a vector is the one kept.
        for release in releases.reversed() {
            for entry in release.changed { touched[entry.id] = Messages.text("changelog.changedIn", release.version, entry.reason) }
            for entry in release.retired { touched[entry.id] = Messages.text("changelog.retiredIn", release.version, entry.reason) }
        }
        let affected = results.filter { touched[$0.id] != nil }
        print(
            "\n" + Messages.text("changelog.affected", Self.plain(oldReport), affected.count, results.count)
        )
        for result in affected {
            let status = VectorResult.Status(rawValue: result.status).map { Messages.text("status." + $0.rawValue) } ?? result.status
            print("  \(Self.plain(result.id)) [\(Self.plain(status))] \(Self.plain(touched[result.id] ?? ""))")
        }
    }

    /// Text from files made by others, safe for a terminal: control characters are written as \u{…}.
    static func plain(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
