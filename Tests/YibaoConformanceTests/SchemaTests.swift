import Foundation
import Testing

@testable import YibaoReports
@testable import YibaoRun
@testable import YibaoSuite

struct SchemaTests {
    /// docs/vector.schema.json is what `yibao schema` generates from the operation schemas today.
    @Test func theCommittedSchemaIsCurrent() throws {
        let committed = try String(contentsOf: TestSupport.repo.appendingPathComponent("docs/vector.schema.json"), encoding: .utf8)
        #expect(committed == JSON.pretty(VectorSchema.generate()), "regenerate with: swift run yibao schema > docs/vector.schema.json")
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
