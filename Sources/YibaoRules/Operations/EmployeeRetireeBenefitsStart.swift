/// `employee.retiree-benefits-start` — when retiree benefits start after topping up the years.
///
/// Lump sum: JI-2022-8/6a "一次性补足最低缴费年限后，次月起享受退休人员医疗保险待遇"; 6b "按时足额缴纳……且于
/// 领取养老金的3个月内一次性补足缴费年限的，自领取养老金的首月起享受". Continued payment: JI-2022-8/5c
/// "继续缴费达到最低缴费年限后，自次月起享受退休人员的医疗保险待遇"; before 2022-05 JI-2020-19/3.3
/// "分段继续缴费的，缴费期间享受在职职工医疗保险待遇". Event: `lumpSumPaidDate` or `minimumReachedMonth` (I-11).
enum EmployeeRetireeBenefitsStart {
    static let schema = OperationSchema(
        name: "employee.retiree-benefits-start",
        clauses: ["JI-2022-8/5c", "JI-2022-8/6a", "JI-2022-8/6b", "JI-2020-19/3.3"],
        event: ["lumpSumPaidDate", "minimumReachedMonth"],
        input: [
            Field("method", .method),
            .optional("status", .status),
            .optional("pensionFirstMonth", .month),
            .optional("lumpSumPaidDate", .date),
            .optional("minimumReachedMonth", .month),
        ],
        output: [
            Field("retireeBenefitsFrom", .month),
            Field("inServiceBenefitsUntil", .nullable(.month)),
        ]
    )

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        if try input.choice("method", as: RetirementMethod.self) == .lumpSum {
            return try lumpSum(input, p)
        }
        return try continuedPayment(input, p)
    }

    static func lumpSum(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        let paid = try input.needed("lumpSumPaidDate", input.optionalDate)
        let status = try input.needed("status") { name throws(RuleError) in try input.optionalChoice(name, as: ContributionStatus.self) }
        // I-11: the 2020 notices do not say when benefits start after a lump sum.
        guard paid >= p.date(.notices2022Start) else {
            throw .outOfScope(
                "lumpSumPaidDate \(paid): before 2022-05-01; the 2020 notices do not say when benefits start after a lump sum",
                [Closings.ji2022])
        }
        let paidMonth = paid.monthValue
        let from: Month
        let clause: String
        if status == .onTimeFull {
            // I-11: pensionFirstMonth is needed to apply 6b.
            let pension = try input.needed("pensionFirstMonth", input.optionalMonth)
            if paidMonth <= pension + (p.count(.pensionWindow, on: paid) - 1) {
                // JI-2022-8/6b: on time and in full, paid within 3 months of the first pension month
                // (I-11: that month .. +2, or before it) → from the first pension month.
                from = pension
                clause = "JI-2022-8/6b"
            } else {
                // JI-2022-8/6a: "次月起".
                from = paidMonth + p.count(.lumpSumOffset, on: paid)
                clause = "JI-2022-8/6a"
            }
        } else {
            // JI-2022-8/6a: "次月起".
            from = paidMonth + p.count(.lumpSumOffset, on: paid)
            clause = "JI-2022-8/6a"
        }
        let output = Value.object([
            Member("retireeBenefitsFrom", .text(from)),
            Member("inServiceBenefitsUntil", .null),
        ])
        return Answer(output: output, trace: [clause, Closings.ji2022])
    }

    static func continuedPayment(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        let reached = try input.needed("minimumReachedMonth", input.optionalMonth)
        let trace: [String]
        var offset = 1
        if reached >= p.date(.notices2022Start).monthValue {
            // JI-2022-8/5c: in-service benefits while paying; retiree benefits "自次月起".
            trace = ["JI-2022-8/5c", Closings.ji2022]
            offset = p.count(.continuedOffset2022, on: reached.firstDay)
        } else if reached >= p.date(.notices2020Start).monthValue {
            // JI-2020-19/3.3 (2020-09 .. 2022-04, I-11): in-service benefits while paying, retiree benefits
            // once the minimum is reached.
            trace = ["JI-2020-19/3.3", Closings.ji2020]
        } else {
            throw .outOfScope(
                "minimumReachedMonth \(reached): before 2020-09, when JI-2020-19 took effect",
                [Closings.ji2020, Closings.ji2022])
        }
        let output = Value.object([
            Member("retireeBenefitsFrom", .text(reached + offset)),
            Member("inServiceBenefitsUntil", .text(reached)),
        ])
        return Answer(output: output, trace: trace)
    }
}
