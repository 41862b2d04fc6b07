/// The YAML 1.2 core schema (yaml.org/spec/1.2.2 §10.3.2), checked on the scalar's bytes.
///
/// Plain scalars are classified by their first byte, so the common case (text starting with a
/// letter other than n/t/f, or a CJK character) is decided with one comparison and no regex.
enum CoreSchema {
    enum Kind: Equatable {
        case null
        case bool(Bool)
        case int, float, string
    }

    @inline(__always)
    static func classify(_ b: UnsafeBufferPointer<UInt8>) -> Kind {
        let n = b.count
        if n == 0 { return .null }
        switch b[0] {
        case UInt8(ascii: "~"):
            return n == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return isNull(b) ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return matchesCaseForms(b, "true") ? .bool(true) : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return matchesCaseForms(b, "false") ? .bool(false) : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return number(b)
        default:
            return .string
        }
    }

    /// `null | Null | NULL | ~` or empty.
    static func isNull(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if b.count == 0 { return true }
        if b.count == 1 { return b[0] == UInt8(ascii: "~") }
        return matchesCaseForms(b, "null")
    }

    /// `word`, `Word` or `WORD` (the three spellings the core schema allows); `word` is lowercase ASCII.
    static func matchesCaseForms(_ b: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard b.count == count else { return false }
        let w = word.utf8Start
        // Form 1: all lower. Form 2: first upper, rest lower. Form 3: all upper.
        let firstLower = b[0] == w[0]
        guard firstLower || b[0] == w[0] - 32 else { return false }
        if count == 1 { return true }
        let restLower = b[1] == w[1]
        if firstLower && !restLower { return false }
        for i in 1..<count {
            let expected = restLower ? w[i] : w[i] - 32
            if b[i] != expected { return false }
        }
        return true
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

    @inline(__always) static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c | 0x20) &- UInt8(ascii: "a") < 6
    }

    /// Numbers and the special floats; anything else that starts like a number is a string.
    @inline(never)
    static func number(_ b: UnsafeBufferPointer<UInt8>) -> Kind {
        let n = b.count
        // 0o[0-7]+ and 0x[0-9a-fA-F]+ (no sign allowed).
        if n > 2 && b[0] == UInt8(ascii: "0") {
            if b[1] == UInt8(ascii: "o") {
                for i in 2..<n where b[i] &- UInt8(ascii: "0") >= 8 { return .string }
                return .int
            }
            if b[1] == UInt8(ascii: "x") {
                for i in 2..<n where !isHexDigit(b[i]) { return .string }
                return .int
            }
        }
        var i = 0
        let signed = b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-")
        if signed { i = 1 }
        // [-+]? ( .inf | .Inf | .INF ) and ( .nan | .NaN | .NAN ).
        if n - i == 4 && b[i] == UInt8(ascii: ".") {
            let rest = UnsafeBufferPointer(rebasing: b[(i + 1)...])
            if matchesCaseForms(rest, "inf") { return .float }
            if !signed && isNaN(rest) { return .float }
        }
        // [-+]? [0-9]+  → int
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?  → float
        let intStart = i
        while i < n && isDigit(b[i]) { i += 1 }
        let intDigits = i - intStart
        if i == n { return intDigits > 0 ? .int : .string }
        var fracDigits = 0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < n && isDigit(b[i]) { i += 1 }
            fracDigits = i - fracStart
        }
        guard intDigits > 0 || fracDigits > 0 else { return .string }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            let expStart = i
            while i < n && isDigit(b[i]) { i += 1 }
            if i == expStart { return .string }
        }
        return i == n ? .float : .string
    }

    /// `nan`, `NaN` or `NAN` (the schema's three spellings; `Nan` is not one of them).
    static func isNaN(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == 3 else { return false }
        let (x, y, z) = (b[0], b[1], b[2])
        return (x == UInt8(ascii: "n") && y == UInt8(ascii: "a") && z == UInt8(ascii: "n"))
            || (x == UInt8(ascii: "N") && y == UInt8(ascii: "a") && z == UInt8(ascii: "N"))
            || (x == UInt8(ascii: "N") && y == UInt8(ascii: "A") && z == UInt8(ascii: "N"))
    }
}
