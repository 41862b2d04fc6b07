import Foundation
import Testing
import YibaoSuite

@testable import YibaoRules

/// The suite's catalog folder: clauses with their in-force windows, and parameters.yaml.
let catalogDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("vectors/catalog").path

/// The notices' numbers and dates, from the suite's own parameter file (the one source the reference reads).
let notices: Parameters = {
    let file = catalogDirectory + "/parameters.yaml"
    let (parameters, diagnostics) = Parameters.load(file: file)
    guard let parameters else { fatalError("cannot load \(file): \(diagnostics)") }
    return parameters
}()

// Literals for writing inputs and expected outputs as tables.
extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) { self = .object(elements.map { Member($0.0, $0.1) }) }
    public init(nilLiteral: ()) { self = .null }
}

extension Value {
    /// The object with `key` set (replaced in place, or appended).
    func with(_ key: String, _ value: Value) -> Value {
        guard case .object(var members) = self else { return self }
        if let i = members.firstIndex(where: { $0.key == key }) { members[i].value = value } else { members.append(Member(key, value)) }
        return .object(members)
    }

    /// The object without `key`.
    func without(_ key: String) -> Value {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.key != key })
    }

    var members: [Member] {
        if case .object(let m) = self { return m }
        return []
    }
}

/// Evaluates and requires a result; records an issue and returns nil otherwise.
@discardableResult
func answer(_ operation: String, _ input: Value, sourceLocation: SourceLocation = #_sourceLocation) -> Answer? {
    switch Reference.evaluate(operation: operation, input: input, parameters: notices) {
    case .success(let answer): return answer
    case .failure(let error):
        Issue.record("\(operation): expected a result, got \(error.code.rawValue): \(error.message)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Checks the listed output fields (and, when given, the whole trace).
func expectOutput(
    _ operation: String, _ input: Value, _ expected: Value, trace: [String]? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let answer = answer(operation, input, sourceLocation: sourceLocation) else { return }
    for member in expected.members {
        #expect(answer.output[member.key] == member.value, "\(member.key)", sourceLocation: sourceLocation)
    }
    if let trace {
        #expect(answer.trace == trace, sourceLocation: sourceLocation)
    }
}

/// Checks an error: its code, optionally its message's start and its trace.
func expectError(
    _ operation: String, _ input: Value, _ code: RuleError.Code, message: String? = nil,
    trace: [String]? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
    switch Reference.evaluate(operation: operation, input: input, parameters: notices) {
    case .success(let answer):
        Issue.record("\(operation): expected \(code.rawValue), got \(answer.output)", sourceLocation: sourceLocation)
    case .failure(let error):
        #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
        if let message {
            #expect(error.message.hasPrefix(message), "message: \(error.message)", sourceLocation: sourceLocation)
        }
        if let trace {
            #expect(error.trace == trace, sourceLocation: sourceLocation)
        }
        if code == .invalidInput {
            #expect(error.trace.isEmpty, "invalid-input carries no trace", sourceLocation: sourceLocation)
        }
    }
}

let closings2020: [String] = ["LU-2020-47/7", "JI-2020-19/4"]
let closings2022: [String] = ["LU-2021-54/10", "JI-2022-8/10"]
