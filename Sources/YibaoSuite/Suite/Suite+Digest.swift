import YibaoRules

extension Suite {
    /// SHA-256 over the catalog and the vectors in a canonical form, as `sha256:<hex>`: every clause as one line of
    /// compact JSON with its fields in a fixed order, clauses sorted by id; then every vector, sorted by id, as a line
    /// `<id> <SHA-256 of the vector as one line of compact JSON, fields in a fixed order>` (so a streamed run can
    /// compute it while holding one small line per vector, not the vectors).
    /// It does not change when files are renamed, reordered or reformatted (quoting, flow or block style, comments),
    /// and changes with any clause text, window, parameter value, vector input, expectation, tag or reasoning, and with
    /// the set of provisional interpretations (docs/interpretations.md's status lines decide which vectors and generated
    /// cases are advisory, so a suite whose register was edited is another suite).
    public var digest: String {
        let hashes = parallelChunks(vectors.count) { range in vectors[range].map { ($0.id, Self.vectorHash($0)) } }
        return Self.digest(catalog: catalog, provisional: provisional, vectorHashes: hashes.flatMap { $0 })
    }

    /// The digest from the catalog, the provisional interpretations and each vector's id and `vectorHash`, in any order.
    static func digest(catalog: Catalog, provisional: Set<String>, vectorHashes: [(id: String, hash: SHA256.Digest)]) -> String {
        let hasher = SHA256()
        func line(_ value: Value) {
            var bytes: [UInt8] = []
            JSON.write(value, into: &bytes)
            bytes.append(0x0A)
            hasher.update(data: bytes)
        }
        for clause in catalog.clauses.sorted(by: { $0.id < $1.id }) {
            line(
                .object([
                    Member("clause", .string(clause.id)), Member("parent", .string(clause.parent)),
                    Member("kind", .string(clause.kind.rawValue)),
                    Member("text", clause.text.map(Value.string) ?? .null), Member("from", .string(clause.effective.from.description)),
                    Member("until", clause.effective.until.map { .string($0.description) } ?? .null),
                ]))
        }
        // The notices' numbers and dates: a changed parameter changes what the suite certifies.
        for p in catalog.parameters?.all.sorted(by: { $0.id < $1.id }) ?? [] {
            line(
                .object([
                    Member("parameter", .string(p.id)), Member("clause", .string(p.clause)), Member("unit", .string(p.unit.rawValue)),
                    Member(
                        "values",
                        .array(
                            p.values.map { v in
                                .object([
                                    Member("from", v.from.map { .string($0.description) } ?? .null),
                                    Member("value", .string(v.value.description)),
                                ])
                            })),
                ]))
        }
        // Which readings are provisional: they decide what is advisory (forgiven) in run, certify and fuzz.
        line(.object([Member("provisional", .array(provisional.sorted(by: Self.interpretationOrder).map(Value.string)))]))
        var bytes: [UInt8] = []
        for entry in vectorHashes.sorted(by: { $0.id < $1.id }) {
            bytes += entry.id.utf8
            bytes.append(0x20)
            bytes += hex(entry.hash).utf8
            bytes.append(0x0A)
            if bytes.count > 1 << 16 {
                hasher.update(data: bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        hasher.update(data: bytes)
        return "sha256:" + hex(hasher.finalize())
    }

    /// I-3 before I-14: by number.
    static func interpretationOrder(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Int(a.dropFirst(2)) ?? Int.max, Int(b.dropFirst(2)) ?? Int.max)
        return x != y ? x < y : a < b
    }

    /// SHA-256 of the vector's canonical line.
    static func vectorHash(_ vector: Vector) -> SHA256.Digest {
        var bytes: [UInt8] = []
        JSON.write(canonicalLine(vector), into: &bytes)
        bytes.append(0x0A)
        return SHA256.hash(data: bytes)
    }

    private static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
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
