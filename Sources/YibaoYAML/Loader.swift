internal import CLibYAML

/// Loads YAML files into `YAMLNode` trees with libyaml's event parser, checking the limits and
/// rules the project relies on (core schema, no duplicate keys, bounded aliases and depth).
public struct YAMLLoader: Sendable {
    public struct Limits: Sendable {
        /// The deepest allowed nesting of sequences and mappings (aliases count with the depth
        /// of the node they name).
        public var maxDepth = 256
        /// Total nodes that aliases may add to a load, each alias counted with the size of the
        /// subtree it names; past it the load fails (this is what stops "billion laughs").
        public var maxAliasNodes = 1_000_000
        public init() {}
    }

    public var limits: Limits

    public init(limits: Limits = .init()) {
        self.limits = limits
    }

    /// All documents of the file. I/O failures are `.io` errors at line 0, column 0.
    public func load(contentsOf path: String) throws(YAMLError) -> [YAMLNode] {
        let bytes = try readWholeFile(path)
        return try load(bytes: bytes, name: path)
    }

    /// All documents in `bytes`; `name` is the file name every mark carries.
    public func load(bytes: [UInt8], name: String) throws(YAMLError) -> [YAMLNode] {
        if bytes.isEmpty { return [] }
        return try bytes.withUnsafeBufferPointer { (input) throws(YAMLError) -> [YAMLNode] in
            var builder = TreeBuilder(file: name, limits: limits, input: input)
            return try builder.run()
        }
    }
}

/// An anchored node with what an alias to it costs: its expanded size and its height.
private struct Anchored {
    var node: YAMLNode
    var size: Int
    var height: Int
}

/// One open sequence or mapping on the builder's explicit stack.
private struct Frame {
    var isMapping: Bool
    var mark: Mark
    var anchor: String?
    var items: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    /// A mapping's key waiting for its value.
    var pendingKey: YAMLNode? = nil
    /// Key → pair index, built once a mapping is too big for a linear duplicate scan.
    var keyIndex: [YAMLScalar.Resolved: Int]? = nil
    /// Nodes in this subtree so far, aliases counted expanded.
    var size = 1
    /// Height of the tallest child so far (a scalar has height 0).
    var childHeight = 0
}

private let linearKeyScanLimit = 12

/// Turns the event stream into trees without recursion: collections are frames on a stack, so
/// the Swift stack never grows with the document's depth.
private struct TreeBuilder {
    let file: String
    let maxDepth: Int
    let maxAliasNodes: Int
    let input: UnsafeBufferPointer<UInt8>

    var frames: [Frame] = []
    var anchors: [String: Anchored] = [:]
    var aliasNodes = 0
    var root: YAMLNode? = nil
    var documents: [YAMLNode] = []

    init(file: String, limits: YAMLLoader.Limits, input: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.maxDepth = limits.maxDepth
        self.maxAliasNodes = limits.maxAliasNodes
        self.input = input
    }

    mutating func run() throws(YAMLError) -> [YAMLNode] {
        // libyaml keeps a pointer to the parser inside the parser (its read handler data), so
        // the parser must live at a fixed address: allocate it rather than pass `&local`.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw YAMLError(kind: .io, mark: Mark(file: file, line: 0, column: 0), message: "cannot initialise libyaml (out of memory)")
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        frames.reserveCapacity(min(maxDepth, 64) + 1)

        while true {
            guard yaml_parser_parse(parser, event) != 0 else { throw parserError(parser) }
            if try consume(event) { break }
        }
        return documents
    }

    @inline(__always)
    func mark(_ m: yaml_mark_t) -> Mark {
        Mark(file: file, line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    /// Handles one event and deletes it; true at the end of the stream.
    mutating func consume(_ event: UnsafeMutablePointer<yaml_event_t>) throws(YAMLError) -> Bool {
        defer { yaml_event_delete(event) }
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            try scalar(event)
        case YAML_MAPPING_START_EVENT:
            let data = event.pointee.data.mapping_start
            try open(mapping: true, mark: mark(event.pointee.start_mark), anchor: data.anchor, tag: data.tag)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.pointee.data.sequence_start
            try open(mapping: false, mark: mark(event.pointee.start_mark), anchor: data.anchor, tag: data.tag)
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            try close()
        case YAML_ALIAS_EVENT:
            try alias(event)
        case YAML_DOCUMENT_START_EVENT:
            anchors.removeAll(keepingCapacity: true)
        case YAML_DOCUMENT_END_EVENT:
            if let node = root.take() { documents.append(node) }
        case YAML_STREAM_END_EVENT:
            return true
        default:
            break
        }
        return false
    }

    // MARK: Scalars

    mutating func scalar(_ event: UnsafeMutablePointer<yaml_event_t>) throws(YAMLError) {
        let data = event.pointee.data.scalar
        let at = mark(event.pointee.start_mark)
        let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
        let text = String(decoding: bytes, as: UTF8.self)
        let style: YAMLScalar.Style
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let resolved: YAMLScalar.Resolved
        if let tag = data.tag {
            resolved = try resolveTagged(String(cString: tag), bytes: bytes, text: text, at: at)
        } else if style == .plain {
            switch CoreSchema.classify(bytes) {
            case .string: resolved = .string(text)
            case .null: resolved = .null
            case .bool(let value): resolved = .bool(value)
            case .int: resolved = .int(text)
            case .float: resolved = .float(text)
            }
        } else {
            resolved = .string(text)
        }
        let node = YAMLNode(content: .scalar(YAMLScalar(text: text, style: style, resolved: resolved)), mark: at)
        if let anchor = data.anchor {
            anchors[String(cString: anchor)] = Anchored(node: node, size: 1, height: 0)
        }
        try add(node, size: 1, height: 0)
    }

    func resolveTagged(_ tag: String, bytes: UnsafeBufferPointer<UInt8>, text: String, at: Mark) throws(YAMLError) -> YAMLScalar.Resolved {
        let kind = CoreSchema.classify(bytes)
        func invalid() -> YAMLError {
            YAMLError(kind: .syntax, mark: at, message: "\"\(text)\" is not a valid \(displayTag(tag))")
        }
        switch tag {
        case "!", yamlTag("str"):
            return .string(text)
        case yamlTag("null"):
            guard kind == .null else { throw invalid() }
            return .null
        case yamlTag("bool"):
            guard case .bool(let value) = kind else { throw invalid() }
            return .bool(value)
        case yamlTag("int"):
            guard kind == .int else { throw invalid() }
            return .int(text)
        case yamlTag("float"):
            // The float pattern also matches plain decimal digits, but not 0x/0o integers.
            let radixPrefixed = bytes.count > 1 && bytes[0] == UInt8(ascii: "0")
                && (bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "o"))
            guard kind == .float || (kind == .int && !radixPrefixed) else { throw invalid() }
            return .float(text)
        default:
            throw YAMLError(kind: .unsupported, mark: at, message: "unsupported tag \(displayTag(tag))")
        }
    }

    // MARK: Collections

    mutating func open(mapping: Bool, mark at: Mark, anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?) throws(YAMLError) {
        if frames.count >= maxDepth {
            throw YAMLError(kind: .tooDeep, mark: at, message: "nesting deeper than \(maxDepth) levels")
        }
        let top = frames.count - 1
        if top >= 0 && frames[top].isMapping && frames[top].pendingKey == nil {
            throw YAMLError(kind: .unsupported, mark: at, message: "only scalar mapping keys are supported")
        }
        if let tag {
            let name = String(cString: tag)
            if name != "!" && name != yamlTag(mapping ? "map" : "seq") {
                let on = mapping ? "mapping" : "sequence"
                throw YAMLError(kind: .unsupported, mark: at, message: "unsupported tag \(displayTag(name)) on a \(on)")
            }
        }
        var frame = Frame(isMapping: mapping, mark: at, anchor: anchor.map { String(cString: $0) })
        if mapping { frame.pairs.reserveCapacity(4) } else { frame.items.reserveCapacity(4) }
        frames.append(frame)
    }

    mutating func close() throws(YAMLError) {
        let frame = frames.removeLast()
        let node = YAMLNode(content: frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items), mark: frame.mark)
        let height = frame.childHeight + 1
        if let anchor = frame.anchor {
            anchors[anchor] = Anchored(node: node, size: frame.size, height: height)
        }
        try add(node, size: frame.size, height: height)
    }

    // MARK: Aliases

    mutating func alias(_ event: UnsafeMutablePointer<yaml_event_t>) throws(YAMLError) {
        let at = mark(event.pointee.start_mark)
        let name = String(cString: event.pointee.data.alias.anchor)
        guard let target = anchors[name] else {
            throw YAMLError(kind: .undefinedAlias, mark: at, message: "undefined alias *\(name)")
        }
        let (total, overflow) = aliasNodes.addingReportingOverflow(target.size)
        if overflow || total > maxAliasNodes {
            throw YAMLError(kind: .aliasBudget, mark: at,
                            message: "alias *\(name) expands past the limit of \(maxAliasNodes) aliased nodes")
        }
        aliasNodes = total
        if frames.count + target.height > maxDepth {
            throw YAMLError(kind: .tooDeep, mark: at, message: "alias *\(name) nests deeper than \(maxDepth) levels")
        }
        var node = target.node
        node.mark = at
        try add(node, size: target.size, height: target.height)
    }

    // MARK: Placing a finished node

    mutating func add(_ node: YAMLNode, size: Int, height: Int) throws(YAMLError) {
        let top = frames.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        let (sum, overflow) = frames[top].size.addingReportingOverflow(size)
        frames[top].size = overflow ? Int.max : sum
        if height > frames[top].childHeight { frames[top].childHeight = height }

        if !frames[top].isMapping {
            frames[top].items.append(node)
            return
        }
        if let key = frames[top].pendingKey.take() {
            frames[top].pairs.append(YAMLPair(key: key, value: node))
            let count = frames[top].pairs.count
            if frames[top].keyIndex != nil {
                frames[top].keyIndex![keyValue(key)] = count - 1
            } else if count == linearKeyScanLimit {
                var index: [YAMLScalar.Resolved: Int] = [:]
                index.reserveCapacity(count * 2)
                for (i, pair) in frames[top].pairs.enumerated() where index[keyValue(pair.key)] == nil {
                    index[keyValue(pair.key)] = i
                }
                frames[top].keyIndex = index
            }
            return
        }
        guard case .scalar(let key) = node.content else {
            throw YAMLError(kind: .unsupported, mark: node.mark, message: "only scalar mapping keys are supported")
        }
        if let first = firstPair(withKey: key.resolved, in: top) {
            throw YAMLError(kind: .duplicateKey, mark: node.mark,
                            message: "duplicate key \"\(key.text)\" (first defined at line \(first.line))")
        }
        frames[top].pendingKey = node
    }

    /// Where an earlier key with the same resolved value was defined, if any.
    func firstPair(withKey value: YAMLScalar.Resolved, in top: Int) -> Mark? {
        if let index = frames[top].keyIndex {
            guard let i = index[value] else { return nil }
            return frames[top].pairs[i].key.mark
        }
        for pair in frames[top].pairs where keyValue(pair.key) == value {
            return pair.key.mark
        }
        return nil
    }

    @inline(__always)
    func keyValue(_ key: YAMLNode) -> YAMLScalar.Resolved {
        if case .scalar(let s) = key.content { return s.resolved }
        return .null  // unreachable: only scalar keys are ever stored
    }

    // MARK: libyaml errors

    func parserError(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> YAMLError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown libyaml error"
        switch p.error {
        case YAML_READER_ERROR:
            // The reader reports a byte offset, not a mark: turn it into line and column.
            let at = markAt(offset: Int(p.problem_offset))
            let control = problem.hasPrefix("control characters")
            var message = problem
            if p.problem_value >= 0 {
                let hex = String(UInt32(p.problem_value), radix: 16, uppercase: true)
                message += control
                    ? " (U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ")"
                    : " (0x" + (hex.count < 2 ? "0" : "") + hex + ")"
            }
            return YAMLError(kind: control ? .controlCharacter : .invalidUTF8, mark: at, message: message)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            var message = problem
            if let context = p.context { message += " " + String(cString: context) }
            return YAMLError(kind: .syntax, mark: mark(p.problem_mark), message: message)
        default:
            return YAMLError(kind: .syntax, mark: mark(p.problem_mark), message: problem)
        }
    }

    /// Line and column (characters, as libyaml counts them) of a byte offset into the input.
    func markAt(offset: Int) -> Mark {
        let end = min(offset, input.count)
        var line = 1
        var column = 1
        var i = 0
        if input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF { i = 3 }
        while i < end {
            let c = input[i]
            if c == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if c == UInt8(ascii: "\r") {
                if i + 1 < end && input[i + 1] == UInt8(ascii: "\n") { i += 1 }
                line += 1
                column = 1
            } else if c & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return Mark(file: file, line: line, column: column)
    }
}

@inline(__always)
private func yamlTag(_ name: String) -> String { "tag:yaml.org,2002:" + name }

/// A tag as the author would have written it: `!!int` for the YAML tags, `!foo` for local ones.
private func displayTag(_ tag: String) -> String {
    let prefix = "tag:yaml.org,2002:"
    if tag.hasPrefix(prefix) { return "!!" + tag.dropFirst(prefix.count) }
    if tag.hasPrefix("!") { return tag }
    return "!<\(tag)>"
}
