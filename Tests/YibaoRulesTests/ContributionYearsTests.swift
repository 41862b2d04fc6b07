import Testing

@testable import YibaoRules

/// employee.contribution-years — LU-2020-47/3, 4, JI-2022-8/2, 4 (I-16).
@Suite struct ContributionYearsTests {
    static let op = "employee.contribution-years"

    static func period(_ area: Value, _ from: Value, _ to: Value, _ kind: Value = "actual", _ basis: Value? = nil) -> Value {
        var v: Value = ["area": area, "from": from, "to": to, "kind": kind]
        if let basis { v = v.with("basis", basis) }
        return v
    }

    /// "重复参保期间的缴费年限不重复计算": 2000-01..2009-12 (120) and 2009-07..2012-06 (36, 6 shared) = 150 months;
    /// two areas → "累计计算" (JI-2022-8/4).
    @Test func overlappingActualPeriodsCountOnce() {
        expectOutput(
            Self.op, ["periods": [Self.period("济南", "2000-01", "2009-12"), Self.period("济宁", "2009-07", "2012-06")]],
            ["actualMonths": 150, "deemedMonths": 0, "totalMonths": 150], trace: ["LU-2020-47/3", "JI-2022-8/4"])
    }

    /// "军人服现役年限" is deemed; a deemed month that is also actual counts as actual.
    @Test func deemedMonthsAndActualWins() {
        expectOutput(
            Self.op, ["periods": [Self.period("济宁", "1990-01", "1994-12", "deemed", "military-service")]],
            ["actualMonths": 0, "deemedMonths": 60, "totalMonths": 60],
            trace: ["LU-2020-47/3", "LU-2020-47/4", "JI-2022-8/2"])
        expectOutput(
            Self.op,
            [
                "periods": [
                    Self.period("济宁", "1998-01", "2001-12", "deemed", "military-spouse"),
                    Self.period("济宁", "2000-01", "2000-12"),
                ]
            ],
            ["actualMonths": 12, "deemedMonths": 36, "totalMonths": 48])
    }

    /// "本地区职工医保制度启动前……连续工龄": Jining's system started 2000-01; work 1995-01..2001-12 is deemed only
    /// for 1995-01..1999-12 (60 months).
    @Test func preSystemWorkStopsAtTheSystemStart() {
        expectOutput(
            Self.op,
            [
                "periods": [Self.period("济宁", "1995-01", "2001-12", "deemed", "pre-system-work")],
                "systemStart": ["济宁": "2000-01"],
            ],
            ["actualMonths": 0, "deemedMonths": 60, "totalMonths": 60])
        expectOutput(
            Self.op,
            [
                "periods": [Self.period("济宁", "2000-01", "2001-12", "deemed", "pre-system-work")],
                "systemStart": ["济宁": "2000-01"],
            ],
            ["deemedMonths": 0])
    }

    @Test func noPeriods() {
        expectOutput(Self.op, ["periods": []], ["actualMonths": 0, "deemedMonths": 0, "totalMonths": 0], trace: ["LU-2020-47/3"])
    }

    @Test(
        arguments: [
            (["periods": [period("济宁", "1995-01", "2001-12", "deemed", "pre-system-work")]], "periods[0].area: no systemStart"),
            (["periods": [period("济宁", "1995-01", "2001-12", "deemed")]], "periods[0].basis: required"),
            (["periods": [period("济宁", "2001-01", "2000-12")]], "periods[0].to: before from"),
            (
                ["periods": [period("济宁", "2001-01", "2001-12"), period("济宁", "2001-13", "2001-12")]],
                "periods[1].from: not a month (YYYY-MM)"
            ),
            (["periods": [period("济宁", "2001-01", "2001-12", "virtual")]], "periods[0].kind: not one of"),
            (["periods": [period("济宁", "2001-01", "2001-12", "deemed", "sabbatical")]], "periods[0].basis: not one of"),
            (["periods": [period("济宁", "2001-01", "2001-12")], "systemStart": ["济宁": "2000"]], "systemStart.济宁: not a month"),
            (["periods": [period("济宁", "0999-12", "2001-12")]], "periods[0].from: year outside"),
            (["periods": [period("济宁", "2001-01", "2001-12").with("employer", "x")]], "unknown field periods[0].employer"),
            ([:], "periods: required"),
        ] as [(Value, String)])
    func invalidInput(input: Value, message: String) {
        expectError(Self.op, input, .invalidInput, message: message)
    }
}
