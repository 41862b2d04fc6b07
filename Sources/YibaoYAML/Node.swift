/// One node of a loaded YAML document: a scalar, a sequence or a mapping, with the place it
/// starts. An alias is stored as a copy of the node it names (arrays are copy-on-write, so
/// nothing is deep-copied); its mark is where the alias is used.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// Start of the node (for an alias: where the alias is used).
    public var mark: Mark

    public init(content: Content, mark: Mark) {
        self.content = content
        self.mark = mark
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value of the first pair whose key is a scalar with exactly this text.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        for pair in pairs {
            if case .scalar(let s) = pair.key.content, s.text == key { return pair.value }
        }
        return nil
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A scalar's text as written (after YAML unquoting/folding), its style, and its value under
/// the YAML 1.2 core schema.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The core-schema value. `int`, `float` and `string` carry the scalar's text, so no
    /// precision is lost and the caller chooses the numeric type (e.g. a decimal for money).
    public enum Resolved: Sendable, Hashable {
        case null
        case bool(Bool)
        case int(String)
        case float(String)
        case string(String)
    }

    /// What `resolved` is, without its text: nodes stay small and the text is stored once.
    enum Kind: UInt8, Sendable, Hashable {
        case null, `true`, `false`, int, float, string

        /// Whether the resolved value carries the text (int, float, string).
        var hasText: Bool { rawValue >= Kind.int.rawValue }
    }

    public var text: String
    public var style: Style
    var kind: Kind

    /// The core-schema value. Its `int`/`float`/`string` payload is always `text`; setting one
    /// of those also sets `text`.
    public var resolved: Resolved {
        get {
            switch kind {
            case .null: return .null
            case .true: return .bool(true)
            case .false: return .bool(false)
            case .int: return .int(text)
            case .float: return .float(text)
            case .string: return .string(text)
            }
        }
        set {
            switch newValue {
            case .null: kind = .null
            case .bool(let value): kind = value ? .true : .false
            case .int(let value):
                kind = .int
                text = value
            case .float(let value):
                kind = .float
                text = value
            case .string(let value):
                kind = .string
                text = value
            }
        }
    }

    /// `resolved`'s payload, if any, becomes the text (they are one and the same).
    public init(text: String, style: Style, resolved: Resolved) {
        self.text = text
        self.style = style
        self.kind = .string
        self.resolved = resolved
    }

    init(text: String, style: Style, kind: Kind) {
        self.text = text
        self.style = style
        self.kind = kind
    }
}
