import YibaoRules
import YibaoYAML

extension Parameters {
    /// The parameter file's name in the catalog folder.
    public static let fileName = "parameters.yaml"

    /// Loads the notices' numbers and dates (`catalog/parameters.yaml`), reporting every problem with its place.
    /// `clauses`, when given, are the catalog's clause ids every parameter's clause must be one of.
    public static func load(file: String, clauses: Set<String>? = nil, loader: YAMLLoader = YAMLLoader()) -> (Parameters?, [Diagnostic]) {
        var reader = NodeReader()
        let nodes: [YAMLNode]
        do throws(YAMLError) { nodes = try loader.load(contentsOf: file) } catch {
            return (nil, [Diagnostic(error)])
        }
        guard nodes.count == 1, let root = nodes.first,
            let top = reader.fields(
                of: root, in: Messages.text("context.parameterFile"), allowed: ["parameters"], required: ["parameters"]),
            let list = top["parameters"]
        else {
            if nodes.count != 1 {
                reader.report(.wrongShape, Mark(file: file, line: 1, column: 1), Messages.text("lint.parameterFileOneDocument"))
            }
            return (nil, reader.diagnostics)
        }
        guard case .sequence(let items) = list.content else {
            reader.report(.wrongShape, list.mark, Messages.text("lint.notList", "parameters", list.shapeName))
            return (nil, reader.diagnostics)
        }
        var parameters: [Parameter] = []
        var marks: [String: Mark] = [:]
        for item in items {
            guard let p = readParameter(item, clauses: clauses, reader: &reader) else { continue }
            if let first = marks[p.id] {
                reader.report(.duplicateID, item.mark, Messages.text("lint.duplicateParameter", p.id, first))
                continue
            }
            marks[p.id] = item.mark
            parameters.append(p)
        }
        guard reader.diagnostics.isEmpty else { return (nil, reader.diagnostics) }
        do throws(ParametersError) {
            return (try Parameters(parameters), [])
        } catch {
            reader.report(.catalog, marks[error.id] ?? root.mark, error.description)
            return (nil, reader.diagnostics)
        }
    }

    private static func readParameter(_ node: YAMLNode, clauses: Set<String>?, reader: inout NodeReader) -> Parameter? {
        guard
            let f = reader.fields(
                of: node, in: "parameter", allowed: ["id", "clause", "phrase", "unit", "value", "values", "note"],
                required: ["id", "clause", "phrase", "unit"]),
            let id = reader.string(f["id"], "id"), let clause = reader.string(f["clause"], "clause"),
            let phrase = reader.string(f["phrase"], "phrase"), let unitText = reader.string(f["unit"], "unit")
        else { return nil }
        _ = reader.string(f["note"], "note")
        guard let key = ParameterKey(rawValue: id) else {
            reader.report(
                .catalog, f["id"]!.mark,
                Messages.text("lint.unknownParameter", id, ParameterKey.allCases.map(\.rawValue).joined(separator: ", ")))
            return nil
        }
        guard let unit = Unit(rawValue: unitText) else {
            reader.report(
                .wrongShape, f["unit"]!.mark,
                Messages.text("lint.unit", Unit.allCases.map(\.rawValue).joined(separator: ", "), unitText))
            return nil
        }
        guard unit == key.unit else {
            reader.report(.wrongType, f["unit"]!.mark, Messages.text("lint.parameterUnit", id, key.unit.rawValue, unit.rawValue))
            return nil
        }
        if let clauses, !clauses.contains(clause) {
            reader.report(.unknownClause, f["clause"]!.mark, Messages.text("lint.unknownClause", clause))
        }
        var values: [Dated] = []
        switch (f["value"], f["values"]) {
        case (let single?, nil):
            guard let q = quantity(single, unit: unit, reader: &reader) else { return nil }
            values = [Dated(from: nil, value: q)]
        case (nil, let list?):
            guard case .sequence(let items) = list.content, !items.isEmpty else {
                reader.report(.wrongShape, list.mark, Messages.text("lint.datedValues"))
                return nil
            }
            for item in items {
                guard
                    let v = reader.fields(
                        of: item, in: Messages.text("context.datedValue"), allowed: ["from", "value"], required: ["from", "value"]),
                    let fromNode = v["from"], let valueNode = v["value"]
                else { return nil }
                guard let text = fromNode.scalar?.text, let from = Day(text) else {
                    reader.report(.wrongType, fromNode.mark, Messages.text("lint.date", "from"))
                    return nil
                }
                guard let q = quantity(valueNode, unit: unit, reader: &reader) else { return nil }
                if let last = values.last?.from, !(last < from) {
                    reader.report(.wrongShape, fromNode.mark, Messages.text("lint.datedOrder"))
                    return nil
                }
                values.append(Dated(from: from, value: q))
            }
        default:
            reader.report(.missingKey, node.mark, Messages.text("lint.valueOrValues", id))
            return nil
        }
        return Parameter(key: key, clause: clause, phrase: phrase, values: values)
    }

    private static func quantity(_ node: YAMLNode, unit: Unit, reader: inout NodeReader) -> Quantity? {
        let text = node.scalar?.text ?? ""
        let q: Quantity?
        switch unit {
        case .date: q = Day(text).map(Quantity.date)
        case .rate: q = rateHundredths(text).map { Quantity.rate(hundredths: $0) }
        default: q = Int(text).map(Quantity.count)
        }
        guard let q, node.scalar != nil else {
            reader.report(
                .wrongType, node.mark,
                Messages.text(
                    unit == .date ? "lint.parameterDate" : unit == .rate ? "lint.parameterRate" : "lint.parameterCount", unit.rawValue)
            )
            return nil
        }
        if let problem = Parameters.problem(q, unit: unit) {
            reader.report(.wrongType, node.mark, Messages.text("lint.parameterValue", problem))
            return nil
        }
        return q
    }

    /// "0.07" → 7; at most two decimals.
    private static func rateHundredths(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]), whole >= 0, parts[0].allSatisfy(\.isASCII) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.count), f.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(f) else { return nil }
            fraction = f.count == 1 ? n * 10 : n
        }
        return whole * 100 + fraction
    }
}
