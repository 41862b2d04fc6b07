/// An exact decimal number parsed from text, for comparing money and rates without floating point.
/// `"70.040"`, `70.04` and `"7.004e1"` are the same number.
package struct DecimalText: Hashable, CustomStringConvertible {
    package let negative: Bool
    /// Significant digits with no leading zeros ("" for zero).
    package let digits: String
    /// The power of ten of the last digit.
    package let exponent: Int

    package init?(_ text: String) {
        var s = Substring(text)
        var negative = false
        if let first = s.first, first == "-" || first == "+" {
            negative = first == "-"
            s = s.dropFirst()
        }
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(s[s.index(after: e)...]), abs(x) < 10_000 else { return nil }
            exponent = x
            s = s[..<e]
        }
        var intPart = s
        var fraction = Substring("")
        if let dot = s.firstIndex(of: ".") {
            intPart = s[..<dot]
            fraction = s[s.index(after: dot)...]
        }
        guard !intPart.isEmpty, (intPart + fraction).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var all = String(intPart + fraction)
        exponent -= fraction.count
        while all.hasSuffix("0") {
            all.removeLast()
            exponent += 1
        }
        let trimmed = all.drop(while: { $0 == "0" })
        self.digits = String(trimmed)
        self.exponent = trimmed.isEmpty ? 0 : exponent
        self.negative = trimmed.isEmpty ? false : negative
    }

    package var description: String {
        if digits.isEmpty { return "0" }
        var body = digits
        if exponent >= 0 {
            body += String(repeating: "0", count: exponent)
        } else {
            let places = -exponent
            if body.count <= places { body = String(repeating: "0", count: places - body.count + 1) + body }
            body.insert(".", at: body.index(body.endIndex, offsetBy: -places))
        }
        return (negative ? "-" : "") + body
    }
}
