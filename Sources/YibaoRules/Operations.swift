/// The fourteen operations of the contract (§3), in its order.
public enum Operations {
    public static let all: [OperationSchema] = implementations.map(\.schema)

    public static func schema(named name: String) -> OperationSchema? {
        all.first { $0.name == name }
    }

    /// The operations by name, looked up once per evaluation.
    static let byName: [String: Implementation] = Dictionary(uniqueKeysWithValues: implementations.map { ($0.schema.name, $0) })

    /// Each operation's schema and rules (one file per operation under Operations/).
    static let implementations: [Implementation] = [
        Implementation(ScopeTransfer.schema, ScopeTransfer.evaluate),
        Implementation(EmployeeFirstEnrollment.schema, EmployeeFirstEnrollment.evaluate),
        Implementation(EmployeeInterruption.schema, EmployeeInterruption.evaluate),
        Implementation(EmployeeTransfer.schema, EmployeeTransfer.evaluate),
        Implementation(EmployeeHospitalStay.schema, EmployeeHospitalStay.evaluate),
        Implementation(EmployeeContributionYears.schema, EmployeeContributionYears.evaluate),
        Implementation(EmployeeMinimumYears.schema, EmployeeMinimumYears.evaluate),
        Implementation(EmployeeBackPayment.schema, EmployeeBackPayment.evaluate),
        Implementation(EmployeeRetireeBenefitsStart.schema, EmployeeRetireeBenefitsStart.evaluate),
        Implementation(EmployeeBaseLimitsYear.schema, EmployeeBaseLimitsYear.evaluate),
        Implementation(EmployeeTransferHandling.schema, EmployeeTransferHandling.evaluate),
        Implementation(ResidentBenefitsStart.schema, ResidentBenefitsStart.evaluate),
        Implementation(ResidentNewborn.schema, ResidentNewborn.evaluate),
        Implementation(RetireeNotEnrolled.schema, RetireeNotEnrolled.evaluate),
    ]

    struct Implementation: Sendable {
        let schema: OperationSchema
        let evaluate: @Sendable (Record, Parameters) throws(RuleError) -> Answer

        init(_ schema: OperationSchema, _ evaluate: @escaping @Sendable (Record, Parameters) throws(RuleError) -> Answer) {
            self.schema = schema
            self.evaluate = evaluate
        }
    }
}
