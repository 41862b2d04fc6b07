/// A decoded input object: every field of its schema is present (given or defaulted),
/// except optional fields without a default that were not given.
///
/// The accessors never trap: a field the reader should have provided and did not is
/// reported as an `internal` error.
struct Record: Sendable {
    /// The path of this object in the input ("" for the top level, "periods[1]" below).
    let path: String
    /// The schema's fields, and each one's value by position (nil: not given, no default).
    let fields: [Field]
    var values: [Decoded?]

    init(path: String, fields: [Field]) {
        self.path = path
        self.fields = fields
        values = Array(repeating: nil, count: fields.count)
    }

    /// "name" at the top level, "periods[1].name" below.
    func path(of name: String) -> String { Record.path(path, name) }

    static func path(_ parent: String, _ name: String) -> String { parent.isEmpty ? name : parent + "." + name }

    /// The field's value; nil when it was not given and has no default.
    subscript(name: String) -> Decoded? {
        guard let i = fields.firstIndex(where: { $0.name == name }) else { return nil }
        return values[i]
    }

    private func value(_ name: String) throws(RuleError) -> Decoded {
        guard let value = self[name] else { throw RuleError(code: .internal, message: "\(path(of: name)): missing after decoding") }
        return value
    }

    private func mismatch(_ name: String) -> RuleError {
        RuleError(code: .internal, message: "\(path(of: name)): unexpected type after decoding")
    }

    func has(_ name: String) -> Bool {
        switch self[name] {
        case .none, .some(.null): return false
        default: return true
        }
    }

    func bool(_ name: String) throws(RuleError) -> Bool {
        guard case .bool(let v) = try value(name) else { throw mismatch(name) }
        return v
    }

    func int(_ name: String) throws(RuleError) -> Int {
        guard case .int(let v) = try value(name) else { throw mismatch(name) }
        return v
    }

    func string(_ name: String) throws(RuleError) -> String {
        guard case .string(let v) = try value(name) else { throw mismatch(name) }
        return v
    }

    func month(_ name: String) throws(RuleError) -> Month {
        guard case .month(let v) = try value(name) else { throw mismatch(name) }
        return v
    }

    func date(_ name: String) throws(RuleError) -> Day {
        guard case .date(let v) = try value(name) else { throw mismatch(name) }
        return v
    }

    func money(_ name: String) throws(RuleError) -> Money {
        guard case .money(let v) = try value(name) else { throw mismatch(name) }
        return v
    }

    func list(_ name: String) throws(RuleError) -> [Decoded] {
        guard case .list(let v) = try value(name) else { throw mismatch(name) }
        return v
    }

    func map(_ name: String) throws(RuleError) -> [String: Decoded] {
        guard case .map(let v) = try value(name) else { throw mismatch(name) }
        return v
    }

    /// The field, or nil when absent or null.
    func optionalMonth(_ name: String) throws(RuleError) -> Month? { has(name) ? try month(name) : nil }
    func optionalDate(_ name: String) throws(RuleError) -> Day? { has(name) ? try date(name) : nil }
    func optionalMoney(_ name: String) throws(RuleError) -> Money? { has(name) ? try money(name) : nil }
    func optionalString(_ name: String) throws(RuleError) -> String? { has(name) ? try string(name) : nil }

    /// An enumerated field as its `Choice` (the reader has checked the spelling against the same cases).
    func choice<C: Choice>(_ name: String, as _: C.Type = C.self) throws(RuleError) -> C {
        guard let value = C(rawValue: try string(name)) else { throw mismatch(name) }
        return value
    }

    func optionalChoice<C: Choice>(_ name: String, as type: C.Type = C.self) throws(RuleError) -> C? {
        has(name) ? try choice(name, as: type) : nil
    }

    /// The field, or invalid-input "name: required" (fields the schema leaves optional but the
    /// case at hand needs).
    func needed<T>(_ name: String, _ read: (String) throws(RuleError) -> T?) throws(RuleError) -> T {
        guard let v = try read(name) else { throw RuleError.invalid("\(path(of: name)): required") }
        return v
    }
}

extension Decoded {
    func record() throws(RuleError) -> Record {
        guard case .object(let r) = self else { throw RuleError(code: .internal, message: "expected an object after decoding") }
        return r
    }

    func date() throws(RuleError) -> Day {
        guard case .date(let d) = self else { throw RuleError(code: .internal, message: "expected a date after decoding") }
        return d
    }

    func month() throws(RuleError) -> Month {
        guard case .month(let m) = self else { throw RuleError(code: .internal, message: "expected a month after decoding") }
        return m
    }
}
