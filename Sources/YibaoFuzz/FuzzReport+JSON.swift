import YibaoRules
import YibaoRun
import YibaoSuite

extension FuzzReport {
    /// `seed`, `cases`, `findings` (each with `operation`, `count`, `advisory` and the `provisional` readings it rests
    /// on, the minimal `input`, the `expected`
    /// (reference) and `actual` answers and the `trace`), `otherFindingCases` (disagreeing cases past the cap on
    /// findings) and `reach` (cases per clause), with the run's figures.
    public func json(catalog: Catalog) -> Value {
        .object([
            Member("seed", .number(String(seed))),
            Member("cases", .number(String(cases))),
            Member("invalidCases", .number(String(invalidCases))),
            Member("unsupportedCases", .number(String(unsupported))),
            Member("seconds", .number(String(format3(seconds)))),
            Member("casesPerSecond", .number(String(Int(casesPerSecond)))),
            Member(
                "implementation",
                .object([
                    Member("name", .string(implementation.name)),
                    Member("version", .string(implementation.version)),
                    Member("vendor", .string(implementation.vendor)),
                ])),
            Member("operations", .array(operations.map(Value.string))),
            Member("replay", .string(replay)),
            Member("findings", .array(findings.map { $0.json(seed: seed, catalog: catalog) })),
            Member("otherFindingCases", .number(String(otherFindingCases))),
            Member("reach", .object(reach.map { Member($0.clause, .number(String($0.cases))) })),
        ])
    }

    func format3(_ x: Double) -> String {
        let thousandths = Int((x * 1000).rounded())
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - String(thousandths % 1000).count))\(thousandths % 1000)"
    }
}

extension Finding {
    func json(seed: UInt64, catalog: Catalog) -> Value {
        var members = [
            Member("operation", .string(operation)),
            Member("count", .number(String(count))),
            Member("advisory", .bool(advisory)),
            Member("provisional", .array(provisional.map(Value.string))),
            Member("status", .string(status.rawValue)),
            Member("differing", .array(signature.differing.map(Value.string))),
            Member("input", input),
            Member("expected", expected.value),
            Member("actual", actual?.value ?? .null),
            Member("trace", .array(trace.map(Value.string))),
        ]
        if let message { members.append(Member("message", .string(message))) }
        members += [
            Member("firstCase", .number(String(firstCase))),
            Member("originalInput", originalInput),
            Member("shrinkSteps", .number(String(shrinkSteps))),
            Member(
                "clauses",
                .array(
                    trace.compactMap { id in
                        catalog[id].map { .object([Member("id", .string(id)), Member("text", .string($0.text ?? $0.summary))]) }
                    })),
            Member("scaffold", .string(scaffold(seed: seed))),
        ]
        return .object(members)
    }
}
