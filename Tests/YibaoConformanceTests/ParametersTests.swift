import Foundation
import Testing
import YibaoRules
import YibaoTestSupport

@testable import YibaoConformance

/// The notices' numbers and dates as data (vectors/catalog/parameters.yaml): loaded with the catalog, handed to the
/// reference as a value, and checked like every other file of the suite.
@Suite(.serialized) struct ParametersTests {
    static func replace(_ old: String, with new: String, in root: URL) throws {
        let file = root.appendingPathComponent("vectors/catalog/parameters.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func theCatalogCarriesEveryParameterTheRulesRead() throws {
        let (catalog, diagnostics) = Catalog.load(directory: TestSupport.vectors + "/catalog")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let parameters = try #require(catalog.parameters)
        #expect(Set(parameters.all.map(\.key)) == Set(ParameterKey.allCases))
        for p in parameters.all {
            #expect(catalog.contains(p.clause), "\(p.id): \(p.clause)")
            #expect(!p.phrase.isEmpty)
        }
        #expect(parameters[.transferWindow2022].values == [.init(from: Day("2022-05-01"), value: .count(3))])
        #expect(parameters[.rate2022].values.first?.value == .rate(hundredths: 7))
    }

    /// LU-2021-54/3b "3 个月内" → "4 个月内" in a copy: exactly the 2022 transfer vectors continued in the fourth month
    /// from the reduction month (reduction + 3) fail, and the reference now answers withinWindow true for them.
    @Test func changingOneParameterInACopyChangesTheReferencesAnswers() throws {
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.replace("      - {from: 2022-05-01, value: 3}", with: "      - {from: 2022-05-01, value: 4}", in: root)

        let (suite, diagnostics) = Suite.load(root: root.appendingPathComponent("vectors").path)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        // Derived from the inputs alone: continued in month reduction + 3, from 2022-05, inside Shandong.
        let fourthMonth = Set(
            suite.vectors.filter { v in
                guard v.operation == "employee.transfer", case .output = v.expected,
                    case .string(let r)? = v.input["reductionMonth"], case .string(let c)? = v.input["continuationMonth"],
                    let reduction = Month(r), let continuation = Month(c)
                else { return false }
                return continuation - reduction == 3 && continuation >= Month("2022-05")!
            }.map(\.id))
        #expect(!fourthMonth.isEmpty)

        let out = try TestSupport.run(TestSupport.yibao, ["verify", "--vectors", root.appendingPathComponent("vectors").path])
        #expect(out.status == 1)
        let failed = Set(
            out.stderr.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("error: vector "), line.hasSuffix(" fail") else { return nil }
                return String(line.dropFirst("error: vector ".count).dropLast(" fail".count))
            })
        // Every failure is such a vector, and every such vector that states withinWindow fails.
        #expect(!failed.isEmpty && failed.isSubset(of: fourthMonth), "\(out.stderr)")
        let statingWindow = Set(
            suite.vectors.filter { v in
                guard fourthMonth.contains(v.id), case .output(let members) = v.expected else { return false }
                return members.contains { $0.key == "withinWindow" }
            }.map(\.id))
        #expect(!statingWindow.isEmpty && statingWindow.isSubset(of: failed), "\(out.stderr)")
        #expect(out.stdout.contains("withinWindow: expected false, got true"))

        // The same through the API: the copy's parameters give the other answer for one such input.
        let input: Value = .object([
            Member("category", .string("employer")), Member("lastPaidMonthOut", .string("2022-06")),
            Member("reductionMonth", .string("2022-06")), Member("continuationMonth", .string("2022-09")),
            Member("backPaysGap", .bool(true)),
        ])
        let real = try #require(Catalog.load(directory: TestSupport.vectors + "/catalog").0.parameters)
        let changed = try #require(suite.catalog.parameters)
        let before = try Reference.evaluate(operation: "employee.transfer", input: input, parameters: real).get()
        let after = try Reference.evaluate(operation: "employee.transfer", input: input, parameters: changed).get()
        #expect(before.output["withinWindow"] == .bool(false))
        #expect(after.output["withinWindow"] == .bool(true))
        #expect(before.output["inAreaBenefitsFrom"] == .string("2022-10"))
        #expect(after.output["inAreaBenefitsFrom"] == .string("2022-09"))
    }

    @Test(arguments: [
        (
            "    unit: months\n    values:\n      - {from: 2022-05-01, value: 3}",
            "    unit: days\n    values:\n      - {from: 2022-05-01, value: 3}", "unit must be one of"
        ),
        ("  - id: newborn.late.start", "  - id: newborn.later.start", "unknown parameter id \"newborn.later.start\""),
        (
            "    value: 0.07\n  - id: back-payment.2022.rate", "    value: 7%\n  - id: back-payment.2022.rate",
            "value must be a decimal like 0.07"
        ),
        ("    clause: LU-2021-54/9\n    phrase: 省内", "    clause: LU-2021-54/99\n    phrase: 省内", "unknown clause \"LU-2021-54/99\""),
        ("    value: 2022-05-01\n", "    value: 2022-02-30\n", "value must be a date YYYY-MM-DD"),
        ("  - id: newborn.within", "  - id: newborn.beyond", "duplicate parameter id \"newborn.beyond\""),
    ])
    func aBrokenParameterFileIsALocatedErrorAndVerifyFails(old: String, new: String, message: String) throws {
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.replace(old, with: new, in: root)
        let out = try TestSupport.run(TestSupport.yibao, ["verify", "--vectors", root.appendingPathComponent("vectors").path])
        #expect(out.status == 1)
        #expect(out.stderr.contains("parameters.yaml:"), "\(out.stderr)")
        #expect(out.stderr.contains(message), "\(out.stderr)")
    }

    @Test func aMissingParameterIsNamed() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.replace(
            """
              - id: newborn.late.start
                clause: LU-2021-54/5
                phrase: 超过 6 个月的，自缴费的次月起享受基本医疗保险待遇
                unit: offset
                value: 1

            """, with: "", in: root)
        let (_, diagnostics) = Catalog.load(directory: root.appendingPathComponent("vectors/catalog").path)
        #expect(
            diagnostics.map(\.description).contains { $0.contains("parameter newborn.late.start: missing: the rules read it") },
            "\(diagnostics)")
    }
}
