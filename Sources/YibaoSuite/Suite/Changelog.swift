import Foundation
import YibaoYAML

/// The suite's versions and what each changed (`<root>/changelog.yaml`), newest first. The first release's version is
/// the suite's version: semantic, a changed expectation or a retired vector is a major change, a new vector a minor
/// one, wording a patch. Every report and certificate shows it beside the digest.
public struct Changelog: Sendable, Equatable {
    /// One vector a release touched, and why.
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var reason: String
    }

    public struct Release: Sendable, Equatable {
        public var version: String
        public var date: String
        public var summary: String
        public var added: [Entry] = []
        public var changed: [Entry] = []
        public var retired: [Entry] = []
    }

    public var releases: [Release] = []

    /// The suite's version: the newest release's, or "0.0.0" for a suite without a changelog.
    public var version: String { releases.first?.version ?? "0.0.0" }

    public init(releases: [Release] = []) { self.releases = releases }

    /// The releases after `version` (newer than it), newest first; all of them when `version` is not one of them.
    public func releases(after version: String) -> [Release] {
        guard let index = releases.firstIndex(where: { $0.version == version }) else { return releases }
        return Array(releases[..<index])
    }

    /// "2.0.0" → (2, 0, 0); nil for anything but three dot-separated whole numbers.
    static func semantic(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else { return nil }
        return (a, b, c)
    }

    /// Reads `path` when it exists; problems go to `reader` as `file:line:column` diagnostics. Versions must be
    /// semantic and strictly decreasing; every retired id must be in `retired` (retired.yaml).
    static func load(_ path: String, retired: [String: String], loader: YAMLLoader, reader: inout NodeReader) -> Changelog {
        guard FileManager.default.fileExists(atPath: path) else { return Changelog() }
        let nodes: [YAMLNode]
        do throws(YAMLError) { nodes = try loader.load(contentsOf: path) } catch {
            reader.diagnostics.append(Diagnostic(error))
            return Changelog()
        }
        guard let root = nodes.first,
            let top = reader.fields(of: root, in: "changelog.yaml", allowed: ["releases"], required: ["releases"]),
            let list = top["releases"]
        else { return Changelog() }
        guard case .sequence(let items) = list.content else {
            reader.report(.wrongShape, list.mark, Messages.text("lint.notList", "releases", list.shapeName))
            return Changelog()
        }
        var releases: [Release] = []
        var previous: (Int, Int, Int)?
        for item in items {
            guard
                let f = reader.fields(
                    of: item, in: "release", allowed: ["version", "date", "summary", "added", "changed", "retired"],
                    required: ["version", "date", "summary"]),
                let version = reader.string(f["version"], "version"),
                let date = reader.string(f["date"], "date"),
                let summary = reader.string(f["summary"], "summary")
            else { continue }
            guard let semantic = semantic(version) else {
                reader.report(.wrongShape, f["version"]!.mark, Messages.text("lint.notSemantic", version))
                continue
            }
            if let previous, !(semantic < previous) {
                reader.report(.wrongShape, f["version"]!.mark, Messages.text("lint.notOlder", version))
            }
            previous = semantic
            var release = Release(version: version, date: date, summary: summary)
            release.added = entries(f["added"], "added", reader: &reader).map(\.entry)
            release.changed = entries(f["changed"], "changed", reader: &reader).map(\.entry)
            let retiredEntries = entries(f["retired"], "retired", reader: &reader)
            for (entry, mark) in retiredEntries where retired[entry.id] == nil {
                reader.report(.wrongShape, mark, Messages.text("lint.retiredNotListed", entry.id))
            }
            release.retired = retiredEntries.map(\.entry)
            releases.append(release)
        }
        return Changelog(releases: releases)
    }

    private static func entries(_ node: YAMLNode?, _ name: String, reader: inout NodeReader) -> [(entry: Entry, mark: Mark)] {
        guard let node else { return [] }
        guard case .sequence(let items) = node.content else {
            reader.report(.wrongShape, node.mark, Messages.text("lint.notList", name, node.shapeName))
            return []
        }
        var entries: [(entry: Entry, mark: Mark)] = []
        for item in items {
            guard
                let f = reader.fields(
                    of: item, in: Messages.text("context.entry", name), allowed: ["id", "reason"], required: ["id", "reason"]),
                let id = reader.string(f["id"], "id"), let reason = reader.string(f["reason"], "reason")
            else { continue }
            entries.append((Entry(id: id, reason: reason), item.mark))
        }
        return entries
    }
}
