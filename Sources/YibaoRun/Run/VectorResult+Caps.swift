import YibaoRules
import YibaoSuite

/// What a run keeps of an implementation's words is bounded, whatever it sends: a message, an error, a string in an
/// answer, an answer as a whole, a trace, the implementation's name. What is cut says so ("… 1048576 bytes cut"), so
/// a report never silently shows less than was sent. The verdict is made on the whole answer before anything is cut.
public enum Caps {
    /// A message or an error answer's message.
    public static let textBytes = 4096
    /// One string (or number) inside an answer.
    public static let stringBytes = 1024
    /// An answer's output as kept, all strings and keys together.
    public static let answerBytes = 16 << 10
    /// An implementation's name, version or vendor, an error code, a key, a trace entry.
    public static let nameBytes = 256
    /// Trace entries and field differences kept per vector.
    public static let listItems = 64

    /// `text` within `limit` UTF-8 bytes, cut on a character boundary with a visible note of what was cut.
    public static func text(_ text: String, _ limit: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > limit else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: limit)
        while end > utf8.startIndex && utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        let kept = utf8.distance(from: utf8.startIndex, to: end)
        return String(decoding: utf8[..<end], as: UTF8.self) + "… \(utf8.count - kept) bytes cut"
    }

    /// `value` within about `budget` bytes of strings, numbers and keys: long strings cut, members and items past the
    /// budget replaced by one note of how many were cut.
    public static func value(_ value: Value, budget: inout Int) -> Value {
        switch value {
        case .null, .bool:
            budget -= 4
            return value
        case .string(let s):
            let kept = text(s, min(stringBytes, max(budget, 16)))
            budget -= kept.utf8.count
            return .string(kept)
        case .number(let n):
            guard n.utf8.count > stringBytes else {
                budget -= n.utf8.count
                return value
            }
            let kept = text(n, stringBytes)
            budget -= kept.utf8.count
            return .string(kept)
        case .array(let items):
            var kept: [Value] = []
            for (i, item) in items.enumerated() {
                if budget <= 0 {
                    kept.append(.string("… \(items.count - i) more items cut"))
                    break
                }
                kept.append(Self.value(item, budget: &budget))
            }
            return .array(kept)
        case .object(let members):
            var kept: [Member] = []
            for (i, member) in members.enumerated() {
                if budget <= 0 {
                    kept.append(Member("…", .string("\(members.count - i) more members cut")))
                    break
                }
                // A cut key keeps its position, so two long keys alike stay two keys.
                let key = member.key.utf8.count > nameBytes ? text(member.key, nameBytes) + " #\(i)" : member.key
                budget -= key.utf8.count
                kept.append(Member(key, Self.value(member.value, budget: &budget)))
            }
            return .object(kept)
        }
    }

    static func value(_ value: Value, budget: Int) -> Value {
        var budget = budget
        return Self.value(value, budget: &budget)
    }

    static func trace(_ trace: [String]?) -> [String]? {
        trace.map { entries in
            var kept = entries.prefix(listItems).map { text($0, nameBytes) }
            if entries.count > listItems { kept.append("… \(entries.count - listItems) more entries cut") }
            return kept
        }
    }
}

extension VectorResult {
    /// The result as a run keeps it: the implementation's words within `Caps`.
    public func capped() -> VectorResult {
        var r = self
        r.message = message.map { Caps.text($0, Caps.textBytes) }
        switch outcome {
        case .result(let output, let trace)?:
            r.outcome = .result(output: Caps.value(output, budget: Caps.answerBytes), trace: Caps.trace(trace))
        case .error(let code, let message, let trace)?:
            r.outcome = .error(code: Caps.text(code, Caps.nameBytes), message: Caps.text(message, Caps.textBytes), trace: Caps.trace(trace))
        case nil:
            break
        }
        if diffs.count > Caps.listItems { r.diffs = Array(diffs.prefix(Caps.listItems)) }
        for i in r.diffs.indices {
            r.diffs[i].actual = r.diffs[i].actual.map { Caps.value($0, budget: Caps.textBytes) }
        }
        return r
    }
}

extension Implementation {
    /// The hello's identity within `Caps.nameBytes` per field.
    func capped() -> Implementation {
        Implementation(
            name: Caps.text(name, Caps.nameBytes), version: Caps.text(version, Caps.nameBytes),
            vendor: Caps.text(vendor, Caps.nameBytes), operations: operations)
    }
}
