import Foundation
import YibaoYAML

/// An entry of the equivalent-mutants file (`<suite>/equivalent-mutants.yaml`): a mutant of `yibao strength` that no
/// input can observe, with the reason. Reviewed like a vector: `strength` reports an entry that a vector kills.
public struct EquivalentMutant: Sendable {
    public static let fileName = "equivalent-mutants.yaml"

    public var mutant: String
    public var reason: String
    public var mark: Mark

    public init(mutant: String, reason: String, mark: Mark) {
        self.mutant = mutant
        self.reason = reason
        self.mark = mark
    }

    /// The entries of `file` (none when it does not exist), every problem as a located diagnostic.
    public static func load(file: String, loader: YAMLLoader = YAMLLoader()) -> ([EquivalentMutant], [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: file) else { return ([], []) }
        var reader = NodeReader()
        let nodes: [YAMLNode]
        do throws(YAMLError) { nodes = try loader.load(contentsOf: file) } catch { return ([], [Diagnostic(error)]) }
        guard nodes.count == 1, let root = nodes.first,
            let top = reader.fields(of: root, in: fileName, allowed: ["equivalent"], required: ["equivalent"]),
            let list = top["equivalent"]
        else {
            if nodes.count != 1 {
                reader.report(.wrongShape, Mark(file: file, line: 1, column: 1), Messages.text("lint.fileOneDocument", fileName))
            }
            return ([], reader.diagnostics)
        }
        guard case .sequence(let items) = list.content else {
            reader.report(.wrongShape, list.mark, Messages.text("lint.notList", "equivalent", list.shapeName))
            return ([], reader.diagnostics)
        }
        var entries: [EquivalentMutant] = []
        var seen: [String: Mark] = [:]
        for item in items {
            guard
                let f = reader.fields(
                    of: item, in: Messages.text("context.equivalentMutant"), allowed: ["mutant", "reason"], required: ["mutant", "reason"]),
                let id = reader.string(f["mutant"], "mutant"), let reason = reader.string(f["reason"], "reason")
            else { continue }
            if let first = seen[id] {
                reader.report(.duplicateID, item.mark, Messages.text("lint.mutantTwice", id, first))
                continue
            }
            seen[id] = item.mark
            entries.append(EquivalentMutant(mutant: id, reason: reason, mark: item.mark))
        }
        return (entries, reader.diagnostics)
    }
}
