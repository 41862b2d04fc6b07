import YibaoSuite

/// Splits a command line into arguments the way a POSIX shell would (quotes, backslashes), without running a shell:
/// `./adapter --mode 'two words' "it's" a\ b` → `["./adapter", "--mode", "two words", "it's", "a b"]`.
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
        for ch in line {
            if escaped {
                current.append(ch)
                escaped = false
                inWord = true
                continue
            }
            switch (quote, ch) {
            case (nil, "\\"), ("\"", "\\"):
                escaped = true
                inWord = true
            case (nil, "'"), (nil, "\""):
                quote = ch
                inWord = true
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case (nil, " "), (nil, "\t"), (nil, "\n"):
                if inWord { args.append(current) }
                current = ""
                inWord = false
            default:
                current.append(ch)
                inWord = true
            }
        }
        if escaped { throw SplitError(description: "command line ends with a backslash") }
        if let quote { throw SplitError(description: "unterminated \(quote) quote in command line") }
        if inWord { args.append(current) }
        if args.isEmpty { throw SplitError(description: "empty command line") }
        return args
    }
}
