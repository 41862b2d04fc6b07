import Foundation
import Testing
import YibaoRules
import YibaoTestSupport

@testable import YibaoConformance

/// `yibao strength`: mutation analysis of the reference, per clause, on the real suite and on copies with vectors
/// taken away.
@Suite(.serialized) struct StrengthTests {
    static func strength(_ vectors: String, _ extra: [String] = []) throws -> (TestSupport.Output, [String: Any]?) {
        let out = try TestSupport.run(TestSupport.yibao, ["strength", "--vectors", vectors, "--format", "json"] + extra)
        let json = try? JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        return (out, json)
    }

    /// Removes the vectors with these ids from the suite copy's files (each vector is a `  - id:` block).
    static func remove(_ ids: Set<String>, under root: URL) throws {
        let fm = FileManager.default
        let vectors = root.appendingPathComponent("vectors")
        for case let relative as String in fm.enumerator(atPath: vectors.path)!
        where relative.hasSuffix(".yaml") && !relative.hasPrefix("catalog/") {
            let file = vectors.appendingPathComponent(relative)
            let text = try String(contentsOf: file, encoding: .utf8)
            var kept: [Substring] = []
            var skipping = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("  - id: ") {
                    skipping = ids.contains(String(line.dropFirst("  - id: ".count)))
                } else if !line.hasPrefix("    ") && !line.isEmpty {
                    skipping = false
                }
                if !skipping { kept.append(line) }
            }
            try kept.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        }
    }

    @Test func theRealSuiteKillsEveryNonEquivalentMutant() throws {
        let (out, json) = try Self.strength(TestSupport.vectors)
        #expect(out.status == 0, "\(out.stderr)")
        let j = try #require(json)
        let mutants = try #require(j["mutants"] as? Int), killed = try #require(j["killed"] as? Int)
        let equivalent = try #require(j["equivalent"] as? Int)
        #expect(mutants > 100)
        #expect(killed + equivalent == mutants)
        let clauses = try #require(j["clauses"] as? [[String: Any]])
        for c in clauses {
            #expect(c["id"] is String && c["mutants"] is Int && c["killed"] is Int && c["survivors"] is [Any])
        }
        // Every normative clause has at least one mutant.
        let (catalog, _) = Catalog.load(directory: TestSupport.vectors + "/catalog")
        let withMutants = Set(clauses.compactMap { ($0["mutants"] as? Int ?? 0) > 0 ? $0["id"] as? String : nil })
        for clause in catalog.normativeClauses { #expect(withMutants.contains(clause.id), "\(clause.id)") }
    }

    /// Take away the vectors on the far side of LU-2021-54/3b's window (continued in the 4th month, R + 3): "3 个月"
    /// read as "4 个月" goes unnoticed, and the report says so in the notice's terms, with a scaffold.
    @Test func deletingOneSideOfABoundaryLetsTheNamedMutantSurvive() throws {
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let (suite, _) = Suite.load(root: root.appendingPathComponent("vectors").path)
        let fourthMonth = Set(
            suite.vectors.filter { v in
                guard v.operation == "employee.transfer", case .string(let r)? = v.input["reductionMonth"],
                    case .string(let c)? = v.input["continuationMonth"], let reduction = Month(r), let continuation = Month(c)
                else { return false }
                return continuation - reduction == 3 && continuation >= Month("2022-05")!
            }.map(\.id))
        #expect(!fourthMonth.isEmpty)
        try Self.remove(fourthMonth, under: root)

        let (out, json) = try Self.strength(root.appendingPathComponent("vectors").path)
        #expect(out.status == 1)
        let j = try #require(json)
        let clauses = try #require(j["clauses"] as? [[String: Any]])
        let line = try #require(clauses.first { $0["id"] as? String == "LU-2021-54/3b" })
        let survivors = try #require(line["survivors"] as? [[String: Any]])
        let survivor = try #require(survivors.first { $0["id"] as? String == "transfer.2022.window:+1" }, "\(survivors)")
        #expect((survivor["description"] as? String)?.hasSuffix("3 个月 → 4 个月，没有向量能发现") == true)
        let scaffold = try #require(survivor["scaffold"] as? String)
        #expect(scaffold.contains("operation: employee.transfer"))
        #expect(scaffold.contains("TODO"))

        let text = try TestSupport.run(TestSupport.yibao, ["strength", "--vectors", root.appendingPathComponent("vectors").path])
        #expect(text.status == 1)
        #expect(text.stdout.contains("LU-2021-54/3b「自转出地办理减员当月起，3 个月内接续基本医疗保险关系」：3 个月 → 4 个月，没有向量能发现"))
    }

    @Test func anEquivalentEntryThatAVectorKillsIsAProblem() throws {
        let root = try TestSupport.makeSuite(withVectors: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try """
        equivalent:
          - mutant: transfer.2022.window:+1
            reason: wrongly claimed
          - mutant: no.such.parameter:+1
            reason: a typo
        """.write(to: root.appendingPathComponent("vectors/equivalent-mutants.yaml"), atomically: true, encoding: .utf8)
        let (out, json) = try Self.strength(root.appendingPathComponent("vectors").path)
        #expect(out.status == 1)
        let problems = try #require(json?["problems"] as? [String])
        #expect(
            problems.contains {
                $0.contains("mutant transfer.2022.window:+1 is listed as equivalent, but vector")
                    && $0.contains("equivalent-mutants.yaml:2:")
            })
        #expect(problems.contains { $0.contains("equivalent mutant no.such.parameter:+1 is not a mutant of this suite") })
    }

    @Test func htmlColoursTheClauseTreeByStrength() throws {
        let out = try TestSupport.run(TestSupport.yibao, ["strength", "--vectors", TestSupport.vectors, "--format", "html"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("<li class=\"clause status-covered kind-normative\" id=\"clause-LU-2021-54-3b\">"))
        #expect(out.stdout.contains("<span class=\"strength strength-strong\">strength "))
        #expect(!out.stdout.contains("strength-none\">strength"))
    }
}
