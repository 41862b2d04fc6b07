import Testing

@testable import YibaoRules

/// The schemas as contract §3 lists them (names fixed: outside tools depend on them).
@Suite struct SchemaTests {
    static let names = [
        "scope.transfer", "employee.first-enrollment", "employee.interruption", "employee.transfer",
        "employee.hospital-stay-during-transfer", "employee.contribution-years", "employee.minimum-years",
        "employee.back-payment", "employee.retiree-benefits-start", "employee.base-limits-year",
        "employee.transfer-handling", "resident.benefits-start", "resident.newborn", "retiree.not-enrolled",
    ]

    @Test func fourteenOperationsInContractOrder() {
        #expect(Operations.all.map(\.name) == Self.names)
        for name in Self.names { #expect(Operations.schema(named: name)?.name == name) }
        #expect(Operations.schema(named: "employee.unknown") == nil)
    }

    static let inputs: [(String, [String])] = [
        ("scope.transfer", ["insurance", "reachedRetirementAge", "crossArea", "crossProvince"]),
        ("employee.first-enrollment", ["category", "firstContributionMonth", "localHukou"]),
        (
            "employee.interruption",
            ["category", "firstUnpaidMonth", "lastUnpaidMonth", "settledMonth", "currentContributionsOnTime", "backPaysArrears"]
        ),
        (
            "employee.transfer",
            [
                "category", "lastPaidMonthOut", "reductionMonth", "continuationMonth", "backPaysGap", "crossProvince", "firstBaseIn",
                "laborRelationMonth",
            ]
        ),
        ("employee.hospital-stay-during-transfer", ["admissionDate", "dischargeDate", "areaAtAdmission", "areaAtDischarge"]),
        ("employee.contribution-years", ["periods", "systemStart", "listOverlaps"]),
        ("employee.minimum-years", ["sex", "retirementDate", "actualMonths", "deemedMonths", "fromOutsideProvince"]),
        (
            "employee.back-payment",
            [
                "category", "status", "shortfallMonths", "paymentDate", "lastContributionBase",
                "previousMonthDueBase", "previousMonthPension", "minimumBase",
            ]
        ),
        ("employee.retiree-benefits-start", ["method", "status", "pensionFirstMonth", "lumpSumPaidDate", "minimumReachedMonth"]),
        ("employee.base-limits-year", ["month", "announcements"]),
        (
            "employee.transfer-handling",
            ["fromCity", "toCity", "fromProvince", "toProvince", "applicationDate", "holidays", "extraWorkdays"]
        ),
        ("resident.benefits-start", ["coverageYear", "paymentDate", "specialGroup"]),
        ("resident.newborn", ["birthDate", "paymentDate", "option"]),
        ("retiree.not-enrolled", ["enrolledAtRetirement", "hukouCounty"]),
    ]

    static let outputs: [(String, [String])] = [
        ("scope.transfer", ["inScope"]),
        ("employee.first-enrollment", ["eligible", "benefitsFrom"]),
        (
            "employee.interruption",
            [
                "suspendedFrom", "restoredFrom", "interruptionMonths", "waitingMonths",
                "arrearsCountTowardYears", "arrearsExpensesCovered",
            ]
        ),
        (
            "employee.transfer",
            [
                "outAreaBenefitsUntil", "withinWindow", "inAreaBenefitsFrom", "gapBackPayAllowed",
                "gapCountsTowardYears", "gapExpensesCovered", "gapBackPayBase", "continuationLateMonths",
            ]
        ),
        ("employee.hospital-stay-during-transfer", ["payingArea"]),
        ("employee.contribution-years", ["actualMonths", "deemedMonths", "totalMonths", "overlaps"]),
        ("employee.minimum-years", ["requirements", "met", "shortfallMonths"]),
        ("employee.back-payment", ["base", "rate", "months", "amount", "payer", "personalAccountCredit", "alternatives"]),
        ("employee.retiree-benefits-start", ["retireeBenefitsFrom", "inServiceBenefitsUntil"]),
        ("employee.base-limits-year", ["wageYear"]),
        ("employee.transfer-handling", ["transferNeeded", "deadline"]),
        ("resident.benefits-start", ["benefitsFrom", "waitingMonths"]),
        ("resident.newborn", ["coverage", "asOrdinaryResident"]),
        ("retiree.not-enrolled", ["options"]),
    ]

    @Test(arguments: inputs)
    func inputFields(operation: String, fields: [String]) throws {
        #expect(try #require(Operations.schema(named: operation)).input.map(\.name) == fields)
    }

    @Test(arguments: outputs)
    func outputFields(operation: String, fields: [String]) throws {
        #expect(try #require(Operations.schema(named: operation)).output.map(\.name) == fields)
    }

    static func field(_ operation: String, _ name: String) -> Field? {
        Operations.schema(named: operation)?.input.first { $0.name == name }
    }

    /// Optional fields and their defaults (contract §3 and the brief).
    static let optionals: [(String, String, Value?)] = [
        ("employee.transfer", "crossProvince", false),
        ("employee.first-enrollment", "localHukou", true),
        ("employee.interruption", "settledMonth", nil as Value),
        ("employee.interruption", "currentContributionsOnTime", true),
        ("employee.interruption", "backPaysArrears", true),
        ("employee.transfer", "firstBaseIn", Optional<Value>.none),
        ("employee.transfer", "laborRelationMonth", Optional<Value>.none),
        ("employee.contribution-years", "listOverlaps", false),
        ("employee.minimum-years", "fromOutsideProvince", false),
        ("resident.benefits-start", "specialGroup", "none"),
        ("employee.transfer-handling", "holidays", []),
        ("employee.transfer-handling", "extraWorkdays", []),
        ("employee.contribution-years", "systemStart", [:]),
        ("employee.back-payment", "lastContributionBase", Optional<Value>.none),
        ("employee.back-payment", "previousMonthDueBase", Optional<Value>.none),
        ("employee.back-payment", "previousMonthPension", Optional<Value>.none),
        ("employee.back-payment", "minimumBase", Optional<Value>.none),
        ("employee.retiree-benefits-start", "status", Optional<Value>.none),
        ("employee.retiree-benefits-start", "pensionFirstMonth", Optional<Value>.none),
        ("employee.retiree-benefits-start", "lumpSumPaidDate", Optional<Value>.none),
        ("employee.retiree-benefits-start", "minimumReachedMonth", Optional<Value>.none),
        ("resident.newborn", "option", Optional<Value>.none),
    ]

    @Test(arguments: optionals)
    func optionalFieldsAndDefaults(operation: String, name: String, defaultValue: Value?) throws {
        let field = try #require(Self.field(operation, name))
        #expect(!field.required)
        #expect(field.defaultValue == defaultValue)
    }

    @Test func requiredFieldsAreThoseWithoutDefaults() {
        let optional = Set(Self.optionals.map { "\($0.0)/\($0.1)" })
        for schema in Operations.all {
            for field in schema.input {
                #expect(field.required == !optional.contains("\(schema.name)/\(field.name)"), "\(schema.name).\(field.name)")
            }
        }
    }

    @Test func exactTypes() {
        #expect(Self.field("employee.interruption", "settledMonth")?.type == .nullable(.month))
        #expect(Self.field("employee.interruption", "category")?.type == .enumeration(["employer", "flexible"]))
        #expect(Self.field("employee.minimum-years", "sex")?.type == .enumeration(["male", "female"]))
        #expect(Self.field("scope.transfer", "insurance")?.type == .enumeration(["employee", "resident"]))
        #expect(
            Self.field("employee.back-payment", "status")?.type
                == .enumeration(["on-time-full", "not-on-time-full", "not-enrolled", "drawing-pension"]))
        #expect(Self.field("employee.back-payment", "minimumBase")?.type == .money)
        #expect(Self.field("employee.retiree-benefits-start", "method")?.type == .enumeration(["lump-sum", "continued-payment"]))
        #expect(
            Self.field("resident.benefits-start", "specialGroup")?.type
                == .enumeration(["none", "subsistence-allowance", "extreme-poverty", "low-income", "relapse-poverty"]))
        #expect(Self.field("resident.newborn", "option")?.type == .enumeration(["birth-and-next-year", "next-year-only"]))
        #expect(Self.field("employee.contribution-years", "systemStart")?.type == .map(.month))
        #expect(Self.field("employee.transfer-handling", "holidays")?.type == .list(.date))
        guard case .list(.object(let period))? = Self.field("employee.contribution-years", "periods")?.type else {
            Issue.record("periods is a list of objects")
            return
        }
        #expect(period.map(\.name) == ["area", "from", "to", "kind", "basis"])
        #expect(period.first { $0.name == "kind" }?.type == .enumeration(["actual", "deemed"]))
        #expect(
            period.first { $0.name == "basis" }?.type
                == .enumeration(["pre-system-work", "military-service", "military-spouse", "other-recognised"]))
        #expect(period.first { $0.name == "basis" }?.required == false)

        let backPayment = Operations.schema(named: "employee.back-payment")?.output ?? []
        #expect(backPayment.first { $0.name == "rate" }?.type == .decimal)
        #expect(backPayment.first { $0.name == "payer" }?.type == .enumeration(["employer", "individual"]))
        #expect(Operations.schema(named: "employee.interruption")?.output.first { $0.name == "restoredFrom" }?.type == .nullable(.month))
        #expect(Operations.schema(named: "employee.transfer-handling")?.output.first { $0.name == "deadline" }?.type == .nullable(.date))
        #expect(
            Operations.schema(named: "employee.retiree-benefits-start")?.output.first { $0.name == "inServiceBenefitsUntil" }?.type
                == .nullable(.month))
        guard case .list(.object(let option))? = Operations.schema(named: "retiree.not-enrolled")?.output.first?.type else {
            Issue.record("options is a list of objects")
            return
        }
        #expect(option.first { $0.name == "insurance" }?.type == .enumeration(["employee", "resident"]))
    }

    static let clauses: [(String, [String])] = [
        ("scope.transfer", ["LU-2020-47/1", "JI-2020-19/1"]),
        ("employee.first-enrollment", ["LU-2021-54/1"]),
        ("employee.interruption", ["LU-2021-54/2a", "LU-2021-54/2b", "LU-2021-54/2c", "JI-2022-8/7", "JI-2022-8/7.1", "JI-2022-8/7.2"]),
        ("employee.hospital-stay-during-transfer", ["LU-2020-47/2c"]),
        ("employee.base-limits-year", ["LU-2021-54/8"]),
        ("employee.transfer-handling", ["LU-2021-54/9"]),
        ("retiree.not-enrolled", ["LU-2020-47/6", "JI-2020-19/3.5"]),
    ]

    @Test(arguments: clauses)
    func clausesFromTheContract(operation: String, clauses: [String]) throws {
        #expect(try #require(Operations.schema(named: operation)).clauses == clauses)
    }

    @Test func unknownOperationIsUnsupported() {
        expectError("employee.teleport", [:], .unsupported)
    }
}
