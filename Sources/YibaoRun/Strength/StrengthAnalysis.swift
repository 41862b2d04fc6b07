import Foundation
import YibaoRules
import YibaoSuite

/// Mutation analysis of the reference, per clause: every mutant (see ``Mutant``) is run against the whole suite, in
/// process. A mutant is killed when a vector that passes against the reference fails against it; a mutant no vector
/// kills survives, unless the equivalent-mutants file says no input can observe it.
public struct StrengthAnalysis: Sendable {
    public struct Survivor: Sendable {
        public var mutant: Mutant
        /// A vector file scaffold with an input on which the mutant answers differently (expected values left for
        /// the author to derive by hand), or nil when none was found nearby.
        public var scaffold: String?
    }

    public struct ClauseLine: Sendable {
        public var clause: String
        public var mutants: Int
        public var killed: Int
        public var equivalent: Int
        public var survivors: [Survivor]

        /// killed / (mutants − equivalent), in percent; 100 when every mutant is equivalent or there are none.
        public var percent: Double {
            let counted = mutants - equivalent
            return counted == 0 ? 100 : Double(killed) * 100 / Double(counted)
        }
    }

    public var mutants: [Mutant]
    /// Per mutant id: the id of a vector that kills it.
    public var killedBy: [String: String]
    /// Per mutant id listed as equivalent: the reason.
    public var equivalent: [String: String]
    public var clauses: [ClauseLine]
    /// The equivalent-mutants file's entries that are wrong (unknown id, or a mutant a vector kills), and vectors that
    /// do not pass against the reference itself (left out of the analysis).
    public var problems: [String]
    public var vectors: Int
    public var seconds: Double

    public var killed: Int { killedBy.count }
    public var survivors: [Survivor] { clauses.flatMap(\.survivors).uniqued }
    /// killed / (mutants − equivalent), in percent.
    public var percent: Double {
        let counted = mutants.count - equivalent.count
        return counted == 0 ? 100 : Double(killed) * 100 / Double(counted)
    }

    /// Runs the analysis on `suite` (its catalog's parameters must have loaded) with the equivalent mutants listed.
    public static func run(_ suite: Suite, parameters: Parameters, equivalents: [EquivalentMutant]) -> StrengthAnalysis {
        let start = Date()
        let normative = suite.catalog.normativeClauses.map(\.id)
        let mutants = Mutant.all(of: parameters, normativeClauses: normative)

        // The reference's own answers: only vectors that pass count (a failing vector kills everything).
        let baseline = suite.vectors.map { ReferenceRunner.run($0, parameters: parameters) }
        let passing = baseline.filter { $0.status == .pass }
        var problems = baseline.filter { $0.status != .pass }.map {
            "vector \($0.vector.id) \($0.status.rawValue)s against the reference; it is left out of the analysis"
        }

        let killers = parallelChunks(mutants.count, minimumChunk: 1) { range in
            range.map { killer(of: mutants[$0], passing: passing) }
        }.flatMap { $0 }
        var killedBy: [String: String] = [:]
        for (mutant, vector) in zip(mutants, killers) {
            if let vector { killedBy[mutant.id] = vector }
        }

        var equivalent: [String: String] = [:]
        let ids = Set(mutants.map(\.id))
        for entry in equivalents {
            if !ids.contains(entry.mutant) {
                problems.append("\(entry.mark): equivalent mutant \(entry.mutant) is not a mutant of this suite")
            } else if let vector = killedBy[entry.mutant] {
                problems.append("\(entry.mark): mutant \(entry.mutant) is listed as equivalent, but vector \(vector) kills it")
            } else {
                equivalent[entry.mutant] = entry.reason
            }
        }

        let survivors = mutants.filter { killedBy[$0.id] == nil && equivalent[$0.id] == nil }
        let scaffolds = parallelChunks(survivors.count, minimumChunk: 1) { range in
            range.map { ScaffoldSearch.scaffold(for: survivors[$0], suite: suite, baseline: baseline, parameters: parameters) }
        }.flatMap { $0 }
        var survivorByID: [String: Survivor] = [:]
        for (mutant, scaffold) in zip(survivors, scaffolds) { survivorByID[mutant.id] = Survivor(mutant: mutant, scaffold: scaffold) }

        // One line per clause a mutant breaks, in catalog order.
        var order = suite.catalog.clauses.map(\.id)
        for m in mutants { for c in m.clauses where !order.contains(c) { order.append(c) } }
        var lines: [String: ClauseLine] = [:]
        for m in mutants {
            for c in m.clauses {
                var line = lines[c] ?? ClauseLine(clause: c, mutants: 0, killed: 0, equivalent: 0, survivors: [])
                line.mutants += 1
                if killedBy[m.id] != nil { line.killed += 1 }
                if equivalent[m.id] != nil { line.equivalent += 1 }
                if let s = survivorByID[m.id] { line.survivors.append(s) }
                lines[c] = line
            }
        }
        return StrengthAnalysis(
            mutants: mutants, killedBy: killedBy, equivalent: equivalent, clauses: order.compactMap { lines[$0] },
            problems: problems, vectors: suite.vectors.count, seconds: Date().timeIntervalSince(start))
    }

    /// The first passing vector that fails against the mutant, or nil.
    static func killer(of mutant: Mutant, passing: [VectorResult]) -> String? {
        switch mutant.change {
        case .parameters(let p):
            for result in passing where ReferenceRunner.run(result.vector, parameters: p).status != .pass {
                return result.vector.id
            }
        case .conclusion(let clause):
            for result in passing {
                guard case .result(let output, let trace)? = result.outcome, let trace, trace.contains(clause) else { continue }
                let changed = Outcome.result(output: Perturb.value(output), trace: trace)
                if VectorResult.judge(result.vector, changed).status != .pass { return result.vector.id }
            }
        }
        return nil
    }
}

/// A conclusion mutant's change to an answer: every leaf moved by one step.
enum Perturb {
    static func value(_ v: Value) -> Value {
        switch v {
        case .null: return .string("mutant")
        case .bool(let b): return .bool(!b)
        case .number(let n): return .number(Int(n).map { String($0 + 1) } ?? n + "1")
        case .string(let s):
            if let d = Day(s) { return .string(d.addingDays(1).description) }
            if let m = Month(s) { return .string((m + 1).description) }
            if let money = Money(s) { return .string(Money(fen: money.fen + 1).description) }
            return .string(s + "′")
        case .array(let items): return items.isEmpty ? .array([.null]) : .array(items.dropLast().map { $0 })
        case .object(let members): return .object(members.map { Member($0.key, value($0.value)) })
        }
    }
}

extension Array where Element == StrengthAnalysis.Survivor {
    /// Each mutant once (a mutant of several clauses is listed under each).
    var uniqued: [StrengthAnalysis.Survivor] {
        var seen = Set<String>()
        return filter { seen.insert($0.mutant.id).inserted }
    }
}
