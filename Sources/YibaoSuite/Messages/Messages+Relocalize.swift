extension Messages {
    /// The key prefixes of messages that are stored in English, because they are also read by programs (a result's
    /// `message` in the JSON report, the spool, a report read back by `changelog --report`), and said again in the
    /// reader's language when a person reads them.
    static let storedPrefixes = ["runner.", "judge."]

    /// The arguments that are themselves stored messages, by key: only these are said again, never an
    /// implementation's own words (its error message, a line it wrote, its standard error).
    /// Templates that add to another stored message (a line the implementation wrote, its standard error).
    static let wrappers: Set<String> = ["runner.withLine", "runner.withStderr"]

    static let nestedArguments: [String: Set<Int>] = [
        "runner.givenUpLast": [1], "runner.crashed": [0], "runner.couldNotStart": [0], "runner.endedBeforeHello": [0],
        "runner.withStderr": [0],
        "runner.withLine": [0],
    ]

    /// `english`, made from one of the stored templates (`runner.*`, `judge.*`) with `Messages.text(key, language:
    /// .en, …)`, said again in the current language with the same arguments; an argument that is itself such a
    /// message is said again too (a start failure inside "not run: … (last: it …)"). Text made from no template
    /// comes back as it is.
    public static func relocalize(_ english: String) -> String {
        relocalize(english, language: .current, depth: 0)
    }

    static func relocalize(_ english: String, language: Language, depth: Int) -> String {
        guard language != .en, depth < 4, let (key, arguments) = match(english) else { return english }
        // A wrapper ("{0}: {1}", "{0}; its standard error ended: …") fits much text: it is only one when what it
        // wraps is a stored message itself.
        if wrappers.contains(key), match(arguments[0]) == nil { return english }
        let nested = nestedArguments[key] ?? []
        let said = arguments.enumerated().map {
            nested.contains($0.offset) ? relocalize($0.element, language: language, depth: depth + 1) : $0.element
        }
        return format(key, said, language: language)
    }

    /// The stored template `english` was made from, and its arguments; nil when none fits. Templates with more fixed
    /// text are tried first, so that a general one ("{0}; its standard error ended: …") never hides a specific one.
    static func match(_ english: String) -> (String, [String])? {
        for (key, template) in storedTemplates {
            // A template's fixed start is a cheap first check before its pattern is built.
            let head = template.prefix { $0 != "{" }
            guard english.hasPrefix(head) else { continue }
            if let arguments = arguments(of: english, template: template) { return (key, arguments) }
        }
        return nil
    }

    /// The stored templates, most fixed text first.
    static let storedTemplates: [(String, String)] = english.filter { key, _ in storedPrefixes.contains { key.hasPrefix($0) } }
        .map { ($0.key, $0.value) }
        .sorted { (fixedLength($0.1), $0.0) > (fixedLength($1.1), $1.0) }

    static func fixedLength(_ template: String) -> Int {
        var count = 0
        var inside = false
        for c in template {
            if c == "{" { inside = true } else if c == "}" { inside = false } else if !inside { count += 1 }
        }
        return count
    }

    /// The arguments `english` fills `template` with, or nil when it does not fit: `{n}` matches any text (the last
    /// one as much as it can, the others as little), `{n?one|other}` either form.
    static func arguments(of english: String, template: String) -> [String]? {
        var pattern = "^"
        var groups: [Int?] = []
        var rest = Substring(template)
        var last: Substring.Index?
        // The last plain placeholder takes the rest greedily.
        if let open = template.lastIndex(of: "{"), template[open...].firstIndex(of: "?") == nil { last = open }
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            pattern += escape(rest[..<open])
            let inside = rest[rest.index(after: open)..<close]
            let number = inside.prefix { $0.isASCII && $0.isNumber }
            if let index = Int(number) {
                let forms = inside.dropFirst(number.count)
                if forms.first == "?", let bar = forms.firstIndex(of: "|") {
                    pattern +=
                        "(?:" + escape(forms[forms.index(after: forms.startIndex)..<bar]) + "|" + escape(forms[forms.index(after: bar)...])
                        + ")"
                } else {
                    pattern += open == last ? "(.*)" : "(.*?)"
                    groups.append(index)
                }
            } else {
                pattern += escape(rest[open...close])
            }
            rest = rest[rest.index(after: close)...]
        }
        pattern += escape(rest) + "$"
        guard let regex = try? Regex(pattern).dotMatchesNewlines(), let found = english.wholeMatch(of: regex) else { return nil }
        let count = (groups.compactMap { $0 }.max() ?? -1) + 1
        var arguments = [String](repeating: "", count: count)
        for (k, index) in groups.enumerated() {
            if let index, let text = found.output[k + 1].substring { arguments[index] = String(text) }
        }
        return arguments
    }

    /// Fixed text as a pattern: ASCII punctuation escaped, a newline as `\n`, everything else as it is.
    static func escape(_ text: Substring) -> String {
        var out = ""
        for c in text {
            if c == "\n" {
                out += "\\n"
            } else if c.isASCII, !(c.isLetter || c.isNumber || c == " ") {
                out += "\\" + String(c)
            } else {
                out.append(c)
            }
        }
        return out
    }
}
