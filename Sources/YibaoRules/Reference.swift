/// The reference implementation of the contract's operations.
public enum Reference {
    /// Evaluates `operation` on `input`: decodes the input against the operation's schema
    /// (invalid-input naming the field), picks the rules in force from the operation's event
    /// (out-of-scope outside every window) and applies them with the notices' numbers and dates in
    /// `parameters`. An unknown operation → unsupported.
    public static func evaluate(operation: String, input: Value, parameters: Parameters) -> Result<Answer, RuleError> {
        guard let implementation = Operations.byName[operation] else {
            return .failure(RuleError(code: .unsupported, message: "unknown operation \(operation)"))
        }
        do throws(RuleError) {
            let record = try InputReader.read(input, fields: implementation.schema.input)
            return .success(try implementation.evaluate(record, parameters))
        } catch {
            return .failure(error)
        }
    }
}
