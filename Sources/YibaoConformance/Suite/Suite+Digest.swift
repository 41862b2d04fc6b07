import Crypto
import YibaoRules

extension Suite {
    /// SHA-256 over the catalog and the vectors in a canonical form, as `sha256:<hex>`: every clause and every vector
    /// as one line of compact JSON with its fields in a fixed order, clauses sorted by id, vectors sorted by id.
    /// It does not change when files are renamed, reordered or reformatted (quoting, flow or block style, comments),
    /// and changes with any clause text, window, vector input, expectation, tag or reasoning.
    public var digest: String {
        var hasher = SHA256()
        func line(_ value: Value) {
            var bytes: [UInt8] = []
            JSON.write(value, into: &bytes)
            bytes.append(0x0A)
            hasher.update(data: bytes)
        }
        for clause in catalog.clauses.sorted(by: { $0.id < $1.id }) {
            line(.object([
                Member("clause", .string(clause.id)), Member("parent", .string(clause.parent)), Member("kind", .string(clause.kind.rawValue)),
                Member("text", clause.text.map(Value.string) ?? .null), Member("from", .string(clause.effective.from.description)),
                Member("until", clause.effective.until.map { .string($0.description) } ?? .null),
            ]))
        }
        // The vectors' lines are serialized on every core, then hashed in order.
        let sorted = vectors.sorted(by: { $0.id < $1.id })
        let chunks = parallelChunks(sorted.count) { range in
            var bytes: [UInt8] = []
            for vector in sorted[range] {
                JSON.write(Self.canonicalLine(vector), into: &bytes)
                bytes.append(0x0A)
            }
            return bytes
        }
        for chunk in chunks { hasher.update(data: chunk) }
        return "sha256:" + hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    private static func canonicalLine(_ vector: Vector) -> Value {
        let expected: Value
        switch vector.expected {
        case .output(let members): expected = .object(members.sorted { $0.key < $1.key }.map { Member($0.key, canonical($0.value)) })
        case .error(let code): expected = .object([Member("error", .string(code))])
        }
        return .object([
            Member("vector", .string(vector.id)), Member("operation", .string(vector.operation)),
            Member("clauses", .array(vector.clauses.map(Value.string))),
            Member("interpretations", .array(vector.interpretations.map(Value.string))),
            Member("title", .string(vector.title)), Member("why", .string(vector.why)),
            Member("input", canonical(vector.input)), Member("expected", expected),
        ])
    }

    /// Object members sorted by key, recursively; numbers as written.
    private static func canonical(_ value: Value) -> Value {
        switch value {
        case .object(let members): return .object(members.sorted { $0.key < $1.key }.map { Member($0.key, canonical($0.value)) })
        case .array(let items): return .array(items.map(canonical))
        default: return value
        }
    }
}
