import Foundation
import Testing
import YibaoRules
import YibaoTestSupport
import YibaoYAML

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

/// The fixture corpus: one malformed vector file per fault, each with its exact located error.
struct LintFixtureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(
            file: "unknown-top-key.yaml", line: 2, column: 1,
            message: #"unknown key "clause" in vector file (allowed: operation, clauses, vectors)"#),
        Case(
            file: "unknown-vector-key.yaml", line: 9, column: 5,
            message: #"unknown key "note" in vector (allowed: id, title, operation, clauses, interpretations, why, input, expected)"#),
        Case(file: "missing-why.yaml", line: 4, column: 5, message: #"vector is missing required key "why""#),
        Case(file: "missing-id.yaml", line: 4, column: 5, message: #"vector is missing required key "id""#),
        Case(file: "missing-expected.yaml", line: 4, column: 5, message: #"vector is missing required key "expected""#),
        Case(file: "unknown-clause.yaml", line: 5, column: 30, message: #"unknown clause "LU-2021-54/2z""#),
        Case(
            file: "unknown-input-field.yaml", line: 7, column: 86,
            message:
                #"employee.interruption takes no input field "settleMonth" (inputs: category, firstUnpaidMonth, lastUnpaidMonth, settledMonth, currentContributionsOnTime, backPaysArrears)"#
        ),
        Case(
            file: "unknown-output-field.yaml", line: 8, column: 16,
            message:
                #"employee.interruption returns no field "suspendedSince" (outputs: suspendedFrom, restoredFrom, interruptionMonths, waitingMonths, arrearsCountTowardYears, arrearsExpensesCovered)"#
        ),
        Case(file: "input-not-mapping.yaml", line: 7, column: 12, message: "input must be a mapping, not a list"),
        Case(file: "wrong-type.yaml", line: 7, column: 126, message: "backPaysGap: \"yes\" is not a boolean"),
        Case(file: "bad-month.yaml", line: 8, column: 31, message: #"expected.suspendedFrom: "2022-13" is not a month (YYYY-MM)"#),
        Case(file: "bad-error-code.yaml", line: 8, column: 23, message: "expected.error must be one of invalid-input, out-of-scope"),
        Case(file: "duplicate-key.yaml", line: 7, column: 60, message: #"duplicate key "firstUnpaidMonth" (first defined at line 7)"#),
        // Defect 13: an empty object matched any answer (a wildcard expectation); a nested object is compared whole.
        Case(
            file: "wildcard-expectation.yaml", line: 8, column: 31,
            message:
                #"expected.requirements[0]: missing field "totalMonths" (an expected object inside a field is compared whole: list every field)"#
        ),
        Case(
            file: "partial-nested-expectation.yaml", line: 8, column: 68,
            message:
                #"expected.requirements[1]: missing field "actualMonths" (an expected object inside a field is compared whole: list every field)"#
        ),
        Case(
            file: "unknown-interpretation.yaml", line: 6, column: 23,
            message: #"unknown interpretation "I-999" (not a heading of docs/interpretations.md)"#),
    ]

    @Test(arguments: cases)
    func locatedError(_ c: Case) throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("vectors/\(c.file)")
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("lint/\(c.file)"), to: file)
        let (_, diagnostics) = Suite.load(root: root.appendingPathComponent("vectors").path)
        #expect(diagnostics.map(\.description) == ["\(file.path):\(c.line):\(c.column): error: \(c.message)"])
    }

    @Test func unknownOperationIsReportedOnceAtTheFileLevel() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(
            at: TestSupport.fixtures.appendingPathComponent("lint/unknown-operation.yaml"),
            to: root.appendingPathComponent("vectors/unknown-operation.yaml"))
        let (_, diagnostics) = Suite.load(root: root.appendingPathComponent("vectors").path)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 1 && diagnostics.first?.column == 12)
        #expect(diagnostics.first?.message.hasPrefix(#"unknown operation "employee.interuption" (operations: scope.transfer, "#) == true)
    }

    @Test func syntaxErrorCarriesLibyamlsProblemAndContext() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(
            at: TestSupport.fixtures.appendingPathComponent("lint/syntax-error.yaml"),
            to: root.appendingPathComponent("vectors/syntax-error.yaml"))
        let (_, diagnostics) = Suite.load(root: root.appendingPathComponent("vectors").path)
        #expect(diagnostics.count == 1)
        let d = try #require(diagnostics.first)
        #expect(d.kind == .yaml)
        #expect(d.file.hasSuffix("vectors/syntax-error.yaml"))
        // The unclosed flow mapping of line 7 is noticed where the next key starts, on line 8.
        #expect(d.line == 8)
        #expect(d.message.contains("flow mapping"))
    }

    @Test func duplicateIDsAcrossFilesPointAtTheSecond() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let vectors = root.appendingPathComponent("vectors")
        let source = TestSupport.fixtures.appendingPathComponent("lint/duplicate-id.yaml")
        try FileManager.default.copyItem(at: source, to: vectors.appendingPathComponent("a.yaml"))
        let (_, diagnostics) = Suite.load(root: vectors.path)
        let first = vectors.appendingPathComponent("a.yaml").path
        #expect(
            diagnostics.map(\.description) == [
                "\(first):9:9: error: duplicate vector id \"fx-twice\" (first defined at \(first):4:9)"
            ])
    }

    @Test func retiredIDsMayNotBeReused() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let vectors = root.appendingPathComponent("vectors")
        try FileManager.default.copyItem(
            at: TestSupport.fixtures.appendingPathComponent("lint/retired-id.yaml"),
            to: vectors.appendingPathComponent("retired-id.yaml"))
        try "retired:\n  - id: fx-retired\n    reason: replaced by fx-new in 2026-11\n".write(
            to: vectors.appendingPathComponent("retired.yaml"), atomically: true, encoding: .utf8)
        let (_, diagnostics) = Suite.load(root: vectors.path)
        #expect(
            diagnostics.map(\.description) == [
                "\(vectors.path)/retired-id.yaml:4:9: error: id \"fx-retired\" was retired and may not be reused (replaced by fx-new in 2026-11)"
            ])
    }

    @Test func everyProblemInEveryFileIsReportedSorted() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let vectors = root.appendingPathComponent("vectors")
        for c in Self.cases {
            try FileManager.default.copyItem(
                at: TestSupport.fixtures.appendingPathComponent("lint/\(c.file)"),
                to: vectors.appendingPathComponent(c.file))
        }
        let (_, diagnostics) = Suite.load(root: vectors.path)
        #expect(diagnostics.count == Self.cases.count)
        #expect(diagnostics == diagnostics.sorted())
    }

    @Test func lintExitsOneWithLocatedErrorsAndASummary() throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        let vectors = root.appendingPathComponent("vectors")
        try FileManager.default.copyItem(
            at: TestSupport.fixtures.appendingPathComponent("lint/bad-month.yaml"),
            to: vectors.appendingPathComponent("bad-month.yaml"))
        let out = try TestSupport.run(TestSupport.yibao, ["lint", "--vectors", vectors.path])
        #expect(out.status == 1)
        #expect(
            out.stderr.contains("\(vectors.path)/bad-month.yaml:8:31: error: expected.suspendedFrom: \"2022-13\" is not a month (YYYY-MM)"))
        #expect(out.stderr.contains("1 problem in \(vectors.path)"))
    }
}

struct SuiteTests {
    @Test func theRepositorySuiteLintsClean() {
        let (suite, diagnostics) = Suite.load(root: TestSupport.vectors)
        #expect(diagnostics.map(\.description) == [])
        #expect(suite.catalog.documents.map(\.id).sorted() == ["JI-2020-19", "JI-2022-8", "LU-2020-47", "LU-2021-54"])
    }

    /// Every clause text occurs in its notice in docs/notices (white space ignored): the catalog cannot drift.
    @Test func clauseTextsOccurInTheNotices() throws {
        let (suite, _) = Suite.load(root: TestSupport.vectors)
        #expect(suite.catalog.clauses.count > 50)
        func squeeze(_ s: String) -> String { String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
        for doc in suite.catalog.documents {
            let notice = squeeze(try String(contentsOf: TestSupport.repo.appendingPathComponent(doc.notice), encoding: .utf8))
            for clause in suite.catalog.clauses where clause.document == doc.id {
                guard let text = clause.text else { continue }
                #expect(notice.contains(squeeze(text)), "\(clause.id): text not found in \(doc.notice)")
            }
        }
    }

    @Test func theContractLeavesAreInTheCatalog() {
        let (suite, _) = Suite.load(root: TestSupport.vectors)
        let leaves = [
            "LU-2020-47/1", "LU-2020-47/2a", "LU-2020-47/2b", "LU-2020-47/2c", "LU-2020-47/2d", "LU-2020-47/3", "LU-2020-47/4",
            "LU-2020-47/5", "LU-2020-47/6", "LU-2020-47/7", "JI-2020-19/1", "JI-2020-19/2.1", "JI-2020-19/2.2", "JI-2020-19/2.3",
            "JI-2020-19/3.1", "JI-2020-19/3.2a", "JI-2020-19/3.2b", "JI-2020-19/3.2c", "JI-2020-19/3.3", "JI-2020-19/3.4",
            "JI-2020-19/3.5", "JI-2020-19/4", "LU-2021-54/1", "LU-2021-54/2a", "LU-2021-54/2b", "LU-2021-54/2c", "LU-2021-54/3a",
            "LU-2021-54/3b", "LU-2021-54/3c", "LU-2021-54/3d", "LU-2021-54/4a", "LU-2021-54/4b", "LU-2021-54/4c", "LU-2021-54/5",
            "LU-2021-54/6", "LU-2021-54/7", "LU-2021-54/8", "LU-2021-54/9", "LU-2021-54/10", "JI-2022-8/1", "JI-2022-8/2",
            "JI-2022-8/3", "JI-2022-8/4", "JI-2022-8/5a", "JI-2022-8/5b", "JI-2022-8/5c", "JI-2022-8/6a", "JI-2022-8/6b",
            "JI-2022-8/7", "JI-2022-8/7.1", "JI-2022-8/7.2", "JI-2022-8/8", "JI-2022-8/9.1", "JI-2022-8/9.2.1", "JI-2022-8/9.2.2",
            "JI-2022-8/9.3", "JI-2022-8/9.4", "JI-2022-8/10",
        ]
        for id in leaves { #expect(suite.catalog.contains(id), "\(id) missing") }
        #expect(suite.catalog["JI-2020-19/3.5"]?.kind == .informative)
    }
}

/// Lint and the reference read a field's value with the one check (`FieldType.scalarProblem`): a vector that lints
/// clean is read by the reference, and a value the reference refuses as invalid-input is a lint error.
struct FieldCheckAgreementTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var operation: String
        var clause: String
        var input: String
        var testDescription: String { input }
    }

    static let cases: [Case] = [
        // A text field of white space only: refused by both (it names no county).
        Case(operation: "retiree.not-enrolled", clause: "LU-2020-47/6", input: #"{enrolledAtRetirement: false, hukouCounty: "   "}"#),
        Case(operation: "retiree.not-enrolled", clause: "LU-2020-47/6", input: #"{enrolledAtRetirement: false, hukouCounty: 任城区}"#),
        // A whole number written with a zero fraction: read by both.
        Case(
            operation: "employee.minimum-years", clause: "LU-2021-54/6",
            input: "{sex: male, retirementDate: 2026-01-01, actualMonths: 120.0, deemedMonths: 0}"),
        // Out of the field's range: refused by both.
        Case(
            operation: "employee.minimum-years", clause: "LU-2021-54/6",
            input: "{sex: male, retirementDate: 2026-01-01, actualMonths: 1201, deemedMonths: 0}"),
        // A month outside the years any arithmetic accepts: refused by both.
        Case(
            operation: "employee.first-enrollment", clause: "LU-2021-54/1", input: "{category: employer, firstContributionMonth: 0999-06}"),
        Case(
            operation: "employee.first-enrollment", clause: "LU-2021-54/1", input: "{category: employer, firstContributionMonth: 2022-06}"),
    ]

    @Test(arguments: cases)
    func lintAcceptsExactlyWhatTheReferenceReads(_ c: Case) throws {
        let root = try TestSupport.makeSuite()
        defer { try? FileManager.default.removeItem(at: root) }
        try """
        operation: \(c.operation)
        clauses: [\(c.clause)]
        vectors:
          - id: agreement
            title: 字段检查
            why: lint and the reference must agree on this input
            input: \(c.input)
            expected: {placeholder: true}
        """.write(to: root.appendingPathComponent("vectors/agreement.yaml"), atomically: true, encoding: .utf8)
        let (suite, diagnostics) = Suite.load(root: root.appendingPathComponent("vectors").path)
        let parameters = try #require(suite.catalog.parameters)
        let typeProblems = diagnostics.filter { $0.kind == .wrongType }
        let input = try #require(try YAMLLoader().load(bytes: Array("\(c.input)\n".utf8), name: "input").first).value
        let answer = Reference.evaluate(operation: c.operation, input: input, parameters: parameters)
        let refused: Bool
        if case .failure(let error) = answer, error.code == .invalidInput { refused = true } else { refused = false }
        #expect(refused == !typeProblems.isEmpty, "lint: \(typeProblems.map(\.description)); reference: \(answer)")
    }
}
