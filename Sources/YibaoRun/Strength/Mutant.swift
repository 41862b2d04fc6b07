import YibaoRules
import YibaoSuite

/// One deliberate error in the reference: a parameter of the notices changed by one step in its unit, a structural
/// reading changed, or the conclusion of a clause altered. `yibao strength` runs the suite against each; a mutant no
/// vector notices ("survives") is a rule the suite would let a vendor get wrong.
public struct Mutant: Sendable, Identifiable {
    public enum Change: Sendable {
        /// The reference with these parameters (one value of one parameter changed, or one reading).
        case parameters(Parameters)
        /// Every result whose trace holds the clause has the output field (every field when nil) moved by one step
        /// (a date by a day, a month by a month, a number by one, a flag flipped…): the clause's conclusion is wrong.
        case conclusion(String, field: String?)
    }

    /// Stable, used in the equivalent-mutants file: `transfer.2022.window:+1`, `reading.rounding:half-even`,
    /// `conclusion:LU-2021-54/3b`.
    public var id: String
    /// The clauses the mutant breaks (a parameter's clause; every clause a reading serves).
    public var clauses: [String]
    /// In the notices' terms: `LU-2021-54/3b「自转出地办理减员当月起，3 个月内接续基本医疗保险关系」：3 个月 → 4 个月`.
    public var description: String
    public var change: Change
    /// The operations whose answers the mutant changes (nil: every operation).
    public var operations: Set<String>? = nil

    /// Every mutant of `parameters` (each value of each parameter ±1 step in its unit; readings) and a conclusion
    /// mutant for each of `normativeClauses`.
    public static func all(of parameters: Parameters, normativeClauses: [String]) -> [Mutant] {
        var mutants: [Mutant] = []
        for p in parameters.all {
            for (i, dated) in p.values.enumerated() {
                let at = p.values.count > 1 ? "@\(dated.from?.description ?? "start")" : ""
                for (suffix, value) in steps(dated.value, unit: p.unit) {
                    guard let changed = parameters.replacing(p.key, value: i, with: value) else { continue }
                    let change = "\(words(dated.value, p.unit)) → \(words(value, p.unit))"
                    let operations = p.key.switchingOperations
                    if operations.isEmpty {
                        mutants.append(
                            Mutant(
                                id: "\(p.id)\(at):\(suffix)", clauses: [p.clause],
                                description: "\(p.clause)「\(p.phrase)」：\(change)", change: .parameters(changed)))
                    }
                    // A shared switch date: the rule picked on its wrong side in one operation at a time.
                    for operation in operations {
                        mutants.append(
                            Mutant(
                                id: "\(p.id)\(at)[\(operation)]:\(suffix)", clauses: [p.clause],
                                description: "\(p.clause)「\(p.phrase)」（\(operation)）：\(change)",
                                change: .parameters(changed), operations: [operation]))
                    }
                }
            }
        }
        for (id, clauses, text, reading) in readings(parameters.reading) {
            var changed = parameters
            changed.reading = reading
            mutants.append(Mutant(id: id, clauses: clauses, description: text, change: .parameters(changed)))
        }
        for clause in normativeClauses {
            // One mutant per output field of the operations that implement the clause (a clause only closing or
            // framing others, in no operation's list: one mutant moving every field).
            var fields: [String] = []
            for schema in Operations.all where schema.clauses.contains(clause) {
                for f in schema.output where !fields.contains(f.name) { fields.append(f.name) }
            }
            if fields.isEmpty {
                mutants.append(
                    Mutant(
                        id: "conclusion:\(clause)", clauses: [clause],
                        description: "\(clause)：依此条款作出的回答结论有误（每个输出字段偏一步）",
                        change: .conclusion(clause, field: nil)))
            }
            for field in fields {
                mutants.append(
                    Mutant(
                        id: "conclusion:\(clause):\(field)", clauses: [clause],
                        description: "\(clause)：依此条款作出的回答中 \(field) 有误（偏一步）",
                        change: .conclusion(clause, field: field)))
            }
        }
        return mutants
    }

    /// The one-step changes of a value: ±1 in months, years, working days, months of the year and years; ±0.01 for
    /// a rate; 当月 ↔ 次月 for an offset; ±1 day and ±1 month for a date.
    static func steps(_ value: Parameters.Quantity, unit: Parameters.Unit) -> [(String, Parameters.Quantity)] {
        switch value {
        case .count(let n) where unit == .offset:
            return [("\(n)→\(1 - n)", .count(1 - n))]
        case .count(let n):
            return [("+1", .count(n + 1)), ("-1", .count(n - 1))]
        case .rate(let h):
            return [("+0.01", .rate(hundredths: h + 1)), ("-0.01", .rate(hundredths: h - 1))]
        case .date(let d):
            return [
                ("+1d", .date(d.addingDays(1))), ("-1d", .date(d.addingDays(-1))),
                ("+1m", .date(d.addingMonths(1))), ("-1m", .date(d.addingMonths(-1))),
            ]
        }
    }

    /// A value as the notices write it.
    static func words(_ value: Parameters.Quantity, _ unit: Parameters.Unit) -> String {
        switch (value, unit) {
        case (.count(let n), .months): return "\(n) 个月"
        case (.count(let n), .years): return "\(n) 年"
        case (.count(let n), .workingDays): return "\(n) 个工作日"
        case (.count(let n), .offset): return n == 0 ? "当月" : "次月"
        case (.count(let n), .monthOfYear): return "\(n) 月"
        case (.count(let n), .year): return "\(n) 年度"
        case (.rate(let h), _): return "\(h)%"
        case (.date(let d), _): return "\(d.year) 年 \(d.month) 月 \(d.day) 日"
        default: return value.description
        }
    }

    /// The structural mutants the parameters do not express. (A switch date's rule selected on its wrong side, or a
    /// window's comparison made strict or loose, is the ±1 day / ±1 mutant of that parameter.)
    static func readings(_ base: Reading) -> [(String, [String], String, Reading)] {
        var result: [(String, [String], String, Reading)] = []
        let rounding = ["JI-2020-19/3.2a", "JI-2022-8/5b"]
        for mode in Reading.Rounding.allCases where mode != base.rounding {
            var r = base
            r.rounding = mode
            result.append(
                (
                    "reading.rounding:\(mode.rawValue)", rounding,
                    "补缴金额舍入到分（I-20）：\(roundingWords(base.rounding)) → \(roundingWords(mode))", r
                ))
        }
        for end in Reading.MonthEnd.allCases where end != base.monthEnd {
            var r = base
            r.monthEnd = end
            result.append(
                (
                    "reading.month-end:\(end.rawValue)", ["LU-2021-54/5"],
                    "LU-2021-54/5「自出生之日起 6个月内」的月末（民法典第二百零二条）：无对应日取月末 → 顺延到下月", r
                ))
        }
        for boundary in Reading.Boundary.allCases {
            var r = base
            r.flipped.formSymmetricDifference([boundary])
            let text =
                boundary == .newbornWithin
                ? "LU-2021-54/5「6个月内」：含届满当日 → 不含届满当日"
                : "LU-2021-54/5「超过 12 个月」：届满次日起 → 届满当日起"
            result.append(("reading.boundary.\(boundary.rawValue):flip", ["LU-2021-54/5"], text, r))
        }
        return result
    }

    static func roundingWords(_ mode: Reading.Rounding) -> String {
        switch mode {
        case .halfUp: "四舍五入"
        case .halfEven: "银行家舍入（四舍六入五成双）"
        case .truncation: "截尾"
        }
    }
}
