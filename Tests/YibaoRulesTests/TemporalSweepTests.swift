import Testing

@testable import YibaoRules

/// Every dated operation, with representative inputs, evaluated with its event at every month 2019-01 .. 2030-12
/// (dates: the first and the last day of the month): each answer is out-of-scope, or a result citing only clauses in
/// force on that date, never two clauses of which one supersedes the other.
@Suite struct TemporalSweepTests {
    // MARK: Clause windows, copied from docs/interpretations.md I-2 and the notices' closing clauses.

    static func day(_ text: String) -> Day { Day(text) ?? Day(unchecked: 1, 1, 1) }

    static let from2020 = day("2020-09-01")
    static let until2025 = day("2025-08-31")
    static let supersededUntil = day("2022-04-30")
    static let from2022 = day("2022-05-01")
    static let issue = day("2022-04-07")
    static let forever = day("9999-12-31")

    /// LU-2020-47 and JI-2020-19: 2020-09-01 .. 2025-08-31, except the clauses the 2022 notices replace (until
    /// 2022-04-30) and JI-2020-19/3.1 (until 2022-04-06). LU-2021-54 and JI-2022-8: from 2022-05-01, except
    /// JI-2022-8/1 and /3 (from the issue, 2022-04-07), JI-2022-8/7.1 (2022-05-01 .. 2022-10-31), 7.2 (from
    /// 2022-11-01), JI-2022-8/8 and LU-2021-54/4a–4c (from 2023-01-01).
    static let windows: [String: ClosedRange<Day>] = {
        var w: [String: ClosedRange<Day>] = [:]
        for leaf in ["1", "2a", "2b", "2c", "2d", "3", "4", "5", "6", "7"] { w["LU-2020-47/" + leaf] = from2020...until2025 }
        for leaf in ["1", "2.1", "2.2", "2.3", "3.1", "3.2a", "3.2b", "3.2c", "3.3", "3.4", "3.5", "4"] {
            w["JI-2020-19/" + leaf] = from2020...until2025
        }
        for id in [
            "LU-2020-47/2a", "LU-2020-47/2b", "LU-2020-47/2d", "LU-2020-47/5",
            "JI-2020-19/2.1", "JI-2020-19/2.2", "JI-2020-19/2.3", "JI-2020-19/3.2a", "JI-2020-19/3.2b", "JI-2020-19/3.3",
        ] {
            w[id] = from2020...supersededUntil
        }
        w["JI-2020-19/3.1"] = from2020...day("2022-04-06")
        for leaf in ["1", "2a", "2b", "2c", "3a", "3b", "3c", "3d", "4a", "4b", "4c", "4d", "5", "6", "7", "8", "9", "10"] {
            w["LU-2021-54/" + leaf] = from2022...forever
        }
        for leaf in ["1", "2", "3", "4", "5a", "5b", "5c", "6a", "6b", "7", "7.1", "7.2", "8", "9.1", "9.2.1", "9.2.2", "9.3", "9.4", "10"]
        {
            w["JI-2022-8/" + leaf] = from2022...forever
        }
        w["JI-2022-8/1"] = issue...forever
        w["JI-2022-8/3"] = issue...forever
        w["JI-2022-8/4"] = issue...forever  // qualifies (一)'s new minimum, which starts on the issue day (I-8)
        w["JI-2022-8/7.1"] = from2022...day("2022-10-31")
        w["JI-2022-8/7.2"] = day("2022-11-01")...forever
        for id in ["JI-2022-8/8", "LU-2021-54/4a", "LU-2021-54/4b", "LU-2021-54/4c"] { w[id] = day("2023-01-01")...forever }
        return w
    }()

    /// (earlier, later): from 2022-05-01 the later clause replaces the earlier (I-2).
    static let supersessions: [(String, [String])] = [
        ("LU-2020-47/2a", ["LU-2021-54/3a", "LU-2021-54/3b", "LU-2021-54/3c", "LU-2021-54/3d"]),
        ("LU-2020-47/2b", ["LU-2021-54/3a", "LU-2021-54/3b", "LU-2021-54/3c", "LU-2021-54/3d"]),
        ("LU-2020-47/2d", ["LU-2021-54/3a", "LU-2021-54/3b", "LU-2021-54/3c", "LU-2021-54/3d"]),
        ("JI-2020-19/2.1", ["LU-2021-54/3a", "LU-2021-54/3b", "LU-2021-54/3c", "LU-2021-54/3d"]),
        ("JI-2020-19/2.2", ["LU-2021-54/3a", "LU-2021-54/3b", "LU-2021-54/3c", "LU-2021-54/3d"]),
        ("JI-2020-19/2.3", ["LU-2021-54/3a", "LU-2021-54/3b", "LU-2021-54/3c", "LU-2021-54/3d"]),
        ("LU-2020-47/5", ["LU-2021-54/6"]),
        ("JI-2020-19/3.2a", ["JI-2022-8/5b"]),
        ("JI-2020-19/3.2b", ["JI-2022-8/5b"]),
        ("JI-2020-19/3.3", ["JI-2022-8/5c"]),
        ("JI-2020-19/3.1", ["JI-2022-8/3"]),
    ]

    /// Operations whose 2022 rules have no end: never out-of-scope for an event in 2023-01 .. 2030-12.
    static let openEnded: Set<String> = [
        "employee.first-enrollment", "employee.interruption", "employee.transfer", "employee.minimum-years",
        "employee.back-payment", "employee.retiree-benefits-start", "employee.base-limits-year",
        "employee.transfer-handling", "resident.benefits-start", "resident.newborn",
    ]

    // MARK: Representative inputs for an event on day `e`.

    struct Case {
        let operation: String
        let input: Value
        /// The event is a month (checked on its first and last day) rather than a date.
        let monthEvent: Bool
    }

    static func s(_ m: Month) -> Value { .string(m.description) }
    static func s(_ d: Day) -> Value { .string(d.description) }

    static func cases(_ e: Day) -> [Case] {
        let m = e.monthValue
        var c: [Case] = []
        for category in ["employer", "flexible"] as [Value] {
            c.append(
                Case(
                    operation: "employee.first-enrollment", input: ["category": category, "firstContributionMonth": s(m)], monthEvent: true)
            )
            for onTime in [true, false] {
                c.append(
                    Case(
                        operation: "employee.interruption",
                        input: [
                            "category": category, "firstUnpaidMonth": "2018-01",
                            "lastUnpaidMonth": "2018-12", "settledMonth": s(m), "currentContributionsOnTime": .bool(onTime),
                        ], monthEvent: true))
            }
            c.append(
                Case(
                    operation: "employee.interruption",
                    input: [
                        "category": category, "firstUnpaidMonth": s(m + (-6)),
                        "lastUnpaidMonth": s(m + (-1)), "settledMonth": s(m),
                    ], monthEvent: true))
            c.append(
                Case(
                    operation: "employee.interruption",
                    input: [
                        "category": category, "firstUnpaidMonth": s(m + (-1)),
                        "lastUnpaidMonth": s(m + (-1)),
                    ], monthEvent: true))
            for backPays in [true, false] {
                c.append(
                    Case(
                        operation: "employee.transfer",
                        input: [
                            "category": category, "lastPaidMonthOut": s(m + (-2)),
                            "reductionMonth": s(m + (-1)), "continuationMonth": s(m), "backPaysGap": .bool(backPays),
                        ], monthEvent: true))
                c.append(
                    Case(
                        operation: "employee.transfer",
                        input: [
                            "category": category, "lastPaidMonthOut": s(m + (-5)),
                            "reductionMonth": s(m + (-4)), "continuationMonth": s(m), "backPaysGap": .bool(backPays),
                        ], monthEvent: true))
            }
            for status in ["on-time-full", "not-on-time-full", "not-enrolled", "drawing-pension"] as [Value] {
                c.append(
                    Case(
                        operation: "employee.back-payment",
                        input: [
                            "category": category, "status": status, "shortfallMonths": 24,
                            "paymentDate": s(e), "lastContributionBase": "4200.50", "previousMonthDueBase": "3900",
                            "previousMonthPension": "3100", "minimumBase": "3600",
                        ], monthEvent: false))
            }
        }
        c.append(
            Case(
                operation: "employee.hospital-stay-during-transfer",
                input: [
                    "admissionDate": s(e.addingDays(-10)),
                    "dischargeDate": s(e), "areaAtAdmission": "济南", "areaAtDischarge": "济宁",
                ], monthEvent: false))
        for sex in ["male", "female"] as [Value] {
            for outside in [false, true] {
                c.append(
                    Case(
                        operation: "employee.minimum-years",
                        input: [
                            "sex": sex, "retirementDate": s(e), "actualMonths": 130,
                            "deemedMonths": 150, "fromOutsideProvince": .bool(outside),
                        ], monthEvent: false))
            }
        }
        for status in ["on-time-full", "not-on-time-full"] as [Value] {
            for pension in [m + (-1), m + (-6)] {
                c.append(
                    Case(
                        operation: "employee.retiree-benefits-start",
                        input: [
                            "method": "lump-sum", "status": status,
                            "pensionFirstMonth": s(pension), "lumpSumPaidDate": s(e),
                        ], monthEvent: false))
            }
        }
        c.append(
            Case(
                operation: "employee.retiree-benefits-start", input: ["method": "continued-payment", "minimumReachedMonth": s(m)],
                monthEvent: true))
        let announcements = Value.array((2018...2029).map { ["wageYear": .number(String($0)), "date": .string("\($0 + 1)-06-15")] })
        c.append(Case(operation: "employee.base-limits-year", input: ["month": s(m), "announcements": announcements], monthEvent: true))
        // A make-up working day is a weekend day and not a holiday (I-18): the first Saturday after e + 1.
        var saturday = e.addingDays(2)  // after the holiday on e + 1
        while saturday.weekday != 6 { saturday = saturday.addingDays(1) }
        for (fromCity, fromProvince) in [("济南市", "山东省"), ("济宁市", "山东"), ("南京市", "江苏省")] as [(Value, Value)] {
            c.append(
                Case(
                    operation: "employee.transfer-handling",
                    input: [
                        "fromCity": fromCity, "toCity": "济宁市",
                        "fromProvince": fromProvince, "toProvince": "山东省", "applicationDate": s(e),
                        "holidays": [s(e.addingDays(1))], "extraWorkdays": [s(saturday)],
                    ], monthEvent: false))
        }
        for group in ["none", "low-income"] as [Value] {
            c.append(
                Case(
                    operation: "resident.benefits-start",
                    input: [
                        "coverageYear": .number(String(e.year)), "paymentDate": s(e),
                        "specialGroup": group,
                    ], monthEvent: false))
            if e.month >= 9 {
                c.append(
                    Case(
                        operation: "resident.benefits-start",
                        input: [
                            "coverageYear": .number(String(e.year + 1)),
                            "paymentDate": s(e), "specialGroup": group,
                        ], monthEvent: false))
            }
        }
        for months in [0, 1, 7, 13] {
            c.append(
                Case(
                    operation: "resident.newborn",
                    input: [
                        "birthDate": s(e.addingMonths(-months)), "paymentDate": s(e),
                        "option": "next-year-only",
                    ], monthEvent: false))
        }
        c.append(
            Case(
                operation: "resident.newborn",
                input: [
                    "birthDate": s(e.addingMonths(-5)), "paymentDate": s(e),
                    "option": "birth-and-next-year",
                ], monthEvent: false))
        return c
    }

    static let months: [Month] = (0..<(12 * 12)).compactMap { Month(year: 2019 + $0 / 12, month: $0 % 12 + 1) }

    @Test(arguments: months)
    func sweep(month: Month) throws {
        for e in [month.firstDay, month.lastDay] {
            for c in Self.cases(e) {
                let label = "\(c.operation) at \(e): \(c.input)"
                switch Reference.evaluate(operation: c.operation, input: c.input, parameters: notices) {
                case .failure(let error):
                    #expect(error.code == .outOfScope, "\(label): \(error.code.rawValue) \(error.message)")
                    // I-12: resident coverage years up to 2023 stay out-of-scope whenever paid.
                    let earlyCoverageYear =
                        c.operation == "resident.benefits-start"
                        && (c.input["coverageYear"].flatMap { if case .number(let n) = $0 { Int(n) } else { nil } } ?? 0) < 2024
                    // I-9: pension drawers have no rule once JI-2020-19/3.2c expires (2025-08-31).
                    let lateDrawer =
                        c.operation == "employee.back-payment" && c.input["status"] == "drawing-pension"
                        && e > Self.until2025
                    if Self.openEnded.contains(c.operation), !earlyCoverageYear, !lateDrawer {
                        #expect(e.year < 2023, "\(label): out-of-scope in 2023 or later")
                    }
                    #expect(!error.trace.isEmpty, "\(label): out-of-scope names the clauses that excluded it")
                case .success(let answer):
                    #expect(!answer.trace.isEmpty, "\(label): a result cites its clauses")
                    let checkDays = c.monthEvent ? [month.firstDay, month.lastDay] : [e]
                    for clause in answer.trace {
                        guard let window = Self.windows[clause] else {
                            Issue.record("\(label): unknown clause \(clause)")
                            continue
                        }
                        for d in checkDays {
                            #expect(window.contains(d), "\(label): cites \(clause), not in force on \(d)")
                        }
                    }
                    for (earlier, later) in Self.supersessions where answer.trace.contains(earlier) {
                        for l in later {
                            #expect(!answer.trace.contains(l), "\(label): cites \(earlier) with \(l), which supersedes it")
                        }
                    }
                    let schema = try #require(Operations.schema(named: c.operation))
                    #expect(answer.output.members.map(\.key) == schema.output.map(\.name), "\(label): output in schema order")
                }
            }
        }
    }

    /// The sweep's own inputs reach results somewhere: each dated operation answers in 2024.
    @Test func everyDatedOperationAnswersIn2024() throws {
        let answered = Set(
            Self.cases(try #require(Day("2024-03-01"))).compactMap { c -> String? in
                if case .success = Reference.evaluate(operation: c.operation, input: c.input, parameters: notices) { return c.operation }
                return nil
            })
        #expect(answered == Self.openEnded.union(["employee.hospital-stay-during-transfer"]))
    }
}
