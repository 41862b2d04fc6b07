import Foundation
import YibaoRules
import YibaoYAML

extension Catalog {
    /// Loads every `*.yaml` file of `directory` (the catalog folder) and its parameter file, reporting every problem.
    public static func load(directory: String, loader: YAMLLoader = YAMLLoader()) -> (Catalog, [Diagnostic]) {
        var reader = NodeReader()
        var documents: [NoticeDocument] = []
        var clauses: [Clause] = []
        let files = yamlFiles(in: directory)
        if files.isEmpty {
            reader.report(.io, Mark(file: directory, line: 0, column: 0), Messages.text("lint.noCatalogFiles", directory))
        }
        for file in files {
            let nodes: [YAMLNode]
            do throws(YAMLError) { nodes = try loader.load(contentsOf: file) } catch {
                reader.diagnostics.append(Diagnostic(error))
                continue
            }
            guard nodes.count == 1, let root = nodes.first else {
                reader.report(.wrongShape, Mark(file: file, line: 1, column: 1), Messages.text("lint.catalogOneDocument"))
                continue
            }
            readFile(root, reader: &reader, documents: &documents, clauses: &clauses)
        }
        // Cross-references: unique ids, parents that exist and come first.
        var seen: [String: Mark] = [:]
        for doc in documents { seen[doc.id] = doc.mark }
        for clause in clauses {
            if let first = seen[clause.id] {
                reader.report(.duplicateID, clause.mark, Messages.text("lint.duplicateClause", clause.id, first))
            } else if seen[clause.parent] == nil {
                reader.report(.catalog, clause.mark, Messages.text("lint.parentUndefined", clause.id, clause.parent))
            }
            seen[clause.id] = clause.mark
            if clause.kind == .informative && clause.reason == nil {
                reader.report(.missingKey, clause.mark, Messages.text("lint.informativeReason", clause.id))
            }
        }
        // Documents in the order they took effect, a provincial notice before the Jining notice forwarding it.
        documents.sort { ($0.effective.from, $0.forwards != nil ? 1 : 0) < ($1.effective.from, $1.forwards != nil ? 1 : 0) }
        let order = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
        let sortedClauses = clauses.enumerated().sorted { a, b in
            (order[a.element.document] ?? 0, a.offset) < (order[b.element.document] ?? 0, b.offset)
        }.map(\.element)
        let parameterFile = directory + "/" + Parameters.fileName
        let (parameters, parameterDiagnostics) = Parameters.load(
            file: parameterFile, clauses: Set(clauses.map(\.id)), loader: loader)
        reader.diagnostics += parameterDiagnostics
        return (Catalog(documents: documents, clauses: sortedClauses, parameters: parameters), reader.diagnostics.sorted())
    }

    static func yamlFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != Parameters.fileName }.sorted()
            .map { directory + "/" + $0 }
    }

    private static func readFile(
        _ root: YAMLNode, reader: inout NodeReader, documents: inout [NoticeDocument], clauses: inout [Clause]
    ) {
        guard
            let top = reader.fields(
                of: root, in: Messages.text("context.catalogFile"), allowed: ["document", "clauses"], required: ["document", "clauses"]),
            let docNode = top["document"], let doc = readDocument(docNode, reader: &reader)
        else { return }
        documents.append(doc)
        guard let list = top["clauses"] else { return }
        guard case .sequence(let items) = list.content else {
            reader.report(.wrongShape, list.mark, Messages.text("lint.notList", "clauses", list.shapeName))
            return
        }
        for item in items {
            if let clause = readClause(item, document: doc, reader: &reader) { clauses.append(clause) }
        }
    }

    private static func readDocument(_ node: YAMLNode, reader: inout NodeReader) -> NoticeDocument? {
        let keys = [
            "id", "number", "title", "issuer", "dated", "datedNote", "forwards", "forwardedBy", "notice",
            "summary", "summaryZh", "effective", "effectiveNote",
        ]
        guard
            let f = reader.fields(
                of: node, in: "document", allowed: keys,
                required: ["id", "number", "title", "issuer", "notice", "summary", "summaryZh", "effective"]),
            let id = reader.string(f["id"], "id"), let number = reader.string(f["number"], "number"),
            let title = reader.string(f["title"], "title"), let issuer = reader.strings(f["issuer"], "issuer"),
            let notice = reader.string(f["notice"], "notice"), let summary = reader.string(f["summary"], "summary"),
            let summaryZh = reader.string(f["summaryZh"], "summaryZh"), let effective = readWindow(f["effective"], reader: &reader)
        else { return nil }
        // The id names folders and files (`yibao new` writes vectors/<id>/…): a strict pattern keeps every path inside
        // the suite.
        guard isDocumentID(id) else {
            reader.report(
                .wrongShape, f["id"]!.mark,
                Messages.text("lint.documentID", id))
            return nil
        }
        // The notice's text, relative to the suite's checkout (docs/notices/<id>.txt): a path that stays inside it.
        guard isInsidePath(notice) else {
            reader.report(
                .wrongShape, f["notice"]!.mark,
                Messages.text("lint.noticePath", notice, id))
            return nil
        }
        return NoticeDocument(
            id: id, number: number, title: title, issuer: issuer.map(\.0), dated: scalarText(f["dated"]),
            datedNote: reader.string(f["datedNote"], "datedNote"), forwards: reader.string(f["forwards"], "forwards"),
            forwardedBy: reader.string(f["forwardedBy"], "forwardedBy"), notice: notice, summary: summary,
            summaryZh: summaryZh, effective: effective, effectiveNote: reader.string(f["effectiveNote"], "effectiveNote"), mark: node.mark)
    }

    private static func readClause(_ node: YAMLNode, document: NoticeDocument, reader: inout NodeReader) -> Clause? {
        let keys = ["id", "parent", "kind", "heading", "summary", "summaryZh", "text", "effective", "effectiveNote", "reason"]
        guard
            let f = reader.fields(
                of: node, in: "clause", allowed: keys, required: ["id", "parent", "kind", "summary", "summaryZh", "effective"]),
            let id = reader.string(f["id"], "id"), let parent = reader.string(f["parent"], "parent"),
            let kindText = reader.string(f["kind"], "kind"), let summary = reader.string(f["summary"], "summary"),
            let summaryZh = reader.string(f["summaryZh"], "summaryZh"), let effective = readWindow(f["effective"], reader: &reader)
        else { return nil }
        guard let kind = Clause.Kind(rawValue: kindText) else {
            reader.report(.wrongShape, f["kind"]!.mark, Messages.text("lint.kind", kindText))
            return nil
        }
        guard id.hasPrefix(document.id + "/") else {
            reader.report(.catalog, f["id"]!.mark, Messages.text("lint.clauseDocument", id, document.id))
            return nil
        }
        guard isClausePart(id.dropFirst(document.id.count + 1)) else {
            reader.report(
                .wrongShape, f["id"]!.mark,
                Messages.text("lint.clauseID", id)
            )
            return nil
        }
        // The Chinese summary is written from the notice's text: an English one copied over is caught here.
        if !summaryZh.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) {
            reader.report(.wrongShape, f["summaryZh"]!.mark, Messages.text("lint.summaryZh", id))
        }
        let text = reader.string(f["text"], "text")
        if kind != .group && text == nil {
            reader.report(.missingKey, node.mark, Messages.text("lint.missingKey", Messages.text("context.clause", id), "text"))
        }
        return Clause(
            id: id, document: document.id, parent: parent, kind: kind, heading: reader.string(f["heading"], "heading"),
            summary: summary, summaryZh: summaryZh, text: text, effective: effective,
            effectiveNote: reader.string(f["effectiveNote"], "effectiveNote"),
            reason: reader.string(f["reason"], "reason"), mark: node.mark)
    }

    private static func scalarText(_ node: YAMLNode?) -> String? { node?.scalar?.text }

    /// `LU-2021-54`: parts of capital ASCII letters and digits joined by single '-', the first starting with a letter.
    static func isDocumentID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard id.utf8.count <= 40, let first = id.utf8.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) } }
    }

    /// `docs/notices/LU-2021-54.txt`: a relative path of plain names (no `.` or `..` part, no empty part), at most 200
    /// bytes, so it cannot climb out of the checkout or name anything but a file in it.
    static func isInsidePath(_ path: String) -> Bool {
        guard path.utf8.count <= 200 else { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part != "." && part != ".."
                && part.utf8.allSatisfy {
                    (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x5F
                        || $0 == 0x2D
                }
        }
    }

    /// `3b`, `2.1`: parts of lowercase ASCII letters and digits joined by single '.' or '-'.
    static func isClausePart(_ part: Substring) -> Bool {
        guard !part.isEmpty, part.utf8.count <= 40 else { return false }
        let parts = part.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "-" }
        return parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) } }
    }

    private static func readWindow(_ node: YAMLNode?, reader: inout NodeReader) -> EffectiveWindow? {
        guard let node, let f = reader.fields(of: node, in: "effective", allowed: ["from", "until"], required: ["from"]) else { return nil }
        func day(_ key: String) -> Day?? {
            guard let n = f[key] else { return .some(nil) }
            guard let text = n.scalar?.text, let d = Day(text) else {
                reader.report(.wrongType, n.mark, Messages.text("lint.date", "effective.\(key)"))
                return nil
            }
            return .some(d)
        }
        guard let from = day("from"), let fromDay = from, let until = day("until") else { return nil }
        return EffectiveWindow(from: fromDay, until: until)
    }
}
