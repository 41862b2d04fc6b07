import Testing

@testable import YibaoRules

/// Malformed input of every kind → invalid-input with no trace; never a trap.
@Suite struct RobustnessTests {
    /// One valid input per operation.
    static let valid: [String: Value] = [
        "scope.transfer": ["insurance": "employee", "reachedRetirementAge": false, "crossArea": true, "crossProvince": false],
        "employee.first-enrollment": ["category": "employer", "firstContributionMonth": "2023-03", "localHukou": true],
        "employee.interruption": [
            "category": "flexible", "firstUnpaidMonth": "2023-01", "lastUnpaidMonth": "2023-05",
            "settledMonth": "2023-06", "currentContributionsOnTime": true,
        ],
        "employee.transfer": [
            "category": "employer", "lastPaidMonthOut": "2023-01", "reductionMonth": "2023-02",
            "continuationMonth": "2023-03", "backPaysGap": true, "crossProvince": false,
        ],
        "employee.hospital-stay-during-transfer": [
            "admissionDate": "2023-01-10", "dischargeDate": "2023-01-20",
            "areaAtAdmission": "济南", "areaAtDischarge": "济宁",
        ],
        "employee.contribution-years": [
            "periods": [
                ["area": "济宁", "from": "1995-01", "to": "2001-12", "kind": "deemed", "basis": "pre-system-work"],
                ["area": "济宁", "from": "2000-01", "to": "2020-12", "kind": "actual"],
            ],
            "systemStart": ["济宁": "2000-01"],
        ],
        "employee.minimum-years": [
            "sex": "female", "retirementDate": "2024-05-01", "actualMonths": 200, "deemedMonths": 40,
            "fromOutsideProvince": false,
        ],
        "employee.back-payment": [
            "category": "employer", "status": "drawing-pension", "shortfallMonths": 30, "paymentDate": "2024-05-01",
            "lastContributionBase": "4000", "previousMonthDueBase": "4000", "previousMonthPension": "3000",
            "minimumBase": "3600",
        ],
        "employee.retiree-benefits-start": [
            "method": "lump-sum", "status": "on-time-full", "pensionFirstMonth": "2024-01",
            "lumpSumPaidDate": "2024-02-01", "minimumReachedMonth": "2024-01",
        ],
        "employee.base-limits-year": ["month": "2024-01", "announcements": [["wageYear": 2022, "date": "2023-07-15"]]],
        "employee.transfer-handling": [
            "fromCity": "济南市", "toCity": "济宁市", "fromProvince": "山东省", "toProvince": "山东省",
            "applicationDate": "2024-01-02", "holidays": ["2024-01-03"], "extraWorkdays": ["2024-01-06"],
        ],
        "resident.benefits-start": ["coverageYear": 2024, "paymentDate": "2024-02-01", "specialGroup": "none"],
        "resident.newborn": ["birthDate": "2023-10-01", "paymentDate": "2024-01-15", "option": "next-year-only"],
        "retiree.not-enrolled": ["enrolledAtRetirement": false, "hukouCounty": "任城区"],
    ]

    @Test func theValidInputsAreValid() {
        for (operation, input) in Self.valid {
            if case .failure(let error) = Reference.evaluate(operation: operation, input: input, parameters: notices) {
                Issue.record("\(operation): \(error.message)")
            }
        }
    }

    // MARK: Junk, by the type it is junk for (written here, not taken from the reader).

    static let huge: Value = .number("99999999999999999999")
    static let nested: Value = [["x": [[nil, ["y": huge]]]]]
    static let common: [Value] = [
        huge, .number("-99999999999999999999"), .number("1e400"), .number("NaN"), nested,
        ["": ""], .string("\u{0}"), .string(String(repeating: "9", count: 500)),
    ]

    static func junk(for type: FieldType) -> [Value] {
        switch type {
        case .nullable(let inner):
            return junk(for: inner).filter { $0 != .null }
        case .month:
            return common + [
                "2023-13", "2023-00", "abc", "2023-1", "99999-01", "0999-12", "9000-01", "", "2023-01-01",
                .number("202301"), true, nil, [], [:],
            ]
        case .date:
            return common + [
                "2023-02-29", "2023-13-01", "2023-06-31", "2023-6-1", "0999-12-31", "9000-01-01",
                "2023-01-01T00:00:00Z", "", "2023-01", .number("20230101"), false, nil, [], [:],
            ]
        case .money, .decimal:
            return common + [
                "-1", "1.234", "1e3", .number("1e3"), .number("-0.5"), "abc", "", " 1", "1,000",
                "99999999999999999999", "100000000000.01", true, nil, [], [:],
            ]
        case .int:
            return common + [
                .number("1.5"), .number("-1"), "12", .number("1e2"), .number("99999"), .number(""),
                .number("--1"), true, nil, [], [:],
            ]
        case .bool:
            return common + ["true", "yes", "no", .number("1"), .number("0"), nil, [], [:]]
        case .string:
            return [huge, nested, ["": ""], "", .number("370811"), true, nil, [], [:]]
        case .enumeration:
            return common + ["unknown", "", "EMPLOYER", " employer", .number("1"), true, nil, [], [:]]
        case .list(let element):
            return [huge, nested, "x", "", [:], nil, true] + junk(for: element).prefix(6).map { .array([$0]) }
        case .object(let fields):
            var values: [Value] = [huge, "x", "", nil, true, [], [:], ["unknown": 1]]
            if let first = fields.first { values.append(.object([Member(first.name, nil)])) }
            return values
        case .map(let element):
            return [huge, "x", [], nil, true] + junk(for: element).filter { $0 != [:] }.prefix(8).map { .object([Member("济宁", $0)]) }
        }
    }

    /// Every input of `operation` with one field made malformed, one required field dropped, or one unknown field added.
    static func malformed(_ operation: String) -> [Value] {
        guard let schema = Operations.schema(named: operation), let base = valid[operation] else { return [] }
        var inputs: [Value] = [nil, true, 1, "x", [], [base], huge, nested]
        for field in schema.input {
            // null is absent (docs/protocol.md): junk only for a required field.
            for j in junk(for: field.type) where field.required || j != .null { inputs.append(base.with(field.name, j)) }
            if field.required { inputs.append(base.without(field.name)) }
            if case .list(.object(let elementFields)) = field.type, case .array(let items)? = base[field.name], let item = items.first {
                for f in elementFields {
                    for j in junk(for: f.type) where f.required || j != .null {
                        inputs.append(base.with(field.name, .array([item.with(f.name, j)])))
                    }
                    if f.required { inputs.append(base.with(field.name, .array([item.without(f.name)]))) }
                }
                inputs.append(base.with(field.name, .array([item.with("unknown", 1)])))
                inputs.append(base.with(field.name, .array(Array(repeating: item, count: 1001))))
            }
        }
        for key in ["unknown", "", "trace", "Category", "periods[0]", "\u{0}"] { inputs.append(base.with(key, 1)) }
        // The same key twice.
        if case .object(let members) = base, let first = members.first { inputs.append(.object(members + [first])) }
        return inputs
    }

    /// A deterministic generator (SplitMix64) for random junk trees.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func randomValue(_ g: inout Generator, depth: Int) -> Value {
        let scalars: [Value] = [
            nil, true, false, huge, .number("0"), .number("-7"), .number("3.14159"), .number("1e-9"),
            "", "2023-13", "2023-02-29", "-1", "employer", "x\u{0}y", "🙂",
        ]
        if depth == 0 || g.pick(3) == 0 { return scalars[g.pick(scalars.count)] }
        let count = g.pick(4)
        if g.pick(2) == 0 { return .array((0..<count).map { _ in randomValue(&g, depth: depth - 1) }) }
        let keys = ["a", "", "0", "__proto__", "periods[0]", "settledMonth ", "Month"]
        return .object((0..<count).map { _ in Member(keys[g.pick(keys.count)], randomValue(&g, depth: depth - 1)) })
    }

    /// Random junk: whole inputs, and one field of a valid input replaced by a random tree that is not a valid value
    /// for any field type here (non-empty random trees or wrong scalars).
    static func random(_ operation: String, count: Int) -> [Value] {
        guard let schema = Operations.schema(named: operation), let base = valid[operation] else { return [] }
        var g = Generator(state: UInt64(truncatingIfNeeded: operation.utf8.reduce(5381) { $0 &* 33 &+ Int($1) }))
        var inputs: [Value] = []
        for _ in 0..<count {
            let tree = randomValue(&g, depth: 4)
            if case .object(let members) = tree, members.isEmpty { continue }  // {} may be a valid empty map
            if g.pick(2) == 0 {
                if case .object = tree { inputs.append(tree.with("?", 0)) } else { inputs.append(tree) }
            } else {
                let field = schema.input[g.pick(schema.input.count)]
                let junk = junk(for: field.type).filter { field.required || $0 != .null }
                inputs.append(base.with(field.name, junk[g.pick(junk.count)]))
            }
        }
        return inputs
    }

    @Test(arguments: SchemaTests.names)
    func malformedInputIsInvalidInput(operation: String) {
        let inputs = Self.malformed(operation) + Self.random(operation, count: 200)
        #expect(inputs.count >= 200)
        for input in inputs {
            switch Reference.evaluate(operation: operation, input: input, parameters: notices) {
            case .success(let answer):
                Issue.record("\(operation): accepted \(input) → \(answer.output)")
            case .failure(let error):
                #expect(error.code == .invalidInput, "\(operation): \(input) → \(error.code.rawValue) \(error.message)")
                #expect(error.trace.isEmpty)
                #expect(!error.message.isEmpty)
            }
        }
    }

    /// Extreme but valid values do not trap either.
    @Test func extremesDoNotTrap() {
        expectOutput(
            "employee.back-payment",
            [
                "category": "employer", "status": "on-time-full", "shortfallMonths": 1200,
                "paymentDate": "2200-12-31", "lastContributionBase": "100000000000.00",
            ],
            ["amount": "8400000000000.00"])
        expectOutput(
            "employee.transfer-handling",
            [
                "fromCity": "济南市", "toCity": "北京市", "fromProvince": "山东省", "toProvince": "北京市",
                "applicationDate": "2200-12-31",
            ], ["deadline": "2201-01-21"])
        expectOutput(
            "employee.contribution-years", ["periods": [["area": "济宁", "from": "1900-01", "to": "2200-12", "kind": "actual"]]],
            ["actualMonths": 3612])
        expectOutput("resident.newborn", ["birthDate": "2200-12-31", "paymentDate": "2200-12-31"], ["asOrdinaryResident": false])
        expectOutput(
            "employee.first-enrollment", ["category": "employer", "firstContributionMonth": "2200-12"], ["benefitsFrom": "2201-01"])
    }
}
