import YibaoRules
import YibaoYAML

extension YAMLNode {
    /// The node as a ``Value``, scalars resolved by the YAML 1.2 core schema; numbers normalised to JSON number text.
    package var value: Value {
        switch content {
        case .scalar(let scalar): return scalar.value
        case .sequence(let items): return .array(items.map(\.value))
        case .mapping(let pairs):
            return .object(pairs.map { Member($0.key.scalar?.text ?? "", $0.value.value) })
        }
    }

    /// A short name of the node's shape, for messages, in the current language.
    package var shapeName: String {
        switch content {
        case .scalar(let s):
            switch s.resolved {
            case .null: return Messages.text("shape.null")
            case .bool: return Messages.text("shape.boolean")
            case .int, .float: return Messages.text("shape.number")
            case .string: return Messages.text("shape.string")
            }
        case .sequence: return Messages.text("shape.list")
        case .mapping: return Messages.text("shape.mapping")
        }
    }
}

extension YAMLScalar {
    package var value: Value {
        switch resolved {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .string(let s): return .string(s)
        case .int(let text): return YAMLScalar.jsonInteger(text).map(Value.number) ?? .string(text)
        case .float(let text): return YAMLScalar.jsonFloat(text).map(Value.number) ?? .string(text)
        }
    }

    /// Core-schema integer text (`+017`, `0x1F`, `0o17`) as JSON integer text; nil when it does not fit 64 bits.
    static func jsonInteger(_ text: String) -> String? {
        if text.hasPrefix("0x") { return Int64(text.dropFirst(2), radix: 16).map { String($0) } }
        if text.hasPrefix("0o") { return Int64(text.dropFirst(2), radix: 8).map { String($0) } }
        var digits = Substring(text)
        var negative = false
        if let first = digits.first, first == "+" || first == "-" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        let trimmed = digits.drop(while: { $0 == "0" })
        let body = trimmed.isEmpty ? "0" : String(trimmed)
        return negative && body != "0" ? "-" + body : body
    }

    /// Core-schema float text as JSON number text; nil for `.inf` / `.nan`.
    static func jsonFloat(_ text: String) -> String? {
        var s = Substring(text)
        var sign = ""
        if let first = s.first, first == "+" || first == "-" {
            if first == "-" { sign = "-" }
            s = s.dropFirst()
        }
        if s.lowercased().hasPrefix(".inf") || s.lowercased().hasPrefix(".nan") { return nil }
        var mantissa = s
        var exponent = Substring("")
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = s[..<e]
            exponent = s[e...]
        }
        var intPart = mantissa
        var fraction = Substring("")
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = mantissa[..<dot]
            fraction = mantissa[mantissa.index(after: dot)...]
        }
        let trimmedInt = intPart.drop(while: { $0 == "0" })
        var out = sign + (trimmedInt.isEmpty ? "0" : String(trimmedInt))
        if mantissa.contains(".") { out += "." + (fraction.isEmpty ? "0" : String(fraction)) }
        return out + exponent
    }
}
