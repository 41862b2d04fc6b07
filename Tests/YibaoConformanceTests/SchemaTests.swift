import Foundation
import Testing
import YibaoRules
import YibaoTestSupport

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

struct SchemaTests {
    /// docs/vector.schema.json is what `yibao schema` generates from the operation schemas today.
    @Test func theCommittedSchemaIsCurrent() throws {
        let committed = try String(contentsOf: TestSupport.repo.appendingPathComponent("docs/vector.schema.json"), encoding: .utf8)
        #expect(committed == JSON.pretty(VectorSchema.generate()), "regenerate with: swift run yibao schema > docs/vector.schema.json")
    }

    /// docs/protocol.md's operations table is what `yibao schema --operations-table` generates from the operation
    /// schemas: a field made required, an enumeration value added or a default changed shows up as a difference.
    @Test func theProtocolDocumentsOperationsTableIsCurrent() throws {
        let doc = try String(contentsOf: TestSupport.repo.appendingPathComponent("docs/protocol.md"), encoding: .utf8)
        let start = try #require(doc.range(of: OperationsTable.begin), "docs/protocol.md has no generated operations table")
        let end = try #require(doc.range(of: OperationsTable.end, range: start.upperBound..<doc.endIndex))
        let committed = String(doc[start.lowerBound..<end.upperBound]) + "\n"
        #expect(
            committed == OperationsTable.markdown(),
            "regenerate the table in docs/protocol.md with: swift run yibao schema --operations-table")
        // The rows a vendor read wrong before the table was generated (issue 13).
        #expect(
            committed.contains(
                "| `scope.transfer` | `insurance` (`employee`\\|`resident`), `reachedRetirementAge` bool, `crossArea` bool, `crossProvince` bool |"
            ))
        #expect(committed.contains("`specialGroup` (`none`\\|`subsistence-allowance`"))
        let out = try TestSupport.run(TestSupport.yibao, ["schema", "--operations-table"])
        #expect(out.status == 0)
        #expect(out.stdout == OperationsTable.markdown())
    }

    /// docs/protocol.md's worked transcript says its answers are exactly what the reference writes: replay its
    /// requests through `yibao serve` and compare, answer for answer (the page shows them out of order).
    @Test func theProtocolDocumentsTranscriptIsWhatServeAnswers() throws {
        let doc = try String(contentsOf: TestSupport.repo.appendingPathComponent("docs/protocol.md"), encoding: .utf8)
        let section = try #require(doc.components(separatedBy: "## A worked transcript").dropFirst().first)
        let lines = section.components(separatedBy: "\n")
        let sent = lines.filter { $0.hasPrefix("→ {") }.map { String($0.dropFirst(2)) }
        let shown = lines.filter { $0.hasPrefix("← {") }.map { String($0.dropFirst(2)) }
        #expect(sent.count == 5 && shown.count == 4)
        let out = try TestSupport.run(TestSupport.yibao, ["serve"], input: sent.joined(separator: "\n") + "\n")
        #expect(out.status == 0)
        let answered = out.stdout.split(separator: "\n").map(String.init)
        #expect(answered.sorted() == shown.sorted())
    }

    /// The event of every operation names input fields it has: the table cannot point a vendor at a field that
    /// does not exist.
    @Test func everyEventIsAnInputField() {
        for schema in Operations.all {
            for event in schema.event {
                #expect(schema.input.contains { $0.name == event }, "\(schema.name): event \(event) is not an input")
            }
        }
    }

    static let hasJSONSchema: Bool = {
        (try? TestSupport.run("/usr/bin/env", ["python3", "-c", "import jsonschema, yaml"]).status) == 0
    }()

    /// An independent validator (Python's jsonschema) accepts every vector file of the suite and rejects a fixture with
    /// an input field the operation does not take.
    @Test(.enabled(if: hasJSONSchema, "python3 with jsonschema and PyYAML is not installed"))
    func anIndependentValidatorAgreesWithLint() throws {
        let script = """
            import glob, json, sys, yaml, jsonschema
            class L(yaml.SafeLoader): pass
            keep = {'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:null'}
            L.yaml_implicit_resolvers = {k: [r for r in v if r[0] in keep] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft7Validator.check_schema(schema)
            v = jsonschema.Draft7Validator(schema)
            bad = [f for f in sorted(glob.glob(sys.argv[2] + '/*/*.yaml')) if '/catalog/' not in f and list(v.iter_errors(yaml.load(open(f), Loader=L)))]
            fixture = list(v.iter_errors(yaml.load(open(sys.argv[3]), Loader=L)))
            print(json.dumps({"bad": bad, "fixture": [e.message for e in fixture]}))
            """
        let out = try TestSupport.run(
            "/usr/bin/env",
            [
                "python3", "-c", script, TestSupport.repo.appendingPathComponent("docs/vector.schema.json").path, TestSupport.vectors,
                TestSupport.fixtures.appendingPathComponent("lint/unknown-input-field.yaml").path,
            ])
        #expect(out.status == 0, "\(out.stderr)")
        let result = try JSON.parse(out.stdout)
        #expect(result["bad"] == .array([]))
        #expect(result["fixture"] == .array([.string("Additional properties are not allowed ('settleMonth' was unexpected)")]))
    }
}
