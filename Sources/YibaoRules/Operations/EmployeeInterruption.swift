/// `employee.interruption` — an employer (or a flexible worker) stops paying and later settles.
///
/// LU-2021-54/2a "自中断缴费的次月起暂停支付……从补齐欠费和滞纳金的次月起，恢复"; 2b "补缴中断缴费期间费用的，
/// 只计算基本医疗保险缴费年限，欠费期间发生的医疗费用不纳入医疗保险统筹基金支付"; 2c "灵活就业人员中断缴费的
/// 参照此规定执行，中断缴费超过3个月的，设置3个月的待遇享受等待期（含缴费当月）"; JI-2022-8/7 (the same for
/// Jining's employers) with its transition 7.1 / 7.2. Event: `settledMonth`, or the month the suspension
/// starts when not settled (contract §2, I-7).
enum EmployeeInterruption {
    static let schema = OperationSchema(
        name: "employee.interruption",
        clauses: ["LU-2021-54/2a", "LU-2021-54/2b", "LU-2021-54/2c", "JI-2022-8/7", "JI-2022-8/7.1", "JI-2022-8/7.2"],
        event: ["settledMonth", "firstUnpaidMonth"],
        input: [
            Field("category", .category),
            Field("firstUnpaidMonth", .month),
            Field("lastUnpaidMonth", .month),
            .optional("settledMonth", .nullable(.month), default: .null),
            .optional("currentContributionsOnTime", .bool, default: .bool(true)),
            .optional("backPaysArrears", .bool, default: .bool(true)),
        ],
        output: [
            Field("suspendedFrom", .month),
            Field("restoredFrom", .nullable(.month)),
            Field("interruptionMonths", .int),
            Field("waitingMonths", .int),
            Field("arrearsCountTowardYears", .bool),
            Field("arrearsExpensesCovered", .bool),
        ]
    )

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        let employer = try input.choice("category", as: Category.self) == .employer
        let first = try input.month("firstUnpaidMonth")
        let last = try input.month("lastUnpaidMonth")
        let settled = try input.optionalMonth("settledMonth")
        let onTime = try input.bool("currentContributionsOnTime")
        // I-7: false = a flexible worker resumed paying in settledMonth without paying the interrupted months (2c "缴费").
        let backPays = try input.bool("backPaysArrears")

        // I-7: impossible periods.
        guard last >= first else { throw .invalid("lastUnpaidMonth: before firstUnpaidMonth") }
        if let settled, settled < last { throw .invalid("settledMonth: before lastUnpaidMonth") }
        if let settled, !backPays {
            // I-7: an employer's benefits return only once "补齐欠费和滞纳金" (2a); unsettled is settledMonth null.
            guard !employer else { throw .invalid("backPaysArrears: an employer's benefits return only once the arrears are paid") }
            // I-7: the month payment resumes is paid, so it comes after the last unpaid month.
            guard settled > last else { throw .invalid("settledMonth: resumed without back pay in an unpaid month") }
        }

        // LU-2021-54/2a: "自中断缴费的次月起暂停支付".
        let suspendedFrom = first + p.count(.suspensionOffset, on: first.firstDay)
        // I-7: the event is the settlement month, or the start of the suspension when not settled.
        let event = settled ?? suspendedFrom
        guard event >= p.date(.notices2022Start).monthValue else {
            throw .outOfScope(
                "\(settled == nil ? "suspension from" : "settledMonth") \(event): before 2022-05; the 2020 notices do not rule on interruptions",
                Closings.of2022)
        }

        var trace = ["LU-2021-54/2a"]
        let interruptionMonths = last - first + 1
        var waitingMonths = 0
        var restoredFrom: Month? = nil
        if let settled {
            // LU-2021-54/2a: "从补齐欠费和滞纳金的次月起，恢复".
            // I-32 (provisional): a flexible worker resuming without back pay is restored the same way.
            restoredFrom = settled + p.count(.restorationOffset, on: settled.firstDay)
            // LU-2021-54/2b: back-paid arrears count for years; their expenses are not paid.
            if backPays { trace.append("LU-2021-54/2b") }
        }
        if !employer {
            // LU-2021-54/2c: flexible workers follow 2a/2b ("参照此规定执行"); more than 3 months
            // interrupted → a 3-month wait including the payment month (I-7: the settlement month).
            trace.append("LU-2021-54/2c")
            let day = event.firstDay
            if interruptionMonths > p.count(.interruptionThreshold, on: day) {
                waitingMonths = p.count(.interruptionWait, on: day)
                restoredFrom = settled.map { $0 + waitingMonths }
            }
        }

        var expensesCovered = false
        // The open readings this answer rests on (docs/interpretations.md).
        var readings: [String] = []
        var fields: [String: [String]] = [:]  // the output fields each reading's other option can change
        if !employer, settled != nil {
            // I-30: a flexible worker's settlement counts the arrears toward the years, as an employer's does.
            if backPays {
                readings.append("I-30")
                fields["I-30"] = ["arrearsCountTowardYears"]
            }
            // I-32: resuming without back pay after 3 months or fewer restores from the month after.
            if !backPays && waitingMonths == 0 {
                readings.append("I-32")
                fields["I-32"] = ["restoredFrom", "waitingMonths"]
            }
        }
        if employer {
            // JI-2022-8/7: Jining's rule for employers (suspend / restore / arrears expenses not paid).
            trace.append("JI-2022-8/7")
            // I-6: arrears are "本通知下发前的历史欠费" when every unpaid month is before the issue month.
            let historical = last < p.date(.issue2022).monthValue
            // JI-2022-8/7 "本通知下发次月起6个月内，为政策调整过渡期" (I-6).
            let transitionStart = p.date(.issue2022).monthValue + p.count(.arrearsTransitionOffset)
            let transitionEnd = transitionStart + (p.count(.arrearsTransitionMonths) - 1)
            if historical, let settled, settled >= transitionStart, settled <= transitionEnd {
                // JI-2022-8/7.1, I-6: in the transition (2022-05..2022-10) an employer paying on time and
                // settling historical arrears keeps the arrears-period expenses covered.
                trace.append("JI-2022-8/7.1")
                expensesCovered = onTime
            } else if onTime, first < p.date(.issue2022).monthValue, let settled, settled >= transitionStart,
                settled <= transitionEnd
            {
                // I-29: arrears that straddle the issue month are not historical (the other reading covers them).
                readings.append("I-29")
                fields["I-29"] = ["arrearsExpensesCovered"]
            } else if let settled, settled > transitionEnd {
                // JI-2022-8/7.2: after the transition, the arrears of any interruption, historical or new, are no
                // longer paid for once back-paid ("因故中断缴纳……或未按规定补缴历史欠费的，再行补缴后……不再纳入").
                trace.append("JI-2022-8/7.2")
            }
        }
        trace += Closings.of2022

        let output = Value.object([
            Member("suspendedFrom", .text(suspendedFrom)),
            Member("restoredFrom", .text(restoredFrom)),
            Member("interruptionMonths", .int(interruptionMonths)),
            Member("waitingMonths", .int(waitingMonths)),
            // LU-2021-54/2b, I-7: "只计算基本医疗保险缴费年限" once back-paid.
            Member("arrearsCountTowardYears", .bool(settled != nil && backPays)),
            Member("arrearsExpensesCovered", .bool(expensesCovered)),
        ])
        return Answer(output: output, trace: trace, interpretations: readings, readingFields: fields)
    }
}
