/// `employee.back-payment` — the lump sum that tops contribution years up to the minimum.
///
/// 2020-09-01 .. 2022-04-30: JI-2020-19/3.2a–c (bases), 3.3 (alternatives), 3.4 (no personal-account
/// credit), under LU-2020-47/5. From 2022-05-01: JI-2022-8/5a–5c (I-2), with JI-2020-19/3.2c for pension
/// drawers and 3.4 until 2025-08-31; pension drawers after that are out-of-scope (I-9). Event: `paymentDate` (I-10).
enum EmployeeBackPayment {
    static let schema = OperationSchema(
        name: "employee.back-payment",
        clauses: [
            "JI-2020-19/3.2a", "JI-2020-19/3.2b", "JI-2020-19/3.2c", "JI-2020-19/3.3", "JI-2020-19/3.4",
            "JI-2022-8/5a", "JI-2022-8/5b", "JI-2022-8/5c", "LU-2020-47/5",
        ],
        event: ["paymentDate"],
        input: [
            Field("category", .category),
            Field("status", .status),
            Field("shortfallMonths", .int, range: 0...1200),
            Field("paymentDate", .date),
            .optional("lastContributionBase", .money),
            .optional("previousMonthDueBase", .money),
            .optional("previousMonthPension", .money),
            .optional("minimumBase", .money),
        ],
        output: [
            Field("base", .money),
            Field("rate", .decimal),
            Field("months", .int),
            Field("amount", .money),
            Field("payer", .payer),
            Field("personalAccountCredit", .money),
            Field("alternatives", .list(.alternative)),
        ]
    )

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        let employer = try input.choice("category", as: Category.self) == .employer
        let status = try input.choice("status", as: ContributionStatus.self)
        let months = try input.int("shortfallMonths")
        let paid = try input.date("paymentDate")

        guard paid >= p.date(.notices2020Start) else {
            throw .outOfScope(
                "paymentDate \(paid): before 2020-09-01, when JI-2020-19 took effect",
                Closings.of2020 + [Closings.ji2022])
        }

        let base: Money
        var trace: [String]
        if paid < p.date(.notices2022Start) {
            // I-10: JI-2020-19/3.2 governs payments 2020-09-01 .. 2022-04-30.
            switch status {
            case .onTimeFull:
                // JI-2020-19/3.2a: "按本人最后一次缴费基数和7%的比例".
                base = try input.needed("lastContributionBase", input.optionalMoney)
                trace = ["JI-2020-19/3.2a"]
            case .notOnTimeFull:
                // JI-2020-19/3.2b: "按退休时上月应缴纳基本医疗保险费的基数(低于……当年最低缴费基数的，按当年最低缴费基数)".
                let due = try input.needed("previousMonthDueBase", input.optionalMoney)
                base = max(due, try input.needed("minimumBase", input.optionalMoney))
                trace = ["JI-2020-19/3.2b"]
            case .drawingPension:
                // JI-2020-19/3.2c: "按补缴时上月养老金为基数(低于……当年最低缴费基数的，按当年最低缴费基数)".
                let pension = try input.needed("previousMonthPension", input.optionalMoney)
                base = max(pension, try input.needed("minimumBase", input.optionalMoney))
                trace = ["JI-2020-19/3.2c"]
            case .notEnrolled:
                // I-10: JI-2020-19/3.5 leaves retirees never enrolled to 济医保发〔2019〕50号.
                throw .outOfScope("status not-enrolled: JI-2020-19/3.5 defers to 济医保发〔2019〕50号", ["JI-2020-19/3.5"])
            }
            // JI-2020-19/3.3 (alternatives), 3.4 (no personal-account credit), LU-2020-47/5 (local rule).
            trace += ["JI-2020-19/3.3", "JI-2020-19/3.4", "LU-2020-47/5", Closings.ji2020, Closings.lu2020]
        } else {
            // JI-2022-8/5a: "未达到最低缴费年限的，可按规定补缴至规定年限".
            trace = ["JI-2022-8/5a"]
            switch status {
            case .onTimeFull:
                // JI-2022-8/5b: "按时足额……按本人最后一次缴费基数和7%".
                base = try input.needed("lastContributionBase", input.optionalMoney)
                trace.append("JI-2022-8/5b")
            case .drawingPension:
                // I-9: JI-2022-8/5 speaks of those "达到法定退休年龄办理退休时", not of people already drawing a pension;
                // only JI-2020-19/3.2c rules on them, and it expires on 2025-08-31.
                guard paid <= p.date(.notices2020End) else {
                    throw .outOfScope(
                        "status drawing-pension, paymentDate \(paid): JI-2020-19/3.2c, the only rule for pension drawers, expired on 2025-08-31",
                        ["JI-2022-8/5b", "JI-2020-19/3.2c", Closings.ji2020])
                }
                let pension = try input.needed("previousMonthPension", input.optionalMoney)
                base = max(pension, try input.needed("minimumBase", input.optionalMoney))
                trace += ["JI-2020-19/3.2c", Closings.ji2020]
            case .notEnrolled, .notOnTimeFull:
                // JI-2022-8/5b: "未参加职工医疗保险或未按时足额缴纳……按照当年最低缴费基数和7%".
                base = try input.needed("minimumBase", input.optionalMoney)
                trace.append("JI-2022-8/5b")
            }
            // JI-2022-8/5c: "无力一次性补足……可按月继续缴费……也可按规定参加居民医疗保险".
            trace.append("JI-2022-8/5c")
            // JI-2020-19/3.4 while JI-2020-19 is in force (I-10).
            if paid <= p.date(.notices2020End) { trace.append("JI-2020-19/3.4") }
            trace.append(Closings.ji2022)
        }

        // "按……基数和7%的比例……一次性补足": base × 7% × months, rounded half-up to the fen once (I-10, I-20).
        // base ≤ 10^13 fen and months ≤ 1200, so the product fits in Int64.
        let rate = p.hundredths(paid < p.date(.notices2022Start) ? .rate2020 : .rate2022, on: paid)
        let hundredths = base.fen * Int64(rate) * Int64(months)
        let amount = Money(fen: p.reading.divideBy100(hundredths))

        let output = Value.object([
            Member("base", .text(base)),
            Member("rate", .string(RateText.text(rate))),
            Member("months", .int(months)),
            Member("amount", .text(amount)),
            // "由单位(灵活就业人员由本人)" (JI-2020-19/3.2, JI-2022-8/5b).
            Member("payer", .string((employer ? Payer.employer : .individual).rawValue)),
            // JI-2020-19/3.4 "不计入医疗保险个人账户" (I-10: nothing later provides a credit).
            Member("personalAccountCredit", .text(Money(fen: 0))),
            // JI-2020-19/3.3, JI-2022-8/5c.
            Member("alternatives", .array(Alternative.allCases.map { .string($0.rawValue) })),
        ])
        return Answer(output: output, trace: trace)
    }
}
