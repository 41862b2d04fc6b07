import Foundation
import YibaoRules
import YibaoSuite
import YibaoYAML

/// A vendor's list of vectors known to fail (`--expect-failures FILE`), each with a reason, a link and an expiry date.
/// An expected failure does not fail the run; an unexpected pass does (the list must shrink), and so does an expired
/// entry or one naming no vector of the suite.
public struct ExpectedFailures: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var reason: String
        public var link: String?
        public var expires: Day
        public var mark: Mark
    }

    /// How a run measured against the list.
    public struct Verdict: Sendable {
        /// Listed vectors that did not pass: forgiven.
        public var expected: [String] = []
        /// Listed vectors that passed: take them off the list.
        public var unexpectedPasses: [String] = []
        /// Entries whose expiry date has passed.
        public var expired: [Entry] = []
        /// Entries naming no vector of the suite.
        public var unknown: [Entry] = []
        /// Vectors that did not pass (nor were unsupported) and are not on the list: they fail the run.
        public var unforgiven = 0

        public var problems: [String] {
            unexpectedPasses.map { Messages.text("expect.unexpectedPass", $0) }
                + expired.map { "\($0.mark): " + Messages.text("expect.expired", $0.id, $0.expires) }
                + unknown.map { "\($0.mark): " + Messages.text("expect.unknown", $0.id) }
        }
    }

    public var entries: [Entry]

    /// Loads the list at `path` (named on the command line, so it may be a symlink).
    public static func load(_ path: String, loader: YAMLLoader = YAMLLoader(limits: .followingSymlinks)) -> (ExpectedFailures, [Diagnostic])
    {
        var reader = NodeReader()
        var entries: [Entry] = []
        let nodes: [YAMLNode]
        do throws(YAMLError) { nodes = try loader.load(contentsOf: path) } catch {
            return (ExpectedFailures(entries: []), [Diagnostic(error)])
        }
        guard let root = nodes.first,
            let top = reader.fields(
                of: root, in: Messages.text("context.expectedFailuresFile"), allowed: ["expected-failures"], required: ["expected-failures"]
            ),
            let list = top["expected-failures"]
        else {
            if nodes.isEmpty {
                reader.report(.missingKey, Mark(file: path, line: 1, column: 1), Messages.text("lint.expectedFailuresEmpty"))
            }
            return (ExpectedFailures(entries: []), reader.diagnostics)
        }
        guard case .sequence(let items) = list.content else {
            reader.report(.wrongShape, list.mark, Messages.text("lint.notList", "expected-failures", list.shapeName))
            return (ExpectedFailures(entries: []), reader.diagnostics)
        }
        for item in items {
            guard
                let f = reader.fields(
                    of: item, in: Messages.text("context.expectedFailure"), allowed: ["id", "reason", "link", "expires"],
                    required: ["id", "reason", "expires"]),
                let id = reader.string(f["id"], "id"), let reason = reader.string(f["reason"], "reason"),
                let expiresNode = f["expires"]
            else { continue }
            guard let text = expiresNode.scalar?.text, let expires = Day(text) else {
                reader.report(.wrongType, expiresNode.mark, Messages.text("lint.date", "expires"))
                continue
            }
            entries.append(Entry(id: id, reason: reason, link: reader.string(f["link"], "link"), expires: expires, mark: item.mark))
        }
        return (ExpectedFailures(entries: entries), reader.diagnostics.sorted())
    }

    /// Measures the results against the list on `today`; `ids` are the suite's vector ids.
    public func verdict(_ results: some Sequence<VectorResult>, ids: Set<String>, today: Day) -> Verdict {
        var verdict = Verdict()
        let listed = Set(entries.map(\.id))
        var statusByID: [String: VectorResult.Status] = [:]
        for r in results {
            if listed.contains(r.vector.id) {
                statusByID[r.vector.id] = r.status
            } else if r.status != .pass && r.status != .unsupported && !r.vector.advisory {
                verdict.unforgiven += 1
            }
        }
        for entry in entries {
            if !ids.contains(entry.id) {
                verdict.unknown.append(entry)
                continue
            }
            if entry.expires < today { verdict.expired.append(entry) }
            switch statusByID[entry.id] {
            case .pass?: verdict.unexpectedPasses.append(entry.id)
            case nil: break  // filtered out of this run
            default: verdict.expected.append(entry.id)
            }
        }
        return verdict
    }

    public func reason(for id: String) -> String? { entries.first { $0.id == id }?.reason }

    /// Today's date in UTC.
    public static var today: Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
