/// `employee.transfer` — moving the employee insurance relation between pooling areas of Shandong.
///
/// 2020-09 .. 2022-04: LU-2020-47/2a, 2b, 2d with Jining's JI-2020-19/2.1–2.3.
/// From 2022-05: LU-2021-54/3a–3d (I-2: they replace the 2020 rules). Event: `continuationMonth` (I-4).
enum EmployeeTransfer {
    static let schema = OperationSchema(
        name: "employee.transfer",
        clauses: [
            "LU-2020-47/2a", "LU-2020-47/2b", "LU-2020-47/2d",
            "JI-2020-19/2.1", "JI-2020-19/2.2", "JI-2020-19/2.3",
            "LU-2021-54/3a", "LU-2021-54/3b", "LU-2021-54/3c", "LU-2021-54/3d",
        ],
        event: ["continuationMonth"],
        input: [
            Field("category", .category),
            Field("lastPaidMonthOut", .month),
            Field("reductionMonth", .month),
            Field("continuationMonth", .month),
            Field("backPaysGap", .bool),
            .optional("crossProvince", .bool, default: .bool(false)),
            // I-33: "转入职工医保后首次参保时的缴费基数" (JI-2020-19/2.2, 2.3); when given, the answer has gapBackPayBase.
            .optional("firstBaseIn", .money),
            // I-36: "应从其与单位建立劳动关系之月起接续" (LU-2020-47/2b, JI-2020-19/2.2); when given, the answer has
            // continuationLateMonths.
            .optional("laborRelationMonth", .month),
        ],
        output: [
            Field("outAreaBenefitsUntil", .month),
            Field("withinWindow", .bool),
            Field("inAreaBenefitsFrom", .month),
            Field("gapBackPayAllowed", .bool),
            Field("gapCountsTowardYears", .bool),
            Field("gapExpensesCovered", .bool),
            .optional("gapBackPayBase", .nullable(.money)),
            .optional("continuationLateMonths", .nullable(.int)),
        ]
    )

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        let employer = try input.choice("category", as: Category.self) == .employer
        let lastPaid = try input.month("lastPaidMonthOut")
        let reduction = try input.month("reductionMonth")
        let continuation = try input.month("continuationMonth")
        let backPays = try input.bool("backPaysGap")
        let crossProvince = try input.bool("crossProvince")
        let firstBase = try input.optionalMoney("firstBaseIn")
        let laborRelation = try input.optionalMonth("laborRelationMonth")

        // I-4: an impossible sequence. I-28: continuing before the reduction month is an overlap (LU-2020-47/3
        // "重复参保"), valid input: within any window that starts later.
        guard reduction >= lastPaid else { throw .invalid("reductionMonth: before lastPaidMonthOut") }
        // I-36: an employer insures its employees; contributions through the new employer before the labour relation
        // with it began are impossible.
        if let laborRelation, employer, continuation < laborRelation {
            throw .invalid("continuationMonth: before laborRelationMonth")
        }

        // I-4: the event is the continuation month. I-37: a continuation later than laborRelationMonth is judged by
        // the month it was made, like any other.
        let rules2022 = continuation >= p.date(.notices2022Start).monthValue
        guard rules2022 || continuation >= p.date(.notices2020Start).monthValue else {
            throw .outOfScope(
                "continuationMonth \(continuation): before 2020-09, when LU-2020-47 and JI-2020-19 took effect",
                Closings.of2020 + Closings.of2022)
        }
        if crossProvince {
            // I-4: the notices cover transfers inside Shandong (LU-2020-47/1, JI-2020-19/1 "省内跨统筹地区";
            // LU-2021-54/3a "省内跨统筹地区"); cross-province transfers follow 医保办发〔2021〕43号.
            throw .outOfScope(
                "crossProvince: the notices cover transfers inside Shandong only",
                rules2022 ? ["LU-2021-54/3a"] : ["LU-2020-47/1", "JI-2020-19/1"])
        }

        // "自转出地办理职工医保减员当月起，3个月内接续" (LU-2020-47/2b, JI-2020-19/2.2, 2.3, LU-2021-54/3b),
        // I-4: within = continuation ≤ reduction + (N − 1), N = 3.
        let day = continuation.firstDay
        let window = p.count(rules2022 ? .transferWindow2022 : .transferWindow2020, on: day)
        let within = continuation <= reduction + (window - 1)
        let result =
            rules2022
            ? rules2022From(continuation: continuation, within: within, backPays: backPays, employer: employer, p)
            : rules2020From(continuation: continuation, within: within, backPays: backPays, employer: employer, p)

        var members = [
            // LU-2020-47/2a, JI-2020-19/2.1, LU-2021-54/3a: "待遇享受至转出地缴费之月底".
            Member("outAreaBenefitsUntil", .text(lastPaid)),
            Member("withinWindow", .bool(within)),
            Member("inAreaBenefitsFrom", .text(result.inAreaFrom)),
            Member("gapBackPayAllowed", .bool(result.backPayAllowed)),
            Member("gapCountsTowardYears", .bool(result.countsTowardYears)),
            Member("gapExpensesCovered", .bool(result.expensesCovered)),
        ]
        if let firstBase {
            // JI-2020-19/2.2, 2.3 "补缴时按照转入职工医保后首次参保时的缴费基数进行补缴" while the gap may be back-paid
            // (I-33); LU-2021-54/3 names no base (I-34, provisional: null).
            let base = !rules2022 && result.backPayAllowed ? firstBase : nil
            members.append(Member("gapBackPayBase", base.map { .text($0) } ?? .null))
        }
        if let laborRelation {
            // LU-2020-47/2b, JI-2020-19/2.2 "随用人单位参保职工应从其与单位建立劳动关系之月起接续职工医保": the months
            // from the labour-relation month to the continuation month (I-36); null for a flexible worker, who has no
            // employer (I-36), and, provisionally, from 2022-05, when LU-2021-54/3 replaces the 2020 rule (I-37).
            let late = employer && !rules2022 ? continuation - laborRelation : nil
            members.append(Member("continuationLateMonths", late.map { .int($0) } ?? .null))
        }
        // The open readings this answer rests on (docs/interpretations.md).
        // With the output fields each reading's other option can change (Answer.readingFields).
        var readings: [String] = []
        var fields: [String: [String]] = [:]
        // I-3: within the window, a gap, not back-paid: the text does not say whether benefits start in C or C+1.
        if within && continuation > lastPaid + 1 && !backPays {
            readings.append("I-3")
            fields["I-3"] = ["inAreaBenefitsFrom"]
        }
        // I-28: continuing before the reduction month (an overlap) read as valid input within the window.
        if continuation < reduction {
            readings.append("I-28")
            fields["I-28"] = ["error"]
        }
        // I-34: from 2022-05 while JI-2020-19 is in force, its base sentence might still name the base.
        if rules2022, firstBase != nil, continuation <= p.date(.notices2020End).monthValue {
            readings.append("I-34")
            fields["I-34"] = ["gapBackPayBase"]
        }
        if let laborRelation, employer {
            // I-37: a late continuation under the 2020 notices judged by its own month, not by the labour-relation
            // month; from 2022-05 while JI-2020-19 is in force, the sentence not carried into LU-2021-54/3.
            let from2020 = laborRelation >= p.date(.notices2020Start).monthValue && laborRelation < continuation
            let in2020Force = continuation <= p.date(.notices2020End).monthValue
            if rules2022 ? in2020Force : from2020 {
                readings.append("I-37")
                // (2) only the months late; (1) judged by the labour-relation month: the window and what follows it.
                fields["I-37"] =
                    rules2022
                    ? ["continuationLateMonths"]
                    : [
                        "withinWindow", "inAreaBenefitsFrom", "gapBackPayAllowed", "gapCountsTowardYears", "gapExpensesCovered",
                        "gapBackPayBase",
                    ]
            }
        }
        let output = Value.object(members)
        return Answer(output: output, trace: result.trace, interpretations: readings, readingFields: fields)
    }

    struct Outcome {
        var inAreaFrom: Month
        var backPayAllowed: Bool
        var countsTowardYears: Bool
        var expensesCovered: Bool
        var trace: [String]
    }

    /// 2020-09 .. 2022-04: LU-2020-47/2 with JI-2020-19/2.1–2.3.
    static func rules2020From(continuation: Month, within: Bool, backPays: Bool, employer: Bool, _ p: Parameters) -> Outcome {
        let backPaid = within && backPays
        let day = continuation.firstDay
        let inArea = continuation + p.count(.transferInAreaOffset2020, on: day)
        if employer {
            // LU-2020-47/2a, JI-2020-19/2.1: in-area benefits "自参保缴费当月起".
            // LU-2020-47/2b, JI-2020-19/2.2: within 3 months + back pay → the in-area fund pays the gap's
            // expenses; beyond → "不补缴中断缴费期间的医疗保险费……在转入地参保缴费的次月开始享受".
            // I-3: within the window benefits start in the continuation month even without back pay.
            return Outcome(
                inAreaFrom: within ? inArea : continuation + p.count(.transferBeyondOffset2020, on: day),
                backPayAllowed: within,
                countsTowardYears: backPaid,
                expensesCovered: backPaid,
                trace: ["LU-2020-47/2a", "LU-2020-47/2b", "JI-2020-19/2.1", "JI-2020-19/2.2"]
                    + Closings.of2020)
        }
        // LU-2020-47/2d: flexible workers follow the in-area rules, i.e. JI-2020-19/2.3.
        // I-5: beyond the window benefits come after six paid months C .. C+5, from C+6, and the gap
        // cannot be back-paid ("不补缴"); within it, from C (as I-3), gap expenses covered when back-paid.
        return Outcome(
            inAreaFrom: within ? inArea : continuation + p.count(.flexiblePaidMonths2020, on: day),
            backPayAllowed: within,
            countsTowardYears: backPaid,
            expensesCovered: backPaid,
            trace: ["LU-2020-47/2d", "JI-2020-19/2.3"] + Closings.of2020)
    }

    /// From 2022-05: LU-2021-54/3a–3d.
    static func rules2022From(continuation: Month, within: Bool, backPays: Bool, employer: Bool, _ p: Parameters) -> Outcome {
        let day = continuation.firstDay
        var trace = ["LU-2021-54/3a"]
        let outcome: Outcome
        if within {
            // LU-2021-54/3b: "3个月内接续……并补缴中断缴费期间费用的，自参保缴费的当月起享受……转入地按规定支付
            // 其补缴费期间发生的医疗费用". I-3: the start month does not depend on the back payment.
            trace.append("LU-2021-54/3b")
            outcome = Outcome(
                inAreaFrom: continuation + p.count(.transferWithinOffset2022, on: day), backPayAllowed: true,
                countsTowardYears: backPays, expensesCovered: backPays, trace: [])
        } else {
            // LU-2021-54/3c: "超过3个月接续……自参保缴费的次月起享受……补缴中断缴费期间费用的，只计算基本医疗保险
            // 缴费年限，欠费期间发生的医疗费用不纳入医疗保险统筹基金支付".
            trace.append("LU-2021-54/3c")
            outcome = Outcome(
                inAreaFrom: continuation + p.count(.transferBeyondOffset2022, on: day), backPayAllowed: true,
                countsTowardYears: backPays, expensesCovered: false, trace: [])
        }
        if !employer {
            // LU-2021-54/3d: flexible workers "按照以上规定执行".
            trace.append("LU-2021-54/3d")
        }
        var result = outcome
        result.trace = trace + Closings.of2022
        return result
    }
}
