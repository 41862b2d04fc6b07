import YibaoRules
import YibaoRun
import YibaoSuite

extension Finding {
    /// A vector scaffold ready to paste under a vector file's `vectors:` for the finding's operation. `expected`,
    /// `title` and `why` are left for a person to derive from the text; the reference's answer appears only as a
    /// comment marked as such, and `expected: TODO` fails lint until a person writes it.
    public func scaffold(seed: UInt64) -> String {
        let id = "fuzz-" + operation.replacingOccurrences(of: ".", with: "-") + "-\(seed)-\(firstCase)"
        let clauses = trace.filter { !Closings.all.contains($0) }
        var text = ""
        text += "  # yibao fuzz --seed \(seed): \(operation), differing: \(signature.differing.joined(separator: ", "))\n"
        text += "  # The reference answered the following. It is NOT the expected value: work `expected` out by hand from\n"
        text += "  # the clause text (a disagreement means the reference or the implementation is wrong).\n"
        text += "  #   reference answer: \(FuzzText.line(JSON.serialize(expected.value)))\n"
        text += "  - id: \(id)\n"
        text += "    title: TODO 中文标题\n"
        text += "    clauses: [\(clauses.joined(separator: ", "))]\n"
        text += "    why: TODO — quote the words of the clause that decide the case and show the arithmetic\n"
        text += "    input: \(FuzzText.line(JSON.serialize(input)))\n"
        text += "    expected: TODO\n"
        return text
    }
}
