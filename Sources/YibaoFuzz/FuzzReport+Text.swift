import Foundation
import YibaoRules
import YibaoRun
import YibaoSuite

/// Text for a terminal or a CI log. Answers come from the implementation under test: every control character is
/// shown as an escape, never sent to the terminal.
enum FuzzText {
    /// `s` on one line with C0, DEL and C1 controls (and the line and paragraph separators) written as `\u{…}`.
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
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
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

    public func text(catalog: Catalog) -> String {
        var out = ""
        let impl = implementation
        out += "yibao fuzz: seed \(seed), \(FuzzText.number(cases)) cases (\(FuzzText.number(invalidCases)) invalid on purpose) in "
        out += String(
            format: "%.2f s (%@ cases/s) against %@ %@\n", seconds, FuzzText.number(Int(casesPerSecond)),
            FuzzText.line(impl.name), FuzzText.line(impl.version))
        if unsupported > 0 {
            out += "\(FuzzText.number(unsupported)) cases of operations the implementation does not list were not compared\n"
        }
        let advisory = findings.count - failingFindings.count
        out += "\(findings.count) finding\(findings.count == 1 ? "" : "s") (\(failingFindings.count) failing, \(advisory) advisory)\n"
        for (k, finding) in findings.enumerated() {
            out += "\n" + finding.text(number: k + 1, seed: seed, catalog: catalog)
        }
        out += "\nreach (cases per normative clause):\n"
        for (clause, n) in reach {
            out +=
                "  " + clause.padding(toLength: 18, withPad: " ", startingAt: 0) + FuzzText.number(n) + (n == 0 ? "  NOT REACHED" : "")
                + "\n"
        }
        out += "\nreplay: \(replay)\n"
        return out
    }
}

extension Finding {
    func text(number: Int, seed: UInt64, catalog: Catalog) -> String {
        var out =
            "finding \(number)\(advisoryNote): \(operation) — \(FuzzText.number(count)) case\(count == 1 ? "" : "s") — "
        out += "differing: \(FuzzText.line(signature.differing.joined(separator: ", ")))\n"
        out += "  input:          \(FuzzText.line(JSON.serialize(input)))"
        out += shrinkSteps > 0 ? "  (shrunk in \(shrinkSteps) steps from case \(firstCase))\n" : "  (case \(firstCase))\n"
        out += "  reference:      \(FuzzText.line(JSON.serialize(expected.value)))\n"
        if let actual {
            out += "  implementation: \(FuzzText.line(JSON.serialize(actual.value)))\n"
        } else {
            out += "  implementation: \(status.rawValue)\(message.map { ": " + FuzzText.line($0) } ?? "")\n"
        }
        out += "  trace:          \(trace.joined(separator: ", "))\n"
        for clause in trace {
            guard let c = catalog[clause], let text = c.text ?? Optional(c.summary) else { continue }
            out += "    \(clause): \(FuzzText.line(text))\n"
        }
        out += "  vector scaffold:\n"
        out += scaffold(seed: seed).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        return out
    }
}
