/// Text someone else wrote (an adapter's name, message or stderr, a vector's title) shown on a terminal: control
/// characters are made visible, so none can move the cursor, erase a line, recolour or reorder what follows.
public enum UntrustedText {
    /// C0 and C1 controls, DEL, and the bidirectional overrides and isolates (which reorder what a terminal shows).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The first control character of `text` (newlines and tabs allowed when `multiline`), if any.
    public static func firstControl(in text: String, multiline: Bool) -> Unicode.Scalar? {
        text.unicodeScalars.first { isControl($0) && !(multiline && ($0 == "\n" || $0 == "\t")) }
    }

    /// `text` with every control character written out as `\x1B` or `\u{202E}` (newlines and tabs kept when
    /// `multiline`). Text without any comes back unchanged.
    public static func visible(_ text: String, multiline: Bool = false) -> String {
        guard firstControl(in: text, multiline: multiline) != nil else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !(multiline && (scalar == "\n" || scalar == "\t")) {
                out.append(contentsOf: name(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `\x1B`, `\n`, `\u{202E}`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return scalar.value <= 0xFF ? "\\x" + (hex.count == 1 ? "0" + hex : hex) : "\\u{\(hex)}"
        }
    }
}
