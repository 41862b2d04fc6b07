import Testing

@testable import YibaoRules

/// `null` is absent (docs/protocol.md): an optional field, or one the case does not need, may be null with the same
/// meaning as leaving it out; a required field that is null is invalid-input naming it; a nullable field keeps null.
@Suite struct NullAsAbsentTests {
    @Test func anOptionalNullIsTheDefault() {
        expectOutput(
            "resident.benefits-start", ["coverageYear": 2024, "paymentDate": "2024-02-10", "specialGroup": .null],
            ["benefitsFrom": "2024-05-01", "waitingMonths": 3])
    }

    @Test func anUnneededNullIsIgnored() {
        expectOutput(
            "employee.retiree-benefits-start",
            [
                "method": "lump-sum", "status": "on-time-full", "pensionFirstMonth": "2023-01", "lumpSumPaidDate": "2023-01-20",
                "minimumReachedMonth": .null,
            ],
            ["retireeBenefitsFrom": "2023-01", "inServiceBenefitsUntil": .null])
    }

    @Test(
        arguments: [
            (["sex": .null, "retirementDate": "2023-06-01", "actualMonths": 200, "deemedMonths": 100] as Value, "sex: required"),
            (
                [
                    "category": "employer", "status": "on-time-full", "shortfallMonths": 10, "paymentDate": "2022-05-01",
                    "lastContributionBase": .null,
                ] as Value, "lastContributionBase: required"
            ),
        ] as [(Value, String)])
    func aNeededNullIsRequired(input: Value, message: String) {
        let op = input["sex"] != nil ? "employee.minimum-years" : "employee.back-payment"
        expectError(op, input, .invalidInput, message: message)
    }

    /// settledMonth is nullable: null keeps its meaning (not settled), the same as leaving it out.
    @Test func aNullableFieldKeepsNull() {
        let base: Value = ["category": "employer", "firstUnpaidMonth": "2022-08", "lastUnpaidMonth": "2022-09"]
        expectOutput("employee.interruption", base.with("settledMonth", .null), ["restoredFrom": .null])
        expectOutput("employee.interruption", base, ["restoredFrom": .null])
    }
}
