import Foundation
import YibaoRules
import YibaoSystem
import YibaoYAML

extension Suite {
    static let fileKeys = ["operation", "clauses", "vectors"]
    static let vectorKeys = ["id", "title", "operation", "clauses", "interpretations", "why", "input", "expected"]
    static let errorCodes = ["invalid-input", "out-of-scope"]

    /// Loads the catalog (`<root>/catalog/`), the retired ids (`<root>/retired.yaml`) and every other
    /// `*.yaml` file under `root` as vector files, checking contract §4. Returns every problem found, sorted.
    public static func load(root: String, loader: YAMLLoader = YAMLLoader()) -> (Suite, [Diagnostic]) {
        let (context, files, diagnostics) = prepare(root: root, loader: loader)
        var reader = NodeReader()
        reader.diagnostics = diagnostics
        let checked = checkAll(files, context: context, loader: loader) { $1 }
        var vectors: [Vector] = []
        vectors.reserveCapacity(checked.reduce(0) { $0 + $1.items.count })
        firstOccurrences(checked, reader: &reader, id: \.id, mark: \.idMark) { vectors.append($0.vector) }
        var suite = Suite(
            root: root, catalog: context.catalog, vectors: vectors, retired: context.retired,
            interpretations: context.interpretations)
        suite.changelog = context.changelog
        suite.provisional = context.provisional
        return (suite, reader.diagnostics.sorted())
    }

    /// Checks the suite as `load` does (the same problems, sorted) without keeping the vectors: `yibao lint`.
    /// Returns the catalog and how many vectors there are.
    public static func check(root: String, loader: YAMLLoader = YAMLLoader()) -> (Catalog, vectors: Int, [Diagnostic]) {
        let (context, files, diagnostics) = prepare(root: root, loader: loader)
        var reader = NodeReader()
        reader.diagnostics = diagnostics
        let checked = checkAll(files, context: context, loader: loader) { ($1.id, $1.idMark) }
        var count = 0
        firstOccurrences(checked, reader: &reader, id: \.0, mark: \.1) { _ in count += 1 }
        return (context.catalog, count, reader.diagnostics.sorted())
    }

    /// Walks the checked files in order, reporting each vector id seen before (naming where it was first) and
    /// calling `body` with every first occurrence; adds the files' problems.
    static func firstOccurrences<T>(
        _ checked: [Checked<T>], reader: inout NodeReader, id: (T) -> String, mark: (T) -> Mark,
        _ body: (T) -> Void
    ) {
        var firstSeen: [String: Mark] = [:]
        firstSeen.reserveCapacity(checked.reduce(0) { $0 + $1.items.count })
        for file in checked {
            reader.diagnostics += file.diagnostics
            for item in file.items {
                let key = id(item)
                if let first = firstSeen[key] {
                    reader.report(.duplicateID, mark(item), Messages.text("lint.duplicateVector", key, first))
                } else {
                    firstSeen[key] = mark(item)
                    body(item)
                }
            }
        }
    }

    /// The catalog, the retired ids and the interpretations (the context every vector is checked in), and the vector
    /// files.
    static func prepare(root: String, loader: YAMLLoader) -> (Context, [String], [Diagnostic]) {
        let (catalog, catalogDiagnostics) = Catalog.load(directory: root + "/catalog", loader: loader)
        var reader = NodeReader()
        reader.diagnostics = catalogDiagnostics
        let retired = loadRetired(root + "/retired.yaml", loader: loader, reader: &reader)
        let changelog = Changelog.load(root + "/changelog.yaml", retired: retired, loader: loader, reader: &reader)
        let (interpretations, provisional) = loadInterpretations(root: root)
        let context = Context(
            catalog: catalog, retired: retired, interpretations: interpretations, provisional: provisional,
            changelog: changelog)
        return (context, vectorFiles(under: root), reader.diagnostics)
    }

    /// Every vector file under `root`, sorted: `*.yaml` outside `catalog/`, other than `retired.yaml`, `changelog.yaml`
    /// and `equivalent-mutants.yaml`. The walk never leaves the suite folder: a symlinked `*.yaml` or a symlink to a
    /// folder is listed as it is, and refused with a located error when it is loaded (suite files must be regular files
    /// inside the suite folder).
    static func vectorFiles(under root: String) -> [String] {
        var files: [String] = []
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                guard case .success(let info) = System.status(root + "/" + path, followSymlinks: false) else { continue }
                if info.kind == .directory {
                    if path != "catalog" { walk(path) }
                    continue
                }
                let linkToFolder =
                    info.kind == .symlink && (try? System.status(root + "/" + path).get())?.kind == .directory
                guard linkToFolder || name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
                if path == "retired.yaml" || path == "changelog.yaml" || path == EquivalentMutant.fileName { continue }
                files.append(root + "/" + path)
            }
        }
        walk("")
        return files.sorted()
    }

    /// What was kept of one file's vectors, and its problems.
    struct Checked<T> {
        var items: [T] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Checks every file, a file per task on every core, keeping `keep(file index, vector)` of each vector (the vector
    /// itself, or what a streamed run needs of it), in file order.
    static func checkAll<T>(
        _ files: [String], context: Context, loader: YAMLLoader,
        keep: @escaping @Sendable (Int, LocatedVector) -> T
    ) -> [Checked<T>] {
        let slots = Slots<Checked<T>>(count: files.count, initial: Checked())
        DispatchQueue.concurrentPerform(iterations: files.count) { k in
            let checked = check(file: files[k], context: context, loader: loader)
            // A big file's vectors are kept (hashed, for a streamed run) on every core too.
            let items = checked.items
            let kept = parallelChunks(items.count) { range in items[range].map { keep(k, $0) } }.flatMap { $0 }
            slots.set(k, Checked(items: kept, diagnostics: checked.diagnostics))
        }
        return files.indices.map { slots.get($0) }
    }

    /// Parses and checks one vector file.
    static func check(file: String, context: Context, loader: YAMLLoader) -> Checked<LocatedVector> {
        var reader = NodeReader()
        let nodes: [YAMLNode]
        do throws(YAMLError) { nodes = try loader.load(contentsOf: file) } catch {
            return Checked(diagnostics: [Diagnostic(error)])
        }
        guard let root = nodes.first else { return Checked() }  // an empty file holds no vectors
        if nodes.count > 1 {
            reader.report(.wrongShape, nodes[1].mark, Messages.text("lint.vectorFileOneDocument"))
        }
        let vectors = readFile(root, file: file, context: context, reader: &reader)
        return Checked(items: vectors, diagnostics: reader.diagnostics)
    }

    static func loadRetired(_ path: String, loader: YAMLLoader, reader: inout NodeReader) -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let nodes: [YAMLNode]
        do throws(YAMLError) { nodes = try loader.load(contentsOf: path) } catch {
            reader.diagnostics.append(Diagnostic(error))
            return [:]
        }
        guard let root = nodes.first, let top = reader.fields(of: root, in: "retired.yaml", allowed: ["retired"], required: ["retired"]),
            let list = top["retired"]
        else { return [:] }
        guard case .sequence(let items) = list.content else {
            if list.scalar?.resolved != .null {
                reader.report(.wrongShape, list.mark, Messages.text("lint.notList", "retired", list.shapeName))
            }
            return [:]
        }
        var retired: [String: String] = [:]
        for item in items {
            guard
                let f = reader.fields(
                    of: item, in: Messages.text("context.retiredEntry"), allowed: ["id", "reason"], required: ["id", "reason"]),
                let id = reader.string(f["id"], "id"), let reason = reader.string(f["reason"], "reason")
            else { continue }
            retired[id] = reason
        }
        return retired
    }

    /// The interpretations awaiting a ruling (`- **Status.** provisional` in docs/interpretations.md beside the suite
    /// folder `root`): a vector naming one is advisory, and so is a generated case whose reference answer rests on one
    /// (`Answer.interpretations`).
    public static func provisionalInterpretations(root: String) -> Set<String> {
        loadInterpretations(root: root).provisional
    }

    /// `I-n` ids from the `## I-n` headings of docs/interpretations.md next to the suite folder, if that file exists,
    /// and those of them whose entry has a `- **Status.** provisional` line (awaiting a ruling: their vectors are
    /// advisory).
    static func loadInterpretations(root: String) -> (Set<String>?, provisional: Set<String>) {
        let path = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("docs/interpretations.md").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return (nil, []) }
        var ids = Set<String>()
        var provisional = Set<String>()
        var current: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("## ") {
                current = nil
                if line.hasPrefix("## I-"), let id = line.dropFirst(3).split(separator: " ").first {
                    current = String(id)
                    ids.insert(String(id))
                }
            } else if let current, line.hasPrefix("- **Status.** provisional") {
                provisional.insert(current)
            }
        }
        return (ids, provisional)
    }

    struct Context {
        var catalog: Catalog
        var retired: [String: String]
        var interpretations: Set<String>?
        /// The interpretations awaiting a ruling: a vector naming one is advisory.
        var provisional: Set<String> = []
        var changelog = Changelog()
    }

    struct LocatedVector {
        var vector: Vector
        var idMark: Mark
        var id: String { vector.id }
    }

    /// A vector file's top level: its keys and the defaults its vectors inherit.
    struct Header {
        var defaultOperation: OperationSchema?
        var defaultClauses: [String]?
        var hasOperation: Bool
        var hasClauses: Bool
    }

    static func readHeader(_ root: YAMLNode, context: Context, reader: inout NodeReader) -> Header? {
        guard let top = reader.fields(of: root, in: Messages.text("context.vectorFile"), allowed: fileKeys, required: ["vectors"]) else {
            return nil
        }
        return Header(
            defaultOperation: top["operation"].flatMap { checkOperation($0, reader: &reader) },
            defaultClauses: top["clauses"].flatMap { checkClauses($0, context: context, reader: &reader) },
            hasOperation: top["operation"] != nil, hasClauses: top["clauses"] != nil)
    }

    static func readFile(_ root: YAMLNode, file: String, context: Context, reader: inout NodeReader) -> [LocatedVector] {
        guard let header = readHeader(root, context: context, reader: &reader), let list = root["vectors"] else { return [] }
        guard case .sequence(let items) = list.content else {
            reader.report(.wrongShape, list.mark, Messages.text("lint.notList", "vectors", list.shapeName))
            return []
        }
        return readItems(items, header: header, context: context, reader: &reader)
    }

    static func readItems(_ items: [YAMLNode], header: Header, context: Context, reader: inout NodeReader) -> [LocatedVector] {
        var result: [LocatedVector] = []
        result.reserveCapacity(items.count)
        for item in items {
            if let v = readVector(
                item, defaultOperation: header.defaultOperation, defaultClauses: header.defaultClauses,
                fileHasOperation: header.hasOperation, fileHasClauses: header.hasClauses,
                context: context, reader: &reader)
            {
                result.append(v)
            }
        }
        return result
    }

    static func checkOperation(_ node: YAMLNode, reader: inout NodeReader) -> OperationSchema? {
        guard let name = reader.string(node, "operation") else { return nil }
        guard let schema = Operations.schema(named: name) else {
            reader.report(
                .unknownOperation, node.mark,
                Messages.text("lint.unknownOperation", name, Operations.all.map(\.name).joined(separator: ", ")))
            return nil
        }
        return schema
    }

    static func checkClauses(_ node: YAMLNode, context: Context, reader: inout NodeReader) -> [String]? {
        guard let entries = reader.strings(node, "clauses") else { return nil }
        if entries.isEmpty {
            reader.report(.wrongShape, node.mark, Messages.text("lint.noClauses"))
            return nil
        }
        var ok = true
        for (id, mark) in entries where !context.catalog.contains(id) {
            ok = false
            reader.report(.unknownClause, mark, Messages.text("lint.unknownClause", id))
        }
        return ok ? entries.map(\.0) : nil
    }

    static func readVector(
        _ node: YAMLNode, defaultOperation: OperationSchema?, defaultClauses: [String]?, fileHasOperation: Bool, fileHasClauses: Bool,
        context: Context, reader: inout NodeReader
    ) -> LocatedVector? {
        // A file-level default that is itself wrong is reported once, at the file level.
        var required = ["id", "title", "why", "input", "expected"]
        if !fileHasOperation { required.append("operation") }
        if !fileHasClauses { required.append("clauses") }
        let before = reader.diagnostics.count
        guard let f = reader.fields(of: node, in: Messages.text("context.vector"), allowed: vectorKeys, required: required) else {
            return nil
        }

        var id: String?
        if let idNode = f["id"], let text = reader.string(idNode, "id") {
            if !isValidID(text) {
                reader.report(
                    .wrongShape, idNode.mark,
                    Messages.text("lint.vectorID", text))
            } else if !context.retired.isEmpty, let reason = context.retired[text] {
                reader.report(.retiredID, idNode.mark, Messages.text("lint.retiredID", text, reason))
            } else {
                id = text
            }
        }
        var title = reader.string(f["title"], "title")
        var why = reader.string(f["why"], "why")
        // Text shown on terminals and in reports: a title is one line; neither may hold control characters.
        if let text = title, let control = UntrustedText.firstControl(in: text, multiline: false), let node = f["title"] {
            reader.report(
                .wrongShape, node.mark, Messages.text("lint.titleControl", UntrustedText.name(control)))
            title = nil
        }
        if let text = why, let control = UntrustedText.firstControl(in: text, multiline: true), let node = f["why"] {
            reader.report(
                .wrongShape, node.mark,
                Messages.text("lint.whyControl", UntrustedText.name(control)))
            why = nil
        }
        let schema = f["operation"].map { checkOperation($0, reader: &reader) } ?? defaultOperation
        let clauses = f["clauses"].map { checkClauses($0, context: context, reader: &reader) } ?? defaultClauses
        var interpretations: [String] = []
        if let node = f["interpretations"], let entries = reader.strings(node, "interpretations") {
            for (name, mark) in entries {
                if let known = context.interpretations, !known.contains(name) {
                    reader.report(.wrongShape, mark, Messages.text("lint.unknownInterpretation", name))
                }
                interpretations.append(name)
            }
        }
        let expected = f["expected"].flatMap { readExpected($0, schema: schema, reader: &reader) }
        if let schema, let inputNode = f["input"] {
            // Inputs of a vector that expects a result must be well-typed; a vector expecting an error may hold anything
            // the operation takes, so that impossible input can be written down.
            let expectsError = if case .error = expected { true } else { false }
            checkInput(inputNode, schema: schema, typed: !expectsError, reader: &reader)
        } else if let inputNode = f["input"], inputNode.mapping == nil {
            reader.report(.wrongShape, inputNode.mark, Messages.text("lint.notMapping", "input", inputNode.shapeName))
        }
        guard reader.diagnostics.count == before, let id, let title, let why, let schema, let clauses, let expected,
            let input = f["input"]?.value
        else { return nil }
        var vector = Vector(
            id: id, title: title, operation: schema.name, clauses: clauses, interpretations: interpretations,
            why: why, input: input, expected: expected, mark: node.mark)
        vector.provisional = interpretations.filter { context.provisional.contains($0) }
        return LocatedVector(vector: vector, idMark: f["id"]!.mark)
    }

    static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, (0x61...0x7A).contains(first) || (0x30...0x39).contains(first) else { return false }
        return id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x2E }
    }

    static func checkInput(_ node: YAMLNode, schema: OperationSchema, typed: Bool, reader: inout NodeReader) {
        guard case .mapping(let pairs) = node.content else {
            reader.report(.wrongShape, node.mark, Messages.text("lint.notMapping", "input", node.shapeName))
            return
        }
        for pair in pairs {
            let key = pair.key.scalar?.text ?? ""
            guard let field = schema.input.first(where: { $0.name == key }) else {
                reader.report(
                    .unknownInputField, pair.key.mark,
                    Messages.text("lint.unknownInput", schema.name, key, schema.input.map(\.name).joined(separator: ", ")))
                continue
            }
            // `null` is absent (docs/protocol.md): fine for an optional field, a missing value for a required one.
            if pair.value.scalar?.resolved == .null, !field.type.isNullable {
                if typed && field.required {
                    reader.report(.missingKey, pair.value.mark, Messages.text("lint.requiredNull", key, schema.name))
                }
                continue
            }
            if typed, let (mark, message) = field.type.problem(with: pair.value, path: key, range: field.range, requireFields: true) {
                reader.report(.wrongType, mark, message)
            }
        }
        if typed {
            for field in schema.input where field.required && !pairs.contains(where: { $0.key.scalar?.text == field.name }) {
                reader.report(.missingKey, node.mark, Messages.text("lint.missingInput", field.name, schema.name))
            }
        }
    }

    static func readExpected(_ node: YAMLNode, schema: OperationSchema?, reader: inout NodeReader) -> Vector.Expected? {
        guard case .mapping(let pairs) = node.content else {
            reader.report(.wrongShape, node.mark, Messages.text("lint.notMapping", "expected", node.shapeName))
            return nil
        }
        if pairs.isEmpty {
            reader.report(.wrongShape, node.mark, Messages.text("lint.expectedEmpty"))
            return nil
        }
        if let errorPair = pairs.first(where: { $0.key.scalar?.text == "error" }) {
            if pairs.count > 1 {
                reader.report(.wrongShape, node.mark, Messages.text("lint.errorAlone"))
                return nil
            }
            guard let code = errorPair.value.scalar?.text, errorCodes.contains(code) else {
                reader.report(.wrongShape, errorPair.value.mark, Messages.text("lint.errorCode", errorCodes.joined(separator: ", ")))
                return nil
            }
            return .error(code)
        }
        guard let schema else { return nil }
        var members: [Member] = []
        var ok = true
        for pair in pairs {
            let key = pair.key.scalar?.text ?? ""
            guard let field = schema.output.first(where: { $0.name == key }) else {
                reader.report(
                    .unknownOutputField, pair.key.mark,
                    Messages.text("lint.unknownOutput", schema.name, key, schema.output.map(\.name).joined(separator: ", ")))
                ok = false
                continue
            }
            if let (mark, message) = field.type.problem(with: pair.value, path: "expected.\(key)", requireFields: false) {
                reader.report(.wrongType, mark, message)
                ok = false
                continue
            }
            members.append(Member(key, pair.value.value))
        }
        return ok ? .output(members) : nil
    }
}
