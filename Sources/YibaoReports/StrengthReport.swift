import YibaoRules
import YibaoRun
import YibaoSuite

/// `yibao strength` in text, JSON and Markdown (HTML: ``HTMLReport/run(_:catalog:strength:)`` colours the clause tree).
public enum StrengthReport {
    /// "LU-2021-54/3b「…」：3 个月 → 4 个月，没有向量能发现".
    public static func survivorText(_ s: StrengthAnalysis.Survivor) -> String {
        s.mutant.description + "，没有向量能发现"
    }

    public static func text(_ a: StrengthAnalysis, color: Bool = false) -> String {
        var out =
            TextReport.pad(Messages.text("strength.clause"), 22) + " " + TextReport.lpad(Messages.text("strength.mutants"), 7) + " "
            + TextReport.lpad(Messages.text("strength.killed"), 7) + " " + TextReport.lpad(Messages.text("strength.equivalent"), 11) + " "
            + TextReport.lpad(Messages.text("strength.survivors"), 10) + " " + TextReport.lpad(Messages.text("strength.strength"), 9) + "\n"
        for line in a.clauses {
            let row =
                TextReport.pad(line.clause, 22) + " " + TextReport.lpad(String(line.mutants), 7) + " "
                + TextReport.lpad(String(line.killed), 7) + " "
                + TextReport.lpad(String(line.equivalent), 11) + " " + TextReport.lpad(String(line.survivors.count), 10) + " "
                + TextReport.lpad(TextReport.percentText(line.percent), 9)
            out += line.survivors.isEmpty ? row + "\n" : TextReport.paint(row, "31", color) + "\n"
        }
        let survivors = a.survivors
        if !survivors.isEmpty {
            out += "\n" + Messages.text("strength.survivorsHeading", survivors.count) + "\n"
            for s in survivors {
                out += "  " + visible(survivorText(s)) + "  [\(visible(s.mutant.id))]\n"
                if let scaffold = s.scaffold {
                    out += "    " + Messages.text("strength.scaffold") + "\n"
                    out += scaffold.split(separator: "\n").map { "      " + visible(String($0)) }.joined(separator: "\n") + "\n"
                }
            }
        }
        for p in a.problems { out += Messages.text("strength.problem", visible(p)) + "\n" }
        out += summary(a) + "\n"
        return out
    }

    public static func summary(_ a: StrengthAnalysis) -> String {
        Messages.text(
            "strength.summary", a.killed, a.mutants.count - a.equivalent.count, TextReport.percentText(a.percent), a.equivalent.count,
            a.mutants.count, a.vectors, JSONReport.seconds(a.seconds))
    }

    public static func json(_ a: StrengthAnalysis) -> Value {
        func survivor(_ s: StrengthAnalysis.Survivor) -> Value {
            .object([
                Member("id", .string(s.mutant.id)), Member("description", .string(survivorText(s))),
                Member("scaffold", s.scaffold.map(Value.string) ?? .null),
            ])
        }
        return .object([
            Member("mutants", .number(String(a.mutants.count))),
            Member("killed", .number(String(a.killed))),
            Member("equivalent", .number(String(a.equivalent.count))),
            Member("survived", .number(String(a.survivors.count))),
            Member("strength", .number(percentNumber(a.percent))),
            Member("vectors", .number(String(a.vectors))),
            Member("seconds", .number(JSONReport.seconds(a.seconds))),
            Member(
                "clauses",
                .array(
                    a.clauses.map { line in
                        .object([
                            Member("id", .string(line.clause)), Member("mutants", .number(String(line.mutants))),
                            Member("killed", .number(String(line.killed))), Member("equivalent", .number(String(line.equivalent))),
                            Member("strength", .number(percentNumber(line.percent))),
                            Member("survivors", .array(line.survivors.map(survivor))),
                        ])
                    })),
            Member(
                "results",
                .array(
                    a.mutants.map { m in
                        .object([
                            Member("id", .string(m.id)), Member("clauses", .array(m.clauses.map(Value.string))),
                            Member("description", .string(m.description)),
                            Member(
                                "status",
                                .string(a.killedBy[m.id] != nil ? "killed" : a.equivalent[m.id] != nil ? "equivalent" : "survived")),
                            Member("killedBy", a.killedBy[m.id].map(Value.string) ?? .null),
                        ])
                    })),
            Member(
                "equivalentMutants",
                .array(
                    a.mutants.compactMap { m in
                        a.equivalent[m.id].map {
                            .object([
                                Member("id", .string(m.id)), Member("description", .string(m.description)), Member("reason", .string($0)),
                            ])
                        }
                    })),
            Member("problems", .array(a.problems.map(Value.string))),
        ])
    }

    public static func markdown(_ a: StrengthAnalysis) -> String {
        var out = "# " + Messages.text("strength.title") + "\n\n" + MarkdownReport.inline(summary(a)) + "\n\n"
        out +=
            "| "
            + ["strength.clause", "strength.mutants", "strength.killed", "strength.equivalent", "strength.survivors", "strength.strength"]
            .map { Messages.text($0) }.joined(separator: " | ") + " |\n|---|---:|---:|---:|---:|---:|\n"
        for line in a.clauses {
            out +=
                "| \(MarkdownReport.cell(line.clause)) | \(line.mutants) | \(line.killed) | \(line.equivalent) | \(line.survivors.count)"
                + " | \(TextReport.percentText(line.percent)) |\n"
        }
        let survivors = a.survivors
        if !survivors.isEmpty {
            out += "\n## " + Messages.text("strength.survivorsTitle") + "\n\n"
            for s in survivors {
                out += "- " + MarkdownReport.inline(survivorText(s)) + " " + MarkdownReport.code(s.mutant.id) + "\n"
                if let scaffold = s.scaffold { out += "\n" + indent(MarkdownReport.fenced(scaffold)) + "\n" }
            }
        }
        if !a.problems.isEmpty {
            out +=
                "\n## " + Messages.text("strength.problemsTitle") + "\n\n"
                + a.problems.map { "- " + MarkdownReport.inline($0) + "\n" }.joined()
        }
        return out
    }

    static func indent(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }

    /// A percentage as JSON number text with one decimal: 97.5.
    static func percentNumber(_ p: Double) -> String {
        let tenths = Int((p * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Suite text (a parameter's phrase, a vector's input) for a terminal: control characters made visible.
    static func visible(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map(Markup.visible)))
    }
}
