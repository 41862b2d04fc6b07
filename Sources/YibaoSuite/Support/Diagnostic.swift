import YibaoYAML

/// A problem found in the catalog or the vectors, located in its file: `file:line:column: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case yaml, unknownKey, missingKey, wrongShape, duplicateID, retiredID, unknownClause, unknownOperation
        case unknownInputField, unknownOutputField, wrongType, catalog, io
    }

    public var kind: Kind
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ kind: Kind, at mark: Mark, _ message: String) {
        self.kind = kind
        self.file = mark.file
        self.line = mark.line
        self.column = mark.column
        self.message = message
    }

    public init(_ error: YAMLError) {
        self.init(.yaml, at: error.mark, error.message)
    }

    public var description: String { "\(file):\(line):\(column): \(Messages.text("diagnostic.error")): \(message)" }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }
}
