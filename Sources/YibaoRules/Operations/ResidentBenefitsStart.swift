/// `resident.benefits-start` — when a resident's benefits for a coverage year start.
///
/// LU-2021-54/4a "集中缴费期……统一为每年的9-12月份。居民在集中缴费期按时缴纳保险费的，自次年1月1日起享受";
/// 4b "次年1月1日后缴费的……设置3个月的待遇享受等待期"; 4c "低保对象、特困人员等低收入人口和返贫致贫人口……
/// 不设置待遇享受等待期"; 4d "可延期一年执行"; JI-2022-8/8 (the same for Jining, "自2023年起").
/// Event: `coverageYear` (I-12); rules: I-13.
enum ResidentBenefitsStart {
    static let schema = OperationSchema(
        name: "resident.benefits-start",
        clauses: ["LU-2021-54/4a", "LU-2021-54/4b", "LU-2021-54/4c", "JI-2022-8/8"],
        event: ["coverageYear"],
        input: [
            Field("coverageYear", .int, range: InputReader.years),
            Field("paymentDate", .date),
            .optional("specialGroup", .specialGroup, default: .string("none")),
        ],
        output: [
            Field("benefitsFrom", .date),
            Field("waitingMonths", .int),
        ]
    )

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        let year = try input.int("coverageYear")
        let paid = try input.date("paymentDate")
        let special = try input.choice("specialGroup", as: SpecialGroup.self) != .none

        // I-12: JI-2022-8/8 "自2023年起，居民基本医疗保险集中征缴期统一为每年的9月至12月": the first unified collection
        // period is 2023-09..12, for coverage year 2024 (LU-2021-54/4d "可延期一年执行"). Coverage years up to 2023 were
        // collected under Jining's earlier rules, which this suite does not hold.
        let firstYear = p.count(.residentFirstCoverageYear)
        guard year >= firstYear else {
            throw .outOfScope(
                "coverageYear \(year): before \(firstYear), the first coverage year collected under Jining's unified period (2023-09..12)",
                ["LU-2021-54/4d", "JI-2022-8/8"])
        }

        // I-13, checked once the rules are in force (an event outside every window is out-of-scope first): the
        // payment lies in the collection period before the coverage year (Sep 1 .. Dec 31 of year − 1) or in the
        // coverage year itself; anything else buys no benefits for that year.
        let collectionOpens = Day(unchecked: year - 1, p.count(.collectionFirstMonth, on: paid), 1)
        let collectionCloses = Month(index: (year - 1) * 12 + p.count(.collectionLastMonth, on: paid) - 1).lastDay
        let yearStarts = Day(unchecked: year, 1, 1)
        let yearEnds = Day(unchecked: year, 12, 31)
        guard paid >= collectionOpens, paid <= max(yearEnds, collectionCloses) else {
            throw .invalid("paymentDate: outside \(collectionOpens) .. \(yearEnds) (the collection period and coverage year \(year))")
        }
        let from: Day
        let waiting: Int
        let clause: String
        if paid <= collectionCloses {
            // LU-2021-54/4a, JI-2022-8/8: paid in the collection period → from January 1.
            from = yearStarts
            waiting = 0
            clause = "LU-2021-54/4a"
        } else if special {
            // LU-2021-54/4c, JI-2022-8/8: special groups have no waiting period (I-13: from the payment date).
            from = paid
            waiting = 0
            clause = "LU-2021-54/4c"
        } else {
            // LU-2021-54/4b, JI-2022-8/8: 3 months' wait including the payment month (LU-2021-54/2c "含缴费当月，
            // 下同"; I-13) → day 1 of the payment month + 3.
            waiting = p.count(.residentWait, on: paid)
            from = (paid.monthValue + waiting).firstDay
            clause = "LU-2021-54/4b"
        }
        let output = Value.object([
            Member("benefitsFrom", .text(from)),
            Member("waitingMonths", .int(waiting)),
        ])
        return Answer(output: output, trace: [clause, "LU-2021-54/4d", "JI-2022-8/8"])
    }
}
