/// `employee.transfer-handling` — whether a transfer is needed and its deadline in working days.
///
/// LU-2021-54/9: "参保职工在省内设区的市内流动就业的，无需办理基本医疗保险关系转移接续……省内办理时限缩短至
/// 9个工作日，跨省转移办理时限缩短至15个工作日". Event: `applicationDate` (I-18).
enum EmployeeTransferHandling {
    static let schema = OperationSchema(
        name: "employee.transfer-handling",
        clauses: ["LU-2021-54/9"],
        event: ["applicationDate"],
        input: [
            Field("fromCity", .string),
            Field("toCity", .string),
            Field("fromProvince", .string),
            Field("toProvince", .string),
            Field("applicationDate", .date),
            .optional("holidays", .list(.date), default: .array([])),
            .optional("extraWorkdays", .list(.date), default: .array([])),
        ],
        output: [
            Field("transferNeeded", .bool),
            Field("deadline", .nullable(.date)),
        ]
    )

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        // I-18, I-31: provinces and cities by GB/T 2260 code or Chinese name, through the one area normaliser.
        let fromProvince = try Area.province(try input.string("fromProvince"), field: "fromProvince")
        let toProvince = try Area.province(try input.string("toProvince"), field: "toProvince")
        let fromCity = try Area.city(try input.string("fromCity"), field: "fromCity", in: fromProvince)
        let toCity = try Area.city(try input.string("toCity"), field: "toCity", in: toProvince)
        let applied = try input.date("applicationDate")
        var holidays = Set<Day>()
        for item in try input.list("holidays") { holidays.insert(try item.date()) }
        var extraWorkdays = Set<Day>()
        for (i, item) in try input.list("extraWorkdays").enumerated() {
            let day = try item.date()
            // I-18: a make-up working day (调休上班) is a Saturday or Sunday, and cannot also be a holiday.
            guard day.weekday >= 6 else { throw .invalid("extraWorkdays[\(i)]: \(day) is a weekday, not a make-up day") }
            guard !holidays.contains(day) else { throw .invalid("extraWorkdays[\(i)]: \(day) is also listed as a holiday") }
            extraWorkdays.insert(day)
        }

        guard applied >= p.date(.notices2022Start) else {
            throw .outOfScope(
                "applicationDate \(applied): before 2022-05-01, when LU-2021-54 took effect in Jining",
                Closings.of2022)
        }
        // I-18: a Shandong notice rules only where one side is Shandong.
        guard fromProvince.isShandong || toProvince.isShandong else {
            throw .outOfScope("neither fromProvince nor toProvince is Shandong", ["LU-2021-54/9"])
        }
        let trace = ["LU-2021-54/9"] + Closings.of2022
        let sameProvince = fromProvince == toProvince
        if sameProvince && fromCity == toCity {
            // LU-2021-54/9: "在省内设区的市内流动就业的，无需办理基本医疗保险关系转移接续".
            return Answer(
                output: .object([Member("transferNeeded", .bool(false)), Member("deadline", .null)]),
                trace: trace)
        }
        // LU-2021-54/9: 9 working days inside the province, 15 across provinces (I-18).
        let workingDays = p.count(sameProvince ? .sameProvinceWorkingDays : .crossProvinceWorkingDays, on: applied)
        // I-18: Monday–Friday, minus holidays, plus make-up days; the application day is not counted.
        var day = applied
        var counted = 0
        // I-27: an application on a non-working day is counted from that day, not from the next working day.
        let appliedOnWorkingDay = extraWorkdays.contains(applied) || (applied.weekday <= 5 && !holidays.contains(applied))
        while counted < workingDays {
            day = day.addingDays(1)
            let working = extraWorkdays.contains(day) || (day.weekday <= 5 && !holidays.contains(day))
            if working { counted += 1 }
        }
        return Answer(
            output: .object([Member("transferNeeded", .bool(true)), Member("deadline", .text(day))]),
            trace: trace, interpretations: appliedOnWorkingDay ? [] : ["I-27"],
            readingFields: appliedOnWorkingDay ? [:] : ["I-27": ["deadline"]])
    }
}
