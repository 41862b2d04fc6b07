import YibaoRules

/// The JSON Schema (draft-07) of a vector file, generated from the operation schemas, for editors with the YAML
/// language server (`# yaml-language-server: $schema=../../docs/vector.schema.json`). Kept current by a test.
public enum VectorSchema {
    public static func generate() -> Value {
        let operations = Operations.all
        let clauseID: Value = obj(["type": .string("string"), "pattern": .string(#"^(LU|JI)-\d{4}-\d+/[0-9a-z.]+$"#)])
        let vector = obj([
            "type": .string("object"),
            "additionalProperties": .bool(false),
            "required": .array(["id", "title", "why", "input", "expected"].map(Value.string)),
            "properties": obj([
                "id": obj(["type": .string("string"), "pattern": .string(#"^[a-z0-9][a-z0-9.-]*$"#)]),
                "title": obj(["type": .string("string"), "description": .string("A short title in Chinese.")]),
                "operation": obj(["enum": .array(operations.map { .string($0.name) })]),
                "clauses": obj(["type": .string("array"), "minItems": .number("1"), "items": clauseID]),
                "interpretations": obj([
                    "type": .string("array"), "items": obj(["type": .string("string"), "pattern": .string(#"^I-\d+$"#)]),
                ]),
                "why": obj([
                    "type": .string("string"), "minLength": .number("1"),
                    "description": .string("The reasoning from the text to the expected values, written by hand, with the arithmetic."),
                ]),
                "input": obj(["type": .string("object")]),
                "expected": obj(["type": .string("object"), "minProperties": .number("1")]),
            ]),
        ])
        // Per operation: the inputs it takes and the outputs it returns (or an error), by the file's operation.
        let definitions: [Member] = operations.map { op in
            let input = obj([
                "type": .string("object"), "additionalProperties": .bool(false),
                "properties": .object(op.input.map { Member($0.name, describe($0.type, field: $0)) }),
            ])
            let output = obj([
                "type": .string("object"), "additionalProperties": .bool(false), "minProperties": .number("1"),
                "properties": .object(op.output.map { Member($0.name, describe($0.type, field: $0)) }),
            ])
            let error = obj([
                "type": .string("object"), "additionalProperties": .bool(false), "required": .array([.string("error")]),
                "properties": obj(["error": obj(["enum": .array([.string("invalid-input"), .string("out-of-scope")])])]),
            ])
            // A vector expecting an error may hold impossible input (that is its point): only the field names are checked.
            let loose = obj(["type": .string("object"), "propertyNames": obj(["enum": .array(op.input.map { .string($0.name) })])])
            let expectsError = obj([
                "properties": obj(["expected": obj(["required": .array([.string("error")])])]),
                "required": .array([.string("expected")]),
            ])
            return Member(
                op.name,
                obj([
                    "if": expectsError,
                    "then": obj(["properties": obj(["input": loose, "expected": error])]),
                    "else": obj(["properties": obj(["input": input, "expected": output])]),
                ]))
        }
        func ref(_ name: String) -> Value { obj(["$ref": .string("#/definitions/" + name)]) }
        func isOperation(_ name: String) -> Value {
            obj(["properties": obj(["operation": obj(["const": .string(name)])]), "required": .array([.string("operation")])])
        }
        // A vector naming its own operation is checked by it; the others by the file's operation.
        let byOwnOperation: [Value] = operations.map { op in obj(["if": isOperation(op.name), "then": ref(op.name)]) }
        let byFileOperation: [Value] = operations.map { op in
            obj([
                "if": isOperation(op.name),
                "then": obj([
                    "properties": obj([
                        "vectors": obj([
                            "items": obj([
                                "if": obj(["not": obj(["required": .array([.string("operation")])])]), "then": ref(op.name),
                            ])
                        ])
                    ])
                ]),
            ])
        }
        guard case .object(var vectorMembers) = vector else { return vector }
        vectorMembers.append(Member("allOf", .array(byOwnOperation)))
        let vectorSchema = Value.object(vectorMembers)
        return .object([
            Member("$schema", .string("http://json-schema.org/draft-07/schema#")),
            Member("$id", .string("https://yibao.invalid/vector.schema.json")),
            Member("title", .string("yibao vector file")),
            Member("description", .string("Generated by `yibao schema` from the operation schemas; do not edit by hand.")),
            Member("type", .string("object")),
            Member("additionalProperties", .bool(false)),
            Member("required", .array([.string("vectors")])),
            Member(
                "properties",
                obj([
                    "operation": obj(["enum": .array(operations.map { .string($0.name) })]),
                    "clauses": obj(["type": .string("array"), "minItems": .number("1"), "items": clauseID]),
                    "vectors": obj(["type": .string("array"), "items": vectorSchema]),
                ])),
            Member("allOf", .array(byFileOperation)),
            Member("definitions", .object(definitions)),
        ])
    }

    static func describe(_ type: FieldType, field: Field? = nil) -> Value {
        var schema: [Member]
        switch type {
        case .month: schema = [Member("type", .string("string")), Member("pattern", .string(#"^\d{4}-(0[1-9]|1[0-2])$"#))]
        case .date:
            schema = [Member("type", .string("string")), Member("pattern", .string(#"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"#))]
        case .money:
            // I-20: zeros may follow the fen ("5000.500").
            schema = [Member("type", .array([.string("string"), .string("number")])), Member("pattern", .string(#"^\d+(\.\d{1,2}0*)?$"#))]
        case .decimal: schema = [Member("type", .array([.string("string"), .string("number")]))]
        case .int: schema = [Member("type", .string("integer"))]
        case .bool: schema = [Member("type", .string("boolean"))]
        case .string: schema = [Member("type", .string("string"))]
        case .enumeration(let cases): schema = [Member("enum", .array(cases.map(Value.string)))]
        case .list(let element): schema = [Member("type", .string("array")), Member("items", describe(element))]
        case .object(let fields):
            schema = [
                Member("type", .string("object")), Member("additionalProperties", .bool(false)),
                Member("properties", .object(fields.map { Member($0.name, describe($0.type, field: $0)) })),
            ]
        case .map(let value): schema = [Member("type", .string("object")), Member("additionalProperties", describe(value))]
        case .nullable(let inner): schema = [Member("anyOf", .array([describe(inner), obj(["type": .string("null")])]))]
        }
        if let field, !field.required, !type.isNullable {
            // `null` is absent: an optional field may be null (docs/protocol.md).
            schema = [Member("anyOf", .array([.object(schema), obj(["type": .string("null")])]))]
        }
        if let field {
            var note = field.required ? "required" : "optional"
            if let d = field.defaultValue { note += ", default \(JSON.serialize(d))" }
            schema.append(Member("description", .string(note)))
        }
        return .object(schema)
    }

    private static func obj(_ members: KeyValuePairs<String, Value>) -> Value {
        .object(members.map { Member($0.key, $0.value) })
    }
}
