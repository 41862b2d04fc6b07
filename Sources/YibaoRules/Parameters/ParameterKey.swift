/// The numbers and dates of the notices that the rules read, one case per parameter of
/// vectors/catalog/parameters.yaml (the file must define exactly these, each in its unit).
public enum ParameterKey: String, CaseIterable, Sendable {
    // In-force dates.
    case notices2020Start = "in-force.2020.start"
    case notices2020End = "in-force.2020.end"
    case issue2022 = "in-force.2022.issue"
    case notices2022Start = "in-force.2022.start"
    // Minimum years.
    case minimumYearsTransitionEnd = "minimum-years.transition.end"
    case actualYears2020 = "minimum-years.2020.actual"
    case actualYearsTransition = "minimum-years.transition.actual"
    case actualYearsOutsideProvince = "minimum-years.outside-province.actual"
    case totalYearsMale = "minimum-years.total.male"
    case totalYearsFemale = "minimum-years.total.female"
    // Transfers.
    case transferWindow2020 = "transfer.2020.window"
    case transferInAreaOffset2020 = "transfer.2020.in-area.start"
    case transferBeyondOffset2020 = "transfer.2020.beyond.start"
    case flexiblePaidMonths2020 = "transfer.2020.flexible.paid-months"
    case transferWindow2022 = "transfer.2022.window"
    case transferWithinOffset2022 = "transfer.2022.within.start"
    case transferBeyondOffset2022 = "transfer.2022.beyond.start"
    case sameProvinceWorkingDays = "transfer-handling.province.working-days"
    case crossProvinceWorkingDays = "transfer-handling.cross-province.working-days"
    // First enrolment, interruption.
    case firstEnrollmentOffset = "first-enrollment.start"
    case suspensionOffset = "interruption.suspension.start"
    case restorationOffset = "interruption.restoration.start"
    case interruptionThreshold = "interruption.flexible.threshold"
    case interruptionWait = "interruption.flexible.wait"
    case arrearsTransitionOffset = "interruption.arrears-transition.start"
    case arrearsTransitionMonths = "interruption.arrears-transition.length"
    // Back payment, retiree benefits.
    case rate2020 = "back-payment.2020.rate"
    case rate2022 = "back-payment.2022.rate"
    case lumpSumOffset = "retiree.lump-sum.start"
    case pensionWindow = "retiree.pension.window"
    case continuedOffset2022 = "retiree.continued.start"
    // Base limits.
    case announcementOffset = "base-limits.announcement.start"
    // Residents, newborns.
    case residentFirstCoverageYear = "resident.first-coverage-year"
    case collectionFirstMonth = "resident.collection.first-month"
    case collectionLastMonth = "resident.collection.last-month"
    case residentWait = "resident.wait"
    case newbornWithin = "newborn.within"
    case newbornBeyond = "newborn.beyond"
    case newbornLateOffset = "newborn.late.start"

    /// For a date shared by several operations, the operations that switch rules on it (each gets its own mutants in
    /// `yibao strength`: a rule selected on the wrong side of the date in one operation is its own error); empty for
    /// the others.
    public var switchingOperations: [String] {
        switch self {
        case .notices2020Start:
            [
                "employee.transfer", "employee.hospital-stay-during-transfer", "employee.minimum-years", "employee.back-payment",
                "employee.retiree-benefits-start",
            ]
        case .notices2020End:
            ["employee.hospital-stay-during-transfer", "employee.back-payment"]
        case .issue2022:
            ["employee.interruption", "employee.minimum-years"]
        case .notices2022Start:
            [
                "employee.first-enrollment", "employee.interruption", "employee.transfer", "employee.minimum-years",
                "employee.back-payment", "employee.retiree-benefits-start", "employee.base-limits-year",
                "employee.transfer-handling", "resident.newborn",
            ]
        default:
            []
        }
    }

    /// The unit the file must give it in.
    public var unit: Parameters.Unit {
        switch self {
        case .notices2020Start, .notices2020End, .issue2022, .notices2022Start, .minimumYearsTransitionEnd:
            .date
        case .actualYears2020, .actualYearsTransition, .actualYearsOutsideProvince, .totalYearsMale, .totalYearsFemale:
            .years
        case .transferWindow2020, .flexiblePaidMonths2020, .transferWindow2022, .interruptionThreshold, .interruptionWait,
            .arrearsTransitionMonths, .pensionWindow, .residentWait, .newbornWithin, .newbornBeyond:
            .months
        case .transferInAreaOffset2020, .transferBeyondOffset2020, .transferWithinOffset2022, .transferBeyondOffset2022,
            .firstEnrollmentOffset, .suspensionOffset, .restorationOffset, .arrearsTransitionOffset, .lumpSumOffset,
            .continuedOffset2022, .announcementOffset, .newbornLateOffset:
            .offset
        case .sameProvinceWorkingDays, .crossProvinceWorkingDays:
            .workingDays
        case .rate2020, .rate2022:
            .rate
        case .collectionFirstMonth, .collectionLastMonth:
            .monthOfYear
        case .residentFirstCoverageYear:
            .year
        }
    }
}
