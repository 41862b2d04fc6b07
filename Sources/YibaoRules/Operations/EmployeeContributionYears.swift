/// `employee.contribution-years` — actual and deemed contribution months across areas.
///
/// LU-2020-47/3 "缴费年限（含视同缴费年限和实际缴费年限）应当互认，并累计计算……重复参保期间的缴费年限不重复计算";
/// LU-2020-47/4 and JI-2022-8/2: the deemed periods (视同缴费年限). No event. Counting: I-16.
enum EmployeeContributionYears {
    static let periodFields: [Field] = [
        Field("area", .string),
        Field("from", .month),
        Field("to", .month),
        Field("kind", .periodKind),
        .optional("basis", .deemedBasis),
    ]

    /// One run of months insured in two or more areas (I-38).
    static let overlapFields: [Field] = [
        Field("from", .month),
        Field("to", .month),
        Field("areas", .list(.string)),
    ]

    static let schema = OperationSchema(
        name: "employee.contribution-years",
        clauses: ["LU-2020-47/3", "LU-2020-47/4", "JI-2022-8/2", "JI-2022-8/4"],
        input: [
            Field("periods", .list(.object(periodFields))),
            .optional("systemStart", .map(.month), default: .object([])),
            // I-38: "重复参保……医保待遇不重复享受" (LU-2020-47/3); when true, the answer has overlaps.
            .optional("listOverlaps", .bool, default: .bool(false)),
        ],
        output: [
            Field("actualMonths", .int),
            Field("deemedMonths", .int),
            Field("totalMonths", .int),
            .optional("overlaps", .list(.object(overlapFields))),
        ]
    )

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        let periods = try input.list("periods")
        let listOverlaps = try input.bool("listOverlaps")
        // I-31: areas through the one area normaliser, so `济宁`, `济宁市` and `370800` are one area.
        var systemStart: [Area: Month] = [:]
        for (key, value) in try input.map("systemStart") {
            let area = try Area.poolingArea(key, field: "systemStart.\(key)")
            guard systemStart[area] == nil else { throw .invalid("systemStart.\(key): names an area already given") }
            systemStart[area] = try value.month()
        }

        // Each month counted once (LU-2020-47/3 "不重复计算"): the periods as month intervals, merged, so the work is
        // proportional to the number of periods, not to the months they span.
        var actual: [MonthSpan] = []
        var actualByArea: [Area: [MonthSpan]] = [:]
        var deemed: [MonthSpan] = []
        var areas = Set<Area>()
        var anyDeemed = false

        for (i, item) in periods.enumerated() {
            let period = try item.record()
            let area = try Area.poolingArea(try period.string("area"), field: "periods[\(i)].area")
            let from = try period.month("from")
            let to = try period.month("to")
            guard from <= to else { throw .invalid("periods[\(i)].to: before from") }
            areas.insert(area)
            if try period.choice("kind", as: PeriodKind.self) == .actual {
                actual.append(MonthSpan(from: from, to: to))
                actualByArea[area, default: []].append(MonthSpan(from: from, to: to))
                continue
            }
            anyDeemed = true
            // LU-2020-47/4, JI-2022-8/2: a deemed period has a recognised basis.
            guard let basis = try period.optionalChoice("basis", as: DeemedBasis.self) else {
                throw .invalid("periods[\(i)].basis: required for deemed periods")
            }
            var end = to
            if basis == .preSystemWork {
                // LU-2020-47/4 "本地区职工医保制度启动前……连续工龄或工作年限"; I-16: only months before the
                // area's system start (the start month is under the system). LU-2020-47/3 requires the start to
                // be noted on transfer, so a pre-system period without it is invalid.
                guard let start = systemStart[area] else {
                    throw .invalid("periods[\(i)].area: no systemStart for \(area.name)")
                }
                end = min(to, start + (-1))
            }
            if from <= end { deemed.append(MonthSpan(from: from, to: end)) }
        }

        // I-16: actual wins over deemed; each month once.
        let actualSpans = MonthSpan.union(actual)
        let actualMonths = MonthSpan.count(actualSpans)
        let deemedSpans = MonthSpan.union(deemed)
        let deemedMonths = MonthSpan.count(deemedSpans) - MonthSpan.overlap(deemedSpans, actualSpans)

        var trace = ["LU-2020-47/3"]
        if anyDeemed { trace += ["LU-2020-47/4", "JI-2022-8/2"] }
        // JI-2022-8/4: "从统筹区域外转入我市的，医保缴费年限累计计算".
        if areas.count > 1 { trace.append("JI-2022-8/4") }

        var members = [
            Member("actualMonths", .int(actualMonths)),
            Member("deemedMonths", .int(deemedMonths)),
            Member("totalMonths", .int(actualMonths + deemedMonths)),
        ]
        if listOverlaps {
            // LU-2020-47/3 "重复参保期间……医保待遇不重复享受" (I-38): the months insured (actual periods) in two or more
            // areas; the text does not say which area's benefits the person has in them, so the answer does not either.
            let runs = overlaps(actualByArea).map { run in
                Value.object([
                    Member("from", .text(run.span.from)),
                    Member("to", .text(run.span.to)),
                    Member("areas", .array(run.areas.map { .string($0.name) })),
                ])
            }
            members.append(Member("overlaps", .array(runs)))
        }
        return Answer(output: .object(members), trace: trace)
    }

    /// The maximal runs of months in which two or more areas have actual periods, each with those areas ordered by
    /// GB/T 2260 code (`Area.key`). Swept over the periods' ends, so the work is proportional to the number of periods.
    static func overlaps(_ byArea: [Area: [MonthSpan]]) -> [(span: MonthSpan, areas: [Area])] {
        // Each area's months once (two periods of one area are one insurance, I-38), then +1 / −1 at each run's ends.
        var changes: [Month: [(Area, Int)]] = [:]
        for (area, spans) in byArea {
            for span in MonthSpan.union(spans) {
                changes[span.from, default: []].append((area, 1))
                changes[span.to + 1, default: []].append((area, -1))
            }
        }
        var runs: [(span: MonthSpan, areas: [Area])] = []
        var insured = Set<Area>()
        let points = changes.keys.sorted()
        for (i, point) in points.enumerated() {
            for (area, step) in changes[point] ?? [] {
                if step > 0 { insured.insert(area) } else { insured.remove(area) }
            }
            guard insured.count > 1, i + 1 < points.count else { continue }
            let areas = insured.sorted { $0.key < $1.key }
            runs.append((MonthSpan(from: point, to: points[i + 1] + (-1)), areas))
        }
        return runs
    }
}
