/// `scope.transfer` — who the 2020 transfer notices cover.
///
/// LU-2020-47/1, JI-2020-19/1: "在本省行政区域内参加职工医保的个人……未达到法定退休年龄，
/// 需在省内跨统筹地区转移职工医保关系的人员". No event: the answer does not depend on a date.
enum ScopeTransfer {
    static let schema = OperationSchema(
        name: "scope.transfer",
        clauses: ["LU-2020-47/1", "JI-2020-19/1"],
        input: [
            Field("insurance", .insurance),
            Field("reachedRetirementAge", .bool),
            Field("crossArea", .bool),
            Field("crossProvince", .bool),
        ],
        output: [Field("inScope", .bool)]
    )

    static func evaluate(_ input: Record, _ p: Parameters) throws(RuleError) -> Answer {
        // LU-2020-47/1, JI-2020-19/1: employee insurance (参加职工医保), below retirement age
        // (未达到法定退休年龄), moving between pooling areas (跨统筹地区) inside the province (省内).
        let employee = try input.choice("insurance", as: Insurance.self) == .employee
        let retired = try input.bool("reachedRetirementAge")
        let crossArea = try input.bool("crossArea")
        let crossProvince = try input.bool("crossProvince")
        // I-23: pooling areas lie inside one province, so a move between provinces always crosses areas.
        guard crossArea || !crossProvince else {
            throw .invalid("crossArea: false although crossProvince is true (a move between provinces always crosses pooling areas)")
        }
        let inScope = employee && !retired && crossArea && !crossProvince
        return Answer(
            output: .object([Member("inScope", .bool(inScope))]),
            trace: ["LU-2020-47/1", "JI-2020-19/1"])
    }
}
