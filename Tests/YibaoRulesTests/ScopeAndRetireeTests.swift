import Testing

@testable import YibaoRules

/// scope.transfer — LU-2020-47/1, JI-2020-19/1: employee insurance, not yet retirement age, across pooling areas
/// inside Shandong.
@Suite struct ScopeTransferTests {
    static let op = "scope.transfer"

    @Test(
        arguments: [
            ("employee", false, true, false, true),
            ("resident", false, true, false, false),
            ("employee", true, true, false, false),
            ("employee", false, false, false, false),
            ("employee", false, true, true, false),
        ] as [(Value, Bool, Bool, Bool, Bool)])
    func inScope(insurance: Value, retired: Bool, crossArea: Bool, crossProvince: Bool, expected: Bool) {
        expectOutput(
            Self.op,
            [
                "insurance": insurance, "reachedRetirementAge": .bool(retired), "crossArea": .bool(crossArea),
                "crossProvince": .bool(crossProvince),
            ],
            ["inScope": .bool(expected)], trace: ["LU-2020-47/1", "JI-2020-19/1"])
    }

    /// I-25: whether the move crosses provinces is one of the four conditions of LU-2020-47/1; it has no default here.
    @Test func crossProvinceIsRequired() {
        expectError(Self.op, ["insurance": "employee", "reachedRetirementAge": false, "crossArea": true], .invalidInput)
    }

    @Test(
        arguments: [
            (
                ["insurance": "employees", "reachedRetirementAge": false, "crossArea": true, "crossProvince": false],
                "insurance: not one of"
            ),
            (["insurance": "employee", "crossArea": true, "crossProvince": false], "reachedRetirementAge: required"),
            (
                ["insurance": "employee", "reachedRetirementAge": "no", "crossArea": true, "crossProvince": false],
                "reachedRetirementAge: not a boolean"
            ),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}

/// retiree.not-enrolled — LU-2020-47/6, JI-2020-19/3.5 (I-21).
@Suite struct NotEnrolledTests {
    static let op = "retiree.not-enrolled"

    /// "可在户籍所在地的县（市、区）参加职工基本医疗保险，按照当地规定补缴……或者参加当地居民基本医疗保险".
    @Test func twoOptionsInTheHukouCounty() {
        expectOutput(
            Self.op, ["enrolledAtRetirement": false, "hukouCounty": "任城区"],
            [
                "options": [
                    ["insurance": "employee", "county": "任城区", "backPayment": true],
                    ["insurance": "resident", "county": "任城区", "backPayment": false],
                ]
            ],
            trace: ["LU-2020-47/6", "JI-2020-19/3.5"])
    }

    @Test func enrolledAtRetirementHasNoneOfThem() {
        expectOutput(Self.op, ["enrolledAtRetirement": true, "hukouCounty": "任城区"], ["options": []], trace: ["LU-2020-47/6"])
    }

    @Test(
        arguments: [
            (["enrolledAtRetirement": false, "hukouCounty": ""], "hukouCounty: empty"),
            (["enrolledAtRetirement": false, "hukouCounty": 370811], "hukouCounty: not a string"),
            (["enrolledAtRetirement": false], "hukouCounty: required"),
            (["enrolledAtRetirement": false, "hukouCounty": "任城区", "age": 70], "unknown field age"),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}

/// employee.hospital-stay-during-transfer — LU-2020-47/2c "按出院时的医保关系所在地确定待遇享受" (I-21).
@Suite struct HospitalStayTests {
    static let op = "employee.hospital-stay-during-transfer"

    static func input(_ admission: Value, _ discharge: Value) -> Value {
        ["admissionDate": admission, "dischargeDate": discharge, "areaAtAdmission": "济南", "areaAtDischarge": "济宁"]
    }

    /// The paying area is answered by its full name (I-31): `济宁` → `济宁市`.
    @Test(arguments: ["2020-09-01", "2023-06-15", "2025-08-31"] as [Value])
    func theDischargeAreaPays(discharge: Value) {
        expectOutput(Self.op, Self.input("2020-08-20", discharge), ["payingArea": "济宁市"], trace: ["LU-2020-47/2c", "LU-2020-47/7"])
    }

    /// LU-2020-47 is in force 2020-09-01 .. 2025-08-31.
    @Test(arguments: ["2020-08-31", "2025-09-01"] as [Value])
    func outsideLU202047IsOutOfScope(discharge: Value) {
        expectError(Self.op, Self.input("2020-08-01", discharge), .outOfScope, trace: ["LU-2020-47/7"])
    }

    @Test(
        arguments: [
            (input("2023-06-16", "2023-06-15"), "dischargeDate: before admissionDate"),
            (input("2023-02-29", "2023-06-15"), "admissionDate: not a date"),
            (input("2023-06-01", "2023-06-15").without("areaAtDischarge"), "areaAtDischarge: required"),
            (input("2023-06-01", "2023-06-15").with("ward", "3"), "unknown field ward"),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}
