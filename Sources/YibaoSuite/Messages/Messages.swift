/// The one message catalogue: every fixed text a person reads, by key, in a table per language
/// (`Messages+English.swift`, `Messages+Chinese.swift`). A test checks that both tables have the same keys with the same
/// placeholders, and that every key the sources use is in them.
///
/// Templates: `{0}`, `{1}` … are the arguments in order; `{0?one|other}` picks `one` when argument 0 is 1 and `other`
/// otherwise (English plurals; Chinese has no need of it).
public enum Messages {
    /// The text for `key` in the current language, its placeholders filled with `arguments`.
    public static func text(_ key: String, _ arguments: CustomStringConvertible...) -> String {
        format(key, arguments.map(\.description), language: .current)
    }

    /// The text for `key` in `language`.
    public static func text(_ key: String, language: Language, _ arguments: CustomStringConvertible...) -> String {
        format(key, arguments.map(\.description), language: language)
    }

    /// The table of `language`.
    public static func table(_ language: Language) -> [String: String] {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }

    static func format(_ key: String, _ arguments: [String], language: Language) -> String {
        // A key missing from one table falls back to the other, then to the key itself (the catalogue test keeps
        // both complete, so this is only a guard).
        guard let template = table(language)[key] ?? english[key] else { return key }
        return fill(template, arguments)
    }

    /// Fills `{n}` and `{n?one|other}` in `template`.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            out += rest[..<open]
            let inside = rest[rest.index(after: open)..<close]
            let number = inside.prefix { $0.isASCII && $0.isNumber }
            if let index = Int(number), index < arguments.count {
                let forms = inside.dropFirst(number.count)
                if forms.first == "?", let bar = forms.firstIndex(of: "|") {
                    out += arguments[index] == "1" ? forms[forms.index(after: forms.startIndex)..<bar] : forms[forms.index(after: bar)...]
                } else {
                    out += arguments[index]
                }
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The placeholders a template uses (`{0}` and `{0?…}` both count as 0), for the catalogue test.
    public static func placeholders(_ template: String) -> Set<Int> {
        var found: Set<Int> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            if let n = Int(after.prefix { $0.isASCII && $0.isNumber }) { found.insert(n) }
            rest = after
        }
        return found
    }
}
