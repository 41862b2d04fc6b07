import YibaoSuite

/// Splits a command line into arguments by the POSIX shell's quoting rules (XCU 2.2), without running a shell:
/// `./adapter --mode 'two words' "it's" a\ b "c\d"` → `["./adapter", "--mode", "two words", "it's", "a b", "c\d"]`.
///
/// Outside quotes a backslash keeps the next character literal (a backslash-newline is removed); inside single quotes
/// everything is literal; inside double quotes a backslash escapes only `$`, `` ` ``, `"`, `\` and a newline, and is
/// kept before anything else. Words are separated by spaces, tabs and newlines. What a shell would expand or
/// interpret — unquoted `| & ; < > ( )`, `$` and `` ` `` (unquoted or in double quotes), unquoted `* ? [`, a word
/// starting with `~` or `#`, a leading `NAME=value` — is refused with a message, never taken some other way than sh
/// would take it. `--impl-arg` passes an argument exactly, with no splitting at all.
public enum CommandLineSplitter {
    public struct SplitError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static func split(_ line: String) throws(SplitError) -> [String] {
        var args: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        func refuse(_ what: String) -> SplitError {
            SplitError(
                description: "\(what) would be interpreted by a shell; quote it, pass it exactly with --impl-arg, or run "
                    + "the command through sh -c '…'")
        }
        for ch in line {
            if escaped {
                escaped = false
                if quote == "\"" {
                    // Inside double quotes the backslash stays unless it escapes one of these.
                    if ch == "\n" { continue }
                    if !"$`\"\\".contains(ch) { current.append("\\") }
                    current.append(ch)
                } else if ch != "\n" {
                    current.append(ch)
                    inWord = true
                }
                continue
            }
            switch quote {
            case "'":
                if ch == "'" { quote = nil } else { current.append(ch) }
            case "\"":
                switch ch {
                case "\"": quote = nil
                case "\\": escaped = true
                case "$", "`": throw refuse("\(ch) inside double quotes")
                default: current.append(ch)
                }
            default:
                switch ch {
                case "\\":
                    escaped = true
                case "'", "\"":
                    quote = ch
                    inWord = true
                case " ", "\t", "\n":
                    if inWord { args.append(current) }
                    current = ""
                    inWord = false
                case "|", "&", ";", "<", ">", "(", ")", "$", "`", "*", "?", "[":
                    throw refuse("an unquoted \(ch)")
                case "~" where !inWord, "#" where !inWord:
                    throw refuse("a word starting with \(ch)")
                case "=" where args.isEmpty && inWord && isName(current):
                    throw SplitError(
                        description: "\(current)=… before the command would be a variable assignment in a shell; "
                            + "write env \(current)=… CMD, or quote the =")
                default:
                    current.append(ch)
                    inWord = true
                }
            }
        }
        if escaped { throw SplitError(description: "command line ends with a backslash") }
        if let quote { throw SplitError(description: "unterminated \(quote) quote in command line") }
        if inWord { args.append(current) }
        if args.isEmpty { throw SplitError(description: "empty command line") }
        return args
    }

    /// A shell variable name: a letter or `_`, then letters, digits and `_`, all ASCII.
    private static func isName(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return word.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
