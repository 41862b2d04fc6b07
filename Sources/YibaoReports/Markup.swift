import YibaoRun
import YibaoSuite

/// Escaping shared by the XML, HTML and Markdown reports. Messages and stderr tails come from implementations
/// under test, so every string is treated as hostile: markup characters are escaped, and characters a
/// document may not hold are removed (XML) or shown as visible symbols (HTML, Markdown).
public enum Markup {
    /// XML 1.0's `Char` production: tab, LF, CR and everything from U+0020 except surrogates, U+FFFE and U+FFFF.
    static func isXMLChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// A string as XML character data or (with `attribute`) an attribute value in double or single quotes.
    /// `& < > " '` become entities; characters XML 1.0 forbids are removed. CR is always written as `&#13;`
    /// (parsers turn a raw CR into LF), and in attributes tab and LF are too (attribute normalisation would
    /// turn them into spaces), so a parser reads back exactly the original minus the forbidden characters.
    static func xml(_ s: String, attribute: Bool = false) -> String {
        if !s.unicodeScalars.contains(where: { needsXMLWork($0, attribute: attribute) }) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default:
                if isXMLChar(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func needsXMLWork(_ scalar: Unicode.Scalar, attribute: Bool) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'", "\r": return true
        case "\n", "\t": return attribute
        default: return !isXMLChar(scalar)
        }
    }

    /// A string as HTML text or a quoted attribute value: `& < > " '` become references, and control
    /// characters other than tab, LF and CR become visible: C0 as the Control Pictures block (U+0001 → ␁),
    /// DEL as ␡, C1 and the noncharacters U+FFFE/U+FFFF as U+FFFD.
    public static func html(_ s: String) -> String {
        if !s.unicodeScalars.contains(where: needsHTMLWork) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(visible(scalar))
            }
        }
        return out
    }

    static func needsHTMLWork(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'": return true
        default: return visible(scalar) != scalar
        }
    }

    /// Tab, LF and CR stay; other control characters and the two noncharacters become visible symbols.
    static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return scalar
        case 0x0..<0x20: return Unicode.Scalar(0x2400 + scalar.value)!
        case 0x7F: return "\u{2421}"
        case 0x80..<0xA0, 0xFFFE, 0xFFFF: return "\u{FFFD}"
        default: return scalar
        }
    }

    /// The field-diff lines every report shows: `path: expected X, got Y` (`(missing)` when the answer lacks it).
    static func diffLines(_ result: VectorResult) -> [String] {
        result.diffs.map { d in
            Messages.text("card.diff", d.path, JSON.serialize(d.expected), d.actual.map(JSON.serialize) ?? Messages.text("card.missing"))
        }
    }

    /// A failure card as plain lines (a line may hold newlines of a long text): the input sent, why, the clauses'
    /// text, the implementation's trace and the reference's answer and trace. Nothing without a card.
    static func cardLines(_ result: VectorResult) -> [String] {
        guard let card = result.card else {
            return result.outcome?.trace.map { [Messages.text("card.yourTrace", $0.joined(separator: ", "))] } ?? []
        }
        var lines = [Messages.text("card.inputSent", JSON.serialize(card.input))]
        if !card.why.isEmpty { lines.append(Messages.text("card.why", card.why)) }
        if !card.interpretations.isEmpty {
            lines.append(Messages.text("card.interpretations", card.interpretations.joined(separator: ", ")))
        }
        for clause in card.clauses {
            lines.append(Messages.text("card.clause", clause.id, clause.text ?? clause.summary ?? Messages.text("card.notInCatalog")))
        }
        let trace =
            result.outcome?.trace.map { $0.isEmpty ? Messages.text("card.empty") : $0.joined(separator: ", ") }
            ?? Messages.text("card.noneSent")
        lines.append(Messages.text("card.yourTrace", trace))
        if let answer = card.referenceAnswer {
            lines.append(Messages.text("card.referenceAnswer", JSON.serialize(answer)))
        }
        if let trace = card.referenceTrace { lines.append(Messages.text("card.referenceTrace", trace.joined(separator: ", "))) }
        return lines
    }

    /// The message a person reads: the result's own (stored in English for the JSON report) said again in the
    /// reader's language, the judge's count of differing fields too; an implementation's own words as they are.
    static func message(_ result: VectorResult) -> String {
        if result.status == .fail, result.message == VectorResult.differingFieldsMessage(result.diffs.count) {
            return Messages.text("message.fail", result.diffs.count)
        }
        return result.message.map(Messages.relocalize) ?? defaultMessage(result)
    }

    /// What a status means when the result carries no message of its own.
    static func defaultMessage(_ result: VectorResult) -> String {
        switch result.status {
        case .fail: Messages.text("message.fail", result.diffs.count)
        case .unsupported: Messages.text("message.unsupported", result.vector.operation)
        case .pass, .error, .timeout, .crash, .notRun: Messages.text("message." + result.status.rawValue)
        }
    }

    /// A status as one word a person reads (`fail` / `失败`).
    static func word(_ status: VectorResult.Status) -> String { Messages.text("status." + status.rawValue) }

    /// Where a stderr tail was written, in words.
    static func attribution(_ stderr: VectorResult.StderrLines) -> String {
        switch stderr.others {
        case nil: Messages.text("stderr.process")
        case 0?: Messages.text("stderr.alone")
        case let n?: Messages.text("stderr.others", n)
        }
    }

    /// The documents present in `results`, in catalog order (then any others in order of appearance), with
    /// their results in run order. A vector belongs to the document of its first clause.
    static func byDocument(_ results: some Sequence<VectorResult>, catalog: Catalog) -> [(document: String, results: [VectorResult])] {
        var groups: [String: [VectorResult]] = [:]
        var order: [String] = []
        for result in results {
            let doc = result.vector.document
            if groups[doc] == nil { order.append(doc) }
            groups[doc, default: []].append(result)
        }
        let known = catalog.documents.map(\.id).filter { groups[$0] != nil }
        let others = order.filter { id in !known.contains(id) }
        return (known + others).map { ($0, groups[$0]!) }
    }
}
