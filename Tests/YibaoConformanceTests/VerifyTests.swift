import Foundation
import Testing
import YibaoTestSupport

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

/// `yibao verify`, the merge gate, on copies of the real suite with one thing broken each.
@Suite(.serialized) struct VerifyTests {
    func verify(_ root: URL) throws -> TestSupport.Output {
        try TestSupport.run(TestSupport.yibao, ["verify", "--vectors", root.appendingPathComponent("vectors").path])
    }

    @Test func theRealSuitePasses() throws {
        let out = try TestSupport.run(TestSupport.yibao, ["verify", "--vectors", TestSupport.vectors])
        #expect(out.status == 0, "\(out.stdout)\n\(out.stderr)")
        #expect(out.stdout.contains("verify: OK"))
    }

    @Test func aBrokenVectorFailsVerifyNamingIt() throws {
        let root = try TestSupport.makeSuiteWithBrokenVector()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = try verify(root)
        #expect(out.status == 1)
        #expect(out.stderr.contains("vector zz-broken fail"))
        #expect(out.stdout.contains("benefitsFrom: expected \"2022-06\", got \"2022-07\""))
    }

    @Test func anUncoveredClauseFailsVerifyNamingIt() throws {
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        // Drop every vector file that tags LU-2021-54/8 (the base-limits clause).
        let (suite, _) = Suite.load(root: root.appendingPathComponent("vectors").path)
        let files = Set(suite.vectors.filter { $0.clauses.contains("LU-2021-54/8") }.map(\.file))
        #expect(!files.isEmpty)
        for file in files { try FileManager.default.removeItem(atPath: file) }
        let out = try verify(root)
        #expect(out.status == 1)
        #expect(out.stderr.contains("clause LU-2021-54/8 is uncovered"))
    }

    @Test func aMisTaggedVectorFailsVerifyNamingIt() throws {
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try """
        operation: employee.first-enrollment
        vectors:
          - id: zz-mistagged
            title: 首次参保却标了新生儿条款
            clauses: [LU-2021-54/1, LU-2021-54/5]
            why: LU-2021-54/1 自缴费次月起 → 2022-07; the newborn clause has nothing to do with it
            input: {category: employer, firstContributionMonth: 2022-06}
            expected: {benefitsFrom: 2022-07}
        """.write(to: root.appendingPathComponent("vectors/zz-mistagged.yaml"), atomically: true, encoding: .utf8)
        let out = try verify(root)
        #expect(out.status == 1)
        #expect(out.stderr.contains("vector zz-mistagged is mis-tagged with LU-2021-54/5"))
    }

    @Test func aLintProblemFailsVerify() throws {
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(
            at: TestSupport.fixtures.appendingPathComponent("lint/missing-why.yaml"),
            to: root.appendingPathComponent("vectors/missing-why.yaml"))
        let out = try verify(root)
        #expect(out.status == 1)
        #expect(out.stderr.contains("missing-why.yaml:4:5: error: vector is missing required key \"why\""))
        #expect(out.stderr.contains("verify: FAILED (lint)"))
    }
}
