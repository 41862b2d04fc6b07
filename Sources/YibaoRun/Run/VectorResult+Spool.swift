import YibaoRules
import YibaoSuite
import YibaoYAML

/// A result as one line of the run's spool file (`ResultLog`): its `record` (which the JSON report
/// copies as it is), a tab, and what the other reports need besides (compact JSON both). The vector's input,
/// reasoning and interpretations are kept only in the failure card of a vector that did not pass.
extension VectorResult {
    /// The result as the JSON report shows it (contract §6): the object the spool keeps first on each line.
    public var record: Value {
        var members = [
            Member("id", .string(vector.id)), Member("operation", .string(vector.operation)),
            Member("clauses", .array(vector.clauses.map(Value.string))), Member("file", .string(vector.file)),
            Member("line", .number(String(vector.mark.line))), Member("status", .string(status.rawValue)),
            Member("expected", Self.expected(vector.expected)), Member("actual", outcome?.value ?? .null),
        ]
        if !diffs.isEmpty {
            members.append(
                Member(
                    "diff",
                    .array(
                        diffs.map { d in
                            .object([Member("field", .string(d.path)), Member("expected", d.expected), Member("actual", d.actual ?? .null)])
                        })))
        }
        if vector.advisory {
            members.append(Member("advisory", .bool(true)))
            members.append(Member("provisional", .array(vector.provisional.map(Value.string))))
        }
        if let trace = outcome?.trace { members.append(Member("trace", .array(trace.map(Value.string)))) }
        if let message { members.append(Member("message", .string(message))) }
        if let stderr {
            members.append(Member("stderrTail", .string(stderr.text)))
            if let others = stderr.others { members.append(Member("stderrOthers", .number(String(others)))) }
            if stderr.omittedBytes > 0 { members.append(Member("stderrOmittedBytes", .number(String(stderr.omittedBytes)))) }
        }
        if let card { members.append(Member("card", card.value)) }
        return .object(members)
    }

    private static func expected(_ e: Vector.Expected) -> Value {
        switch e {
        case .output(let members): return .object(members)
        case .error(let code): return .object([Member("error", .string(code))])
        }
    }

    func spoolLine() -> [UInt8] {
        var bytes: [UInt8] = []
        JSON.write(record, into: &bytes)
        bytes.append(0x09)
        var extra = [Member("title", .string(vector.title)), Member("column", .number(String(vector.mark.column)))]
        switch outcome {
        case .result?: extra.append(Member("outcome", .string("result")))
        case .error?: extra.append(Member("outcome", .string("error")))
        case nil: break
        }
        let missing = diffs.indices.filter { diffs[$0].actual == nil }
        if !missing.isEmpty { extra.append(Member("diffsWithoutActual", .array(missing.map { .number(String($0)) }))) }
        if let seconds { extra.append(Member("seconds", .number(String(seconds)))) }
        JSON.write(.object(extra), into: &bytes)
        bytes.append(0x0A)
        return bytes
    }

    /// The result a spool line (without its newline) holds; nil for a line this build did not write.
    init?(spool line: UnsafeBufferPointer<UInt8>) {
        guard let tab = line.lastIndex(of: 0x09),
            let value = try? JSON.parse(UnsafeBufferPointer(rebasing: line[..<tab])),
            let extra = try? JSON.parse(UnsafeBufferPointer(rebasing: line[(tab + 1)...]))
        else { return nil }
        func string(_ v: Value?) -> String? { if case .string(let s)? = v { s } else { nil } }
        func strings(_ v: Value?) -> [String]? {
            guard case .array(let items)? = v else { return nil }
            return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        func int(_ v: Value?) -> Int { if case .number(let n)? = v { Int(n) ?? 0 } else { 0 } }
        guard let id = string(value["id"]), let operation = string(value["operation"]),
            let statusText = string(value["status"]), let status = Status(rawValue: statusText)
        else { return nil }
        // The report shows an expected error as {"error": code}; an operation's output has no field of that name.
        let expected: Vector.Expected
        if case .object(let fields)? = value["expected"], fields.count == 1, fields[0].key == "error",
            case .string(let code) = fields[0].value
        {
            expected = .error(code)
        } else if case .object(let fields)? = value["expected"] {
            expected = .output(fields)
        } else {
            expected = .output([])
        }
        let mark = Mark(file: string(value["file"]) ?? "", line: int(value["line"]), column: int(extra["column"]))
        let card = FailureCard(value["card"])
        var vector = Vector(
            id: id, title: string(extra["title"]) ?? "", operation: operation, clauses: strings(value["clauses"]) ?? [],
            interpretations: card?.interpretations ?? [], why: card?.why ?? "", input: card?.input ?? .null,
            expected: expected, mark: mark)
        vector.provisional = strings(value["provisional"]) ?? []
        var outcome: Outcome?
        let actual = value["actual"] ?? .null
        switch string(extra["outcome"]) {
        case "result": outcome = .result(output: actual, trace: strings(value["trace"]))
        case "error":
            outcome = .error(code: string(actual["error"]) ?? "", message: string(actual["message"]) ?? "", trace: strings(value["trace"]))
        default: break
        }
        var diffs: [FieldDiff] = []
        if case .array(let items)? = value["diff"] {
            var missing = Set<Int>()
            if case .array(let list)? = extra["diffsWithoutActual"] { for n in list { missing.insert(int(n)) } }
            for (k, item) in items.enumerated() {
                diffs.append(
                    FieldDiff(
                        path: string(item["field"]) ?? "", expected: item["expected"] ?? .null,
                        actual: missing.contains(k) ? nil : item["actual"]))
            }
        }
        self.init(vector: vector, status: status, outcome: outcome, diffs: diffs, message: string(value["message"]))
        self.card = card
        if let text = string(value["stderrTail"]) {
            var others: Int?
            if case .number(let n)? = value["stderrOthers"] { others = Int(n) }
            stderr = StderrLines(text: text, omittedBytes: int(value["stderrOmittedBytes"]), others: others)
        }
        if case .number(let s)? = extra["seconds"] { seconds = Double(s) }
    }
}
