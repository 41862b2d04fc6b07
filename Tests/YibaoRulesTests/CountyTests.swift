import Testing

@testable import YibaoRules

/// I-21, I-31: retiree.not-enrolled's hukouCounty through the area normaliser's county form.
@Suite struct CountyTests {
    /// Every written form of a Jining county is that county, answered by its full name.
    @Test(arguments: ["370811", "任城区", "任城", " 任城区 ", "\t370811\n"])
    func renchengInEveryForm(_ raw: String) throws {
        let county = try County.normalise(raw, field: "hukouCounty")
        #expect(county.name == "任城区" && county.inJining)
    }

    @Test func allElevenJiningCountiesByCodeAndName() throws {
        #expect(County.jining.count == 11)
        for (digits, name) in County.jining {
            #expect(try County.normalise("3708" + digits, field: "hukouCounty").name == name)
            #expect(try County.normalise(name, field: "hukouCounty").inJining)
        }
    }

    /// Outside Jining: taken as given, not Jining.
    @Test(arguments: ["370902", "泰山区", "320102", "鼓楼区", "阿荣旗"])
    func elsewhere(_ raw: String) throws {
        let county = try County.normalise(raw, field: "hukouCounty")
        #expect(county.name == raw && !county.inJining)
    }

    /// Cities, provinces, gone or unknown codes, Latin letters, control characters, empty: invalid-input naming the field.
    @Test(arguments: [
        "370800", "济宁市", "济宁", "山东省", "370000", "371202", "370899", "Rencheng", "任城区\u{1B}[31m", "", "区",
        "3708111", "990101",
    ])
    func invalid(_ raw: String) {
        #expect(throws: RuleError.self) { try County.normalise(raw, field: "hukouCounty") }
        do {
            _ = try County.normalise(raw, field: "hukouCounty")
        } catch {
            #expect("\(error)".contains("hukouCounty"))
        }
    }
}
