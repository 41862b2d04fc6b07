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

    /// A loader's error: its kind says what went wrong in the current language; libyaml's own wording of a syntax
    /// error (English, from the C library) is kept as the detail.
    public init(_ error: YAMLError) {
        self.init(.yaml, at: error.mark, Diagnostic.describe(error))
    }

    /// `file:line:column: error: message`. The prefix, `error:` included, is the same in every language: editors, CI
    /// problem matchers and `grep` parse it as they parse swiftc's and clang's (which do not translate it either);
    /// only the message after it speaks the chosen language.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }
}

extension Diagnostic {
    /// A loader's error in the current language: what went wrong, by its kind, with the loader's (or libyaml's)
    /// English detail kept; in English the detail alone, as before.
    static func describe(_ error: YAMLError) -> String {
        switch error.kind {
        case .syntax: Messages.text("yaml.syntax", error.message)
        case .duplicateKey: Messages.text("yaml.duplicateKey", error.message)
        case .undefinedAlias: Messages.text("yaml.undefinedAlias", error.message)
        case .aliasBudget: Messages.text("yaml.aliasBudget", error.message)
        case .tooDeep: Messages.text("yaml.tooDeep", error.message)
        case .invalidUTF8: Messages.text("yaml.invalidUTF8", error.message)
        case .controlCharacter: Messages.text("yaml.controlCharacter", error.message)
        case .unsupported: Messages.text("yaml.unsupported", error.message)
        case .io: Messages.text("yaml.io", error.message)
        }
    }
}
