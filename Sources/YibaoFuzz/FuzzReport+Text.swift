import Foundation
import YibaoRules
import YibaoRun
import YibaoSuite

/// Text for a terminal or a CI log. Answers come from the implementation under test: every control character is
/// shown as an escape, never sent to the terminal.
enum FuzzText {
    /// `s` on one line with C0, DEL and C1 controls, the bidirectional marks, overrides and isolates (`UntrustedText`'s)
    /// and the line and paragraph separators written as `\u{…}`: every line break YAML 1.1 or 1.2 knows (LF, CR, NEL, LS,
    /// PS) among them, so the text stays on its line of a report or a scaffold's comment.
    static func line(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        UntrustedText.isControl(scalar) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// `s` padded with spaces to `width` terminal columns: two for a CJK ideograph or full-width form, one otherwise.
    static func pad(_ s: String, _ width: Int) -> String {
        let columns = s.unicodeScalars.reduce(0) { n, u in
            switch u.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
                n + 2
            default: n + 1
            }
        }
        return s + String(repeating: " ", count: max(1, width - columns))
    }

    static func number(_ n: Int) -> String {
        var s = String(n)
        var i = s.count - 3
        while i > 0 {
            s.insert(",", at: s.index(s.startIndex, offsetBy: i))
            i -= 3
        }
        return s
    }
}

extension FuzzReport {
    /// The command line that replays this run.
    public var replay: String {
        var command = "yibao fuzz --seed \(seed) --count \(cases)"
        if operations.count < Operations.all.count {
            for operation in operations { command += " --operation \(operation)" }
        }
        return command
    }

    /// "N more cases disagreed in new ways …" when the cap on findings was reached, else nil.
    public var otherFindingsText: String? {
        otherFindingCases == 0 ? nil : Messages.text("fuzz.otherFindings", FuzzText.number(otherFindingCases), maxFindings)
    }

    public func text(catalog: Catalog) -> String {
        var out = ""
        let impl = implementation
        out +=
            Messages.text(
                "fuzz.header", seed, FuzzText.number(cases), FuzzText.number(invalidCases), String(format: "%.2f", seconds),
                FuzzText.number(Int(casesPerSecond)), FuzzText.line(impl.name), FuzzText.line(impl.version)) + "\n"
        if unsupported > 0 { out += Messages.text("fuzz.unsupported", FuzzText.number(unsupported)) + "\n" }
        let advisory = findings.count - failingFindings.count
        out += Messages.text("fuzz.findings", findings.count, failingFindings.count, advisory) + "\n"
        if let other = otherFindingsText { out += other + "\n" }
        for (k, finding) in findings.enumerated() {
            out += "\n" + finding.text(number: k + 1, seed: seed, catalog: catalog)
        }
        out += "\n" + Messages.text("fuzz.reach") + "\n"
        for (clause, n) in reach {
            out += "  " + FuzzText.pad(clause, 18) + FuzzText.number(n) + (n == 0 ? "  " + Messages.text("fuzz.notReached") : "") + "\n"
        }
        out += "\n" + Messages.text("fuzz.replay", replay) + "\n"
        return out
    }
}

extension Finding {
    func text(number: Int, seed: UInt64, catalog: Catalog) -> String {
        // The labels line up by terminal columns: a Chinese label takes two a character.
        func label(_ key: String) -> String { "  " + FuzzText.pad(Messages.text(key), 16) }
        var out = Messages.text(
            "fuzz.finding", number, advisoryNote, operation, FuzzText.number(count),
            FuzzText.line(signature.differing.joined(separator: ", ")))
        out += "\n" + label("fuzz.label.input") + FuzzText.line(JSON.serialize(input))
        out += (shrinkSteps > 0 ? Messages.text("fuzz.shrunk", shrinkSteps, firstCase) : Messages.text("fuzz.case", firstCase)) + "\n"
        out += label("fuzz.label.reference") + FuzzText.line(JSON.serialize(expected.value)) + "\n"
        if let actual {
            out += label("fuzz.label.implementation") + FuzzText.line(JSON.serialize(actual.value)) + "\n"
        } else {
            out += label("fuzz.label.implementation") + status.rawValue + (message.map { ": " + FuzzText.line($0) } ?? "") + "\n"
        }
        out += label("fuzz.label.trace") + trace.joined(separator: ", ") + "\n"
        for clause in trace {
            guard let c = catalog[clause] else { continue }
            out += "    \(clause): \(FuzzText.line(c.text ?? c.summary(in: .current)))\n"
        }
        out += "  " + Messages.text("fuzz.label.scaffold") + "\n"
        out += scaffold(seed: seed, language: .current).split(separator: "\n", omittingEmptySubsequences: false).map {
            "  " + FuzzText.line(String($0))
        }.joined(separator: "\n")
        return out
    }
}
