import YibaoRules

extension ScalarProblem {
    /// The problem worded from the message catalogue, after "is" ("not a month (YYYY-MM)" / "不是月份（YYYY-MM）").
    public var localizedText: String {
        switch self {
        case .notBoolean: Messages.text("problem.notBoolean")
        case .notInteger: Messages.text("problem.notInteger")
        case .outOfRange(let range): Messages.text("problem.outOfRange", range.lowerBound, range.upperBound)
        case .notString: Messages.text("problem.notString")
        case .empty: Messages.text("problem.empty")
        case .notOneOf(let cases): Messages.text("problem.notOneOf", cases.joined(separator: "|"))
        case .notMonth: Messages.text("problem.notMonth")
        case .yearOutside(let years): Messages.text("problem.yearOutside", years.lowerBound, years.upperBound)
        case .notDate: Messages.text("problem.notDate")
        case .notMoney: Messages.text("problem.notMoney")
        case .moreThan(let money): Messages.text("problem.moreThan", money)
        case .notDecimal: Messages.text("problem.notDecimal")
        // Lint checks lists and mappings by shape before their scalars, so this reads only the rules' English name.
        case .notA(let name): Messages.text("problem.notA", Messages.text(name == "a list" ? "shape.list" : "shape.mapping"))
        }
    }
}
