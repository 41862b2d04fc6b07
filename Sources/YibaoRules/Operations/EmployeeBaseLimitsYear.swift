/// `employee.base-limits-year` — whose average wage sets the contribution base's cap and floor in a month.
///
/// LU-2021-54/8: "公告后，各统筹地区自公告之日的次月起，统一按公告的平均工资调整……'封顶保底线'；公告之日的
/// 当月前（含公告当月）继续按上一年度公布的平均工资执行". Event: `month` (I-17).
enum EmployeeBaseLimitsYear {
    static let announcementFields: [Field] = [
        Field("wageYear", .int, range: InputReader.years),
        Field("date", .date),
    ]

    static let schema = OperationSchema(
        name: "employee.base-limits-year",
        clauses: ["LU-2021-54/8"],
        event: ["month"],
        input: [
            Field("month", .month),
            Field("announcements", .list(.object(announcementFields))),
        ],
        output: [Field("wageYear", .int)]
    )

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        let month = try input.month("month")
        var announcements: [(wageYear: Int, date: Day)] = []
        for (i, item) in try input.list("announcements").enumerated() {
            let record = try item.record()
            let wageYear = try record.int("wageYear"), date = try record.date("date")
            // I-17: a year's average wage is known, and announced, only after that year has ended.
            guard date.year > wageYear else {
                throw .invalid(
                    "announcements[\(i)].date: the \(wageYear) average wage cannot be announced on \(date), before the year ends")
            }
            announcements.append((wageYear, date))
        }
        // I-17: a later announcement is never of an earlier year.
        for a in announcements {
            for b in announcements where a.date < b.date && a.wageYear > b.wageYear {
                throw .invalid(
                    "announcements: the \(b.wageYear) wage announced on \(b.date) comes after the \(a.wageYear) wage announced on \(a.date)"
                )
            }
        }
        // I-17: at least one announcement is needed to answer.
        guard let earliest = announcements.map(\.wageYear).min() else {
            throw .invalid("announcements: empty")
        }
        guard month >= p.date(.notices2022Start).monthValue else {
            throw .outOfScope("month \(month): before 2022-05, when LU-2021-54 took effect in Jining", Closings.of2022)
        }
        // LU-2021-54/8, I-17: an announcement applies from the month after its date; up to and including its
        // month the previous one applies. The latest in force (by date; same date: the later wage year) wins.
        let offset = p.count(.announcementOffset, on: month.firstDay)
        let inForce = announcements.filter { $0.date.monthValue + offset <= month }
        let latest = inForce.max { ($0.date, $0.wageYear) < ($1.date, $1.wageYear) }
        // I-17: none in force yet → "上一年度公布的" = the year before the earliest given.
        let wageYear = latest?.wageYear ?? earliest - 1
        // I-17: that year's wage is itself announced only after the year ends, so it is in force from February of the
        // next year at the earliest; a month before that cannot be answered from these announcements.
        guard latest != nil || month >= Month(index: (wageYear + 1) * 12 + 1) else {
            throw .invalid(
                "announcements: none is in force in \(month), and the \(wageYear) wage their predecessor would be cannot be announced before \(wageYear + 1)"
            )
        }
        return Answer(
            output: .object([Member("wageYear", .int(wageYear))]),
            trace: ["LU-2021-54/8"] + Closings.of2022)
    }
}
