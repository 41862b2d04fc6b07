/// `resident.newborn` — a newborn's resident insurance by when it is paid.
///
/// LU-2021-54/5 "新生儿自出生之日起6个月内……缴费的，自出生之日起享受……超过6个月的，自缴费的次月起享受……
/// 超过12个月的，按普通居民……执行"; JI-2022-8/9.1–9.4 (Jining's detail). Event: `paymentDate` (I-15).
enum ResidentNewborn {
    static let coverageFields: [Field] = [
        Field("year", .int),
        Field("from", .date),
        Field("standardYear", .int),
    ]

    static let schema = OperationSchema(
        name: "resident.newborn",
        clauses: ["LU-2021-54/5", "JI-2022-8/9.1", "JI-2022-8/9.2.1", "JI-2022-8/9.2.2", "JI-2022-8/9.3", "JI-2022-8/9.4"],
        event: ["paymentDate"],
        input: [
            Field("birthDate", .date),
            Field("paymentDate", .date),
            .optional("option", .newbornOption),
        ],
        output: [
            Field("coverage", .list(.object(coverageFields))),
            Field("asOrdinaryResident", .bool),
        ]
    )

    static func coverage(year: Int, from: Day, standardYear: Int) -> Value {
        .object([Member("year", .int(year)), Member("from", .text(from)), Member("standardYear", .int(standardYear))])
    }

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        let born = try input.date("birthDate")
        let paid = try input.date("paymentDate")
        let option = try input.optionalChoice("option", as: NewbornOption.self)
        guard paid >= born else { throw .invalid("paymentDate: before birthDate") }
        guard paid >= p.date(.notices2022Start) else {
            throw .outOfScope(
                "paymentDate \(paid): before 2022-05-01, when LU-2021-54 and JI-2022-8 took effect in Jining",
                Closings.of2022)
        }

        let birthYear = born.year
        // I-15 (contract §2, Civil Code): "6个月内" = paid on or before birth + 6 months;
        // "超过12个月" = paid after birth + 12 months.
        let r = p.reading
        let withinSix = r.atMost(paid, r.adding(months: p.count(.newbornWithin, on: paid), to: born), .newbornWithin)
        let beyondTwelve = !r.atMost(paid, r.adding(months: p.count(.newbornBeyond, on: paid), to: born), .newbornBeyond)
        // I-15: "跨年度" = paid in a later calendar year than the birth.
        let crossesYear = paid.year > birthYear
        let monthAfterPayment = (paid.monthValue + p.count(.newbornLateOffset, on: paid)).firstDay

        var coverage: [Value] = []
        var ordinary = false
        var trace = ["LU-2021-54/5"]
        var readings: [String] = []
        if withinSix && !crossesYear {
            // JI-2022-8/9.1: birth-year standard, from the birth date.
            coverage = [Self.coverage(year: birthYear, from: born, standardYear: birthYear)]
            trace.append("JI-2022-8/9.1")
        } else if withinSix {
            // JI-2022-8/9.2: across the year end, one of two ways (I-15: `option` is then required).
            guard let option else { throw .invalid("option: required when paid across the year end within 6 months of birth") }
            let nextYear = birthYear + 1
            let january = Day(unchecked: nextYear, 1, 1)
            if option == .birthAndNextYear {
                // JI-2022-8/9.2.1: both years, from the birth date, each year at its own standard.
                coverage = [
                    Self.coverage(year: birthYear, from: born, standardYear: birthYear),
                    Self.coverage(year: nextYear, from: january, standardYear: nextYear),
                ]
                trace.append("JI-2022-8/9.2.1")
            } else {
                // JI-2022-8/9.2.2: the following year only, from its January 1.
                coverage = [Self.coverage(year: nextYear, from: january, standardYear: nextYear)]
                trace.append("JI-2022-8/9.2.2")
            }
        } else if beyondTwelve {
            // JI-2022-8/9.4, LU-2021-54/5: "按普通居民缴费及待遇享受政策执行".
            ordinary = true
            trace.append("JI-2022-8/9.4")
        } else if !crossesYear {
            // JI-2022-8/9.3: after 6 months in the birth year → birth-year standard, from the month after payment.
            coverage = [Self.coverage(year: birthYear, from: monthAfterPayment, standardYear: birthYear)]
            trace.append("JI-2022-8/9.3")
        } else {
            // I-14: after 6 months in the following year, JI-2022-8 is silent; LU-2021-54/5 "自缴费的次月起".
            coverage = [Self.coverage(year: paid.year, from: monthAfterPayment, standardYear: paid.year)]
            readings.append("I-14")
        }
        trace.append(Closings.ji2022)
        return Answer(
            output: .object([Member("coverage", .array(coverage)), Member("asOrdinaryResident", .bool(ordinary))]),
            trace: trace, interpretations: readings,
            readingFields: readings.isEmpty ? [:] : ["I-14": ["coverage", "asOrdinaryResident"]])
    }
}
