/// A position in a YAML source: the file name as given to the loader, a 1-based line and a
/// 1-based column. The column counts characters (Unicode scalars), as libyaml does, so a line
/// of Chinese text before a node moves the column by one per character, not per byte.
public struct Mark: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }
    // 32-bit storage keeps every node 8 bytes smaller; no YAML file has 2^31 lines.
    var storedLine: Int32
    var storedColumn: Int32

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    /// `file:line:column`, the shape compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }
}

/// Everything the loader can reject, each located at the offending place.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntax, duplicateKey, undefinedAlias, aliasBudget, tooDeep, invalidUTF8, controlCharacter, unsupported, io
    }

    public var kind: Kind
    public var mark: Mark
    public var message: String

    public init(kind: Kind, mark: Mark, message: String) {
        self.kind = kind
        self.mark = mark
        self.message = message
    }

    /// `file:line:column: error: message`.
    public var description: String { "\(mark): error: \(message)" }
}
