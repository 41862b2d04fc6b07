internal import Synchronization

/// A position in a YAML source: the file name as given to the loader, a 1-based line and a
/// 1-based column. The column counts characters (Unicode scalars), as libyaml does, so a line
/// of Chinese text before a node moves the column by one per character, not per byte.
public struct Mark: Sendable, Hashable, CustomStringConvertible {
    /// The file name, as given to the loader.
    public var file: String {
        get { FileNames.shared.name(fileID) }
        set { fileID = FileNames.shared.id(for: newValue) }
    }
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }
    // A mark is three 32-bit numbers, so a node is 32 bytes and copying one retains nothing:
    // the file name is interned once per load (see FileNames), and no YAML file has 2^31 lines.
    var fileID: Int32
    var storedLine: Int32
    var storedColumn: Int32

    public init(file: String, line: Int, column: Int) {
        self.init(fileID: FileNames.shared.id(for: file), line: line, column: column)
    }

    init(fileID: Int32, line: Int, column: Int) {
        self.fileID = fileID
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    /// `file:line:column`, the shape compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }
}

/// The process-wide table of file names that marks refer to by number. Names are interned
/// (one entry per distinct name, kept for the life of the process), so equal names have equal
/// numbers and `Mark`'s equality and hashing stay those of its file, line and column.
final class FileNames: Sendable {
    static let shared = FileNames()

    private struct Table {
        var names: [String] = []
        var ids: [String: Int32] = [:]
    }

    private let table = Mutex(Table())

    func id(for name: String) -> Int32 {
        table.withLock { table in
            if let id = table.ids[name] { return id }
            let id = Int32(truncatingIfNeeded: table.names.count)
            table.names.append(name)
            table.ids[name] = id
            return id
        }
    }

    func name(_ id: Int32) -> String {
        table.withLock { $0.names[Int(id)] }
    }
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
