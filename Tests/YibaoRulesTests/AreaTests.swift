import Testing

@testable import YibaoRules

/// I-31: one area normaliser (GB/T 2260 codes, Chinese names with or without 市 / 省) for every operation that takes
/// an area; anything else is invalid-input naming the field.
@Suite struct AreaTests {
    /// Every written form of Jining is one area; county codes belong to their city.
    @Test(arguments: ["370800", "370811", "370881", "济宁", "济宁市", " 济宁市 "])
    func jiningInEveryForm(_ raw: String) throws {
        let area = try Area.poolingArea(raw, field: "area")
        #expect(area.key == "370800")
        #expect(area.name == "济宁市")
        #expect(area.isShandong)
    }

    @Test(arguments: ["370000", "山东", "山东省"])
    func shandongInEveryForm(_ raw: String) throws {
        #expect(try Area.province(raw, field: "fromProvince").key == "370000")
    }

    /// Not Jining: other Shandong cities, other provinces by code or name.
    @Test func otherAreas() throws {
        #expect(try Area.poolingArea("370100", field: "area").name == "济南市")
        #expect(try Area.poolingArea("泰安", field: "area").key == "370900")
        let nanjing = try Area.poolingArea("320102", field: "area")
        #expect(nanjing.key == "320100" && !nanjing.isShandong)
        #expect(try Area.province("江苏", field: "toProvince").key == "320000")
        #expect(try Area.province("新疆维吾尔自治区", field: "toProvince").key == "650000")
        #expect(try Area.poolingArea("北京市", field: "area").key == "110000")
    }

    /// Never silently another province: each of these names the field.
    @Test(arguments: [
        "Shandong Province", "Shandong", "371200", "371202", "370800x", "37080", "3708000", "", "山东省",
        "990000", "济宁县", "370800\u{0}",
    ])
    func unplaceableAreas(_ raw: String) {
        #expect(
            throws: RuleError.invalid(
                "areaAtDischarge: \(Area.trimmed(raw).debugDescription) is not a pooling area (a GB/T 2260 code or Chinese name)")
        ) {
            try Area.poolingArea(raw, field: "areaAtDischarge")
        }
    }

    @Test(arguments: ["Shandong Province", "Shandong", "370800", "371200", "济宁市", "370000x", "990000"])
    func unplaceableProvinces(_ raw: String) {
        #expect(throws: RuleError.self) { try Area.province(raw, field: "fromProvince") }
    }

    /// A city must lie in its province; outside Shandong any Chinese city name, but never a Shandong city.
    @Test func citiesInTheirProvince() throws {
        let jiangsu = try Area.province("江苏省", field: "toProvince")
        let shandong = try Area.province("370000", field: "toProvince")
        #expect(try Area.city("南京", field: "toCity", in: jiangsu) == Area.city("南京市", field: "toCity", in: jiangsu))
        #expect(try Area.city("320100", field: "toCity", in: jiangsu).key == "320100")
        #expect(throws: RuleError.self) { try Area.city("济宁市", field: "toCity", in: jiangsu) }
        #expect(throws: RuleError.self) { try Area.city("370800", field: "toCity", in: jiangsu) }
        #expect(throws: RuleError.self) { try Area.city("Nanjing", field: "toCity", in: jiangsu) }
        #expect(throws: RuleError.self) { try Area.city("南京市", field: "toCity", in: shandong) }
        #expect(throws: RuleError.self) { try Area.city("320100", field: "toCity", in: shandong) }
    }

    /// Through the operations: the message names the field.
    @Test func operationsNameTheField() {
        expectError(
            "employee.transfer-handling",
            [
                "fromCity": "济宁市", "toCity": "济南市", "fromProvince": "Shandong Province", "toProvince": "山东省",
                "applicationDate": "2023-03-03",
            ], .invalidInput, message: "fromProvince:")
        expectError(
            "employee.hospital-stay-during-transfer",
            [
                "admissionDate": "2021-03-20", "dischargeDate": "2021-04-08", "areaAtAdmission": "泰安市",
                "areaAtDischarge": "371200",
            ], .invalidInput, message: "areaAtDischarge:")
        expectError(
            "employee.contribution-years",
            ["periods": [["area": "370800x", "from": "2015-01", "to": "2015-12", "kind": "actual"]]],
            .invalidInput, message: "periods[0].area:")
        expectError(
            "employee.contribution-years",
            [
                "periods": [["area": "济宁", "from": "2015-01", "to": "2015-12", "kind": "actual"]],
                "systemStart": ["济宁市": "2000-01", "370800": "2001-01"],
            ],
            .invalidInput, message: "systemStart.")
    }

    /// One area written two ways is one area: no JI-2022-8/4 accumulation across areas.
    @Test func oneAreaTwoWays() {
        expectOutput(
            "employee.contribution-years",
            [
                "periods": [
                    ["area": "济宁", "from": "2015-01", "to": "2015-12", "kind": "actual"],
                    ["area": "370811", "from": "2016-01", "to": "2016-12", "kind": "actual"],
                ]
            ],
            ["actualMonths": 24, "deemedMonths": 0, "totalMonths": 24], trace: ["LU-2020-47/3"])
    }
}
