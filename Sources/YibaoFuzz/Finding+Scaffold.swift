import YibaoRules
import YibaoRun
import YibaoSuite

extension Finding {
    /// A vector scaffold ready to paste under a vector file's `vectors:` for the finding's operation. `expected`,
    /// `title` and `why` are left for a person to derive from the text; the reference's answer appears only as a
    /// comment marked as such, and `expected: TODO` fails lint until a person writes it. Its comments and `why` are in
    /// `language`: English in the JSON report (which never changes with the language), the reader's in the others.
    /// What differed can quote the implementation (an error code it sent): every line break and control character in
    /// it is written out (`FuzzText.line`), so it stays inside its comment line and cannot add a vector to the file.
    public func scaffold(seed: UInt64, language: Language = .en) -> String {
        let id = "fuzz-" + operation.replacingOccurrences(of: ".", with: "-") + "-\(seed)-\(firstCase)"
        let clauses = trace.filter { !Closings.all.contains($0) }
        var text = ""
        text +=
            "  # "
            + Messages.text(
                "fuzz.scaffold.origin", language: language, seed, operation, FuzzText.line(signature.differing.joined(separator: ", ")))
            + "\n"
        text += "  # " + Messages.text("fuzz.scaffold.notExpected", language: language) + "\n"
        text += "  # " + Messages.text("fuzz.scaffold.disagreement", language: language) + "\n"
        text +=
            "  #   " + Messages.text("fuzz.scaffold.referenceAnswer", language: language, FuzzText.line(JSON.serialize(expected.value)))
            + "\n"
        text += "  - id: \(id)\n"
        text += "    title: TODO 中文标题\n"
        text += "    clauses: [\(clauses.joined(separator: ", "))]\n"
        text += "    why: \(Messages.text("new.scaffold.why", language: language))\n"
        text += "    input: \(FuzzText.line(JSON.serialize(input)))\n"
        text += "    expected: TODO\n"
        return text
    }
}
