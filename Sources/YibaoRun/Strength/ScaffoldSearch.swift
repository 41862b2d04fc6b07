import YibaoRules
import YibaoSuite

/// Looks for an input on which a surviving mutant answers differently from the reference, near the suite's own
/// vectors (each date, month, number and flag of their inputs moved a little), and writes it as a vector file
/// scaffold. The scaffold holds the input and the names of the fields that differ — never the reference's values:
/// the expected answer is derived by hand from the notice.
enum ScaffoldSearch {
    /// Evaluations tried per survivor before giving up.
    static let budget = 6000

    static func scaffold(for mutant: Mutant, suite: Suite, baseline: [VectorResult], parameters: Parameters) -> String? {
        let clauses = Set(mutant.clauses)
        let operations = mutant.operations ?? Set(Operations.all.filter { !clauses.isDisjoint(with: $0.clauses) }.map(\.name))
        let touching = baseline.filter { r in
            mutant.operations?.contains(r.vector.operation) ?? true
                && ((r.outcome?.trace).map { !clauses.isDisjoint(with: $0) } ?? false || !clauses.isDisjoint(with: r.vector.clauses))
        }
        let sameOperation = baseline.filter { operations.contains($0.vector.operation) }
        var tried = 0
        var seen = Set<String>()
        for result in touching + sameOperation {
            let v = result.vector
            guard seen.insert(v.id).inserted else { continue }
            for input in [v.input] + neighbours(of: v.input) {
                tried += 1
                if tried > budget { return nil }
                let (a, b) = answers(v.operation, input, mutant: mutant, parameters: parameters)
                guard a != b else { continue }
                return render(mutant, operation: v.operation, input: input, differing: differing(a, b), near: v.id)
            }
        }
        return nil
    }

    /// The reference's and the mutant's answers (output, or the error code alone).
    static func answers(_ operation: String, _ input: Value, mutant: Mutant, parameters: Parameters) -> (Value, Value) {
        func shown(_ r: Result<Answer, RuleError>) -> (Value, [String]) {
            switch r {
            case .success(let a): return (a.output, a.trace)
            case .failure(let e): return (.object([Member("error", .string(e.code.rawValue))]), e.trace)
            }
        }
        let (original, trace) = shown(Reference.evaluate(operation: operation, input: input, parameters: parameters))
        switch mutant.change {
        case .parameters(let p):
            return (original, shown(Reference.evaluate(operation: operation, input: input, parameters: p)).0)
        case .conclusion(let clause, let field):
            guard trace.contains(clause), original["error"] == nil else { return (original, original) }
            return (original, Perturb.field(field, of: original))
        }
    }

    static func differing(_ a: Value, _ b: Value) -> [String] {
        guard case .object(let x) = a, case .object(let y) = b else { return [] }
        let keys = x.map(\.key) + y.map(\.key).filter { k in !x.contains { $0.key == k } }
        return keys.filter { a[$0] != b[$0] }
    }

    /// The input with one top-level field moved: dates by ±1, ±2 days and ±1…±3 months, months by ±1…±3, whole
    /// numbers by ±1 and ±12, flags flipped.
    static func neighbours(of input: Value) -> [Value] {
        guard case .object(let members) = input else { return [] }
        var result: [Value] = []
        for (i, member) in members.enumerated() {
            var variants: [Value] = []
            switch member.value {
            case .string(let s):
                if let d = Day(s) {
                    variants =
                        [1, -1, 2, -2].map { .string(d.addingDays($0).description) }
                        + [1, -1, 2, -2, 3, -3].map { .string(d.addingMonths($0).description) }
                } else if let m = Month(s) {
                    variants = [1, -1, 2, -2, 3, -3].map { .string((m + $0).description) }
                }
            case .number(let n):
                if let k = Int(n) { variants = [1, -1, 12, -12].map { .number(String(k + $0)) } }
            case .bool(let b):
                variants = [.bool(!b)]
            default:
                break
            }
            for v in variants {
                var copy = members
                copy[i] = Member(member.key, v)
                result.append(.object(copy))
            }
        }
        return result
    }

    static func render(_ mutant: Mutant, operation: String, input: Value, differing: [String], near: String) -> String {
        let expected = differing.filter { $0 != "error" }
        var out = "# kills \(mutant.id) (found near vector \(near)); the answers differ in: \(differing.joined(separator: ", "))\n"
        out += "operation: \(operation)\n"
        out += "clauses: [\(mutant.clauses.joined(separator: ", "))]\n"
        out += "vectors:\n"
        out += "  - id: TODO\n"
        out += "    title: TODO\n"
        out += "    why: TODO derive the answer from the notice's text by hand\n"
        out += "    input: \(JSON.serialize(input))\n"
        if differing.contains("error") && expected.isEmpty {
            out += "    expected: {error: TODO}\n"
        } else {
            out += "    expected: {\(expected.map { "\($0): TODO" }.joined(separator: ", "))}\n"
        }
        return out
    }
}
