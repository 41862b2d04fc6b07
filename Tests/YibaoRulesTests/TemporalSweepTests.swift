import Testing
import YibaoSuite

@testable import YibaoRules

/// Every dated operation, with representative inputs, evaluated with its event at every month 2019-01 .. 2030-12
/// (dates: the first and the last day of the month): each answer is out-of-scope, or a result citing only clauses in
/// force on that date, never two clauses of which one supersedes the other.
@Suite struct TemporalSweepTests {
    // MARK: Clause windows: the catalog's (vectors/catalog), the one place they are written.

    static func day(_ text: String) -> Day { Day(text) ?? Day(unchecked: 1, 1, 1) }

    static let until2025 = day("2025-08-31")

    /// Each clause's in-force days, as the catalog gives them.
    static let windows: [String: EffectiveWindow] = {
        let (catalog, diagnostics) = Catalog.load(directory: catalogDirectory)
        precondition(diagnostics.isEmpty, "the catalog does not load: \(diagnostics)")
        return Dictionary(uniqueKeysWithValues: catalog.clauses.map { ($0.id, $0.effective) })
    }()

    static func inForce(_ window: EffectiveWindow, on day: Day) -> Bool {
        day >= window.from && (window.until.map { day <= $0 } ?? true)
    }

    /// The catalog's windows and the dates the engine reads are one set of facts: every day a clause starts, and
    /// every day after one ends, is a date of parameters.yaml (a value, or the `from` of a dated value) or one the
    /// rules compute from them, so a window moved in one place and not the other fails here.
    @Test func catalogWindowsStartAndEndOnTheParametersDates() {
        var dates: Set<Day> = []
        for parameter in notices.all {
            for dated in parameter.values {
                if let from = dated.from { dates.insert(from) }
                if case .date(let d) = dated.value { dates.insert(d) }
            }
        }
        // JI-2022-8/7.1 and 7.2: the transition runs from the month after the issue for 6 months.
        let issue = notices.date(.issue2022)
        let transition = issue.monthValue + notices.count(.arrearsTransitionOffset)
        dates.insert((transition + notices.count(.arrearsTransitionMonths)).firstDay)
        // JI-2022-8/8, LU-2021-54/4a–4c: collection in the year before the first coverage year under them (I-12).
        dates.insert(Day(unchecked: notices.count(.residentFirstCoverageYear) - 1, 1, 1))
        #expect(Self.windows.count > 50)
        for (clause, window) in Self.windows.sorted(by: { $0.key < $1.key }) {
            #expect(dates.contains(window.from), "\(clause) starts on \(window.from), a date parameters.yaml does not fix")
            if let until = window.until {
                #expect(
                    dates.contains(until) || dates.contains(until.addingDays(1)),
                    "\(clause) ends on \(until), and neither it nor the next day is a date of parameters.yaml")
            }
        }
    }

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
                            #expect(Self.inForce(window, on: d), "\(label): cites \(clause), not in force on \(d) (\(window))")
                        }
                    }
                    for (earlier, later) in Self.supersessions where answer.trace.contains(earlier) {
                        for l in later {
                            #expect(!answer.trace.contains(l), "\(label): cites \(earlier) with \(l), which supersedes it")
                        }
                    }
                    let schema = try #require(Operations.schema(named: c.operation))
                    let keys = answer.output.members.map(\.key)
                    // Optional outputs (gapBackPayBase) appear only when their input is given; the rest always.
                    let expected = schema.output.filter { $0.required || keys.contains($0.name) }.map(\.name)
                    #expect(keys == expected, "\(label): output in schema order")
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
