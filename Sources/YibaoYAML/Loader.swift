internal import CLibYAML
internal import YibaoSystem

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
        /// The largest file read (a vector file larger than 1 MiB is read in pieces, each checked against this too).
        public var maxFileBytes = 64 << 20
        /// Whether a symlinked file is read (its target): no for suite files, which must be regular files inside the
        /// suite folder; a list the user names on the command line may be a link.
        public var followSymlinks = false
        public init() {}

        /// The defaults, reading a symlink's target.
        public static var followingSymlinks: Limits {
            var limits = Limits()
            limits.followSymlinks = true
            return limits
        }
    }

    public let limits: Limits

    public init(limits: Limits = .init()) {
        self.limits = limits
    }

    /// All documents of the file. I/O failures are `.io` errors at line 0, column 0.
    public func load(contentsOf path: String) throws(YAMLError) -> [YAMLNode] {
        let bytes = try readWholeFile(path, maxBytes: limits.maxFileBytes, followSymlinks: limits.followSymlinks)
        return try load(bytes: bytes, name: path)
    }

    /// All documents in `bytes`; `name` is the file name every mark carries, and `firstLine` the line of the file
    /// the bytes start at (a piece cut from a larger file keeps its lines' numbers).
    public func load(bytes: [UInt8], name: String, firstLine: Int = 1) throws(YAMLError) -> [YAMLNode] {
        if bytes.isEmpty { return [] }
        // libyaml would read UTF-16 (with a BOM) by converting it, and its columns would then not be the file's: the
        // suite is UTF-8, and UTF-16 (a BOM, or a NUL in the first two bytes) is named as such.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.prefix(2).contains(0) {
            throw YAMLError(
                kind: .invalidUTF8, mark: Mark(file: name, line: firstLine, column: 1),
                message: "the file is UTF-16, not UTF-8: vector files are UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)")
        }
        return try bytes.withUnsafeBufferPointer { (input) throws(YAMLError) -> [YAMLNode] in
            var builder = TreeBuilder(file: name, limits: limits, input: input, lineOffset: firstLine - 1)
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
    /// Index in the scratch stack of this collection's first child.
    var start: Int
    /// `nodeCount` when the collection opened: its size is the difference at close.
    var nodesAtOpen: Int
    /// The enclosing collection's `deepest`, restored at close.
    var outerDeepest: Int
    /// Key → pair index, built once a mapping is too big for a linear duplicate scan.
    var keyIndex: [YAMLScalar.Resolved: Int]? = nil
}

/// Mappings with at most this many pairs are checked for duplicate keys by a linear scan.
private let linearKeyScanLimit = 12

@inline(__always)
private func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : sum
}

/// Turns the event stream into trees without recursion: open collections are frames on an
/// explicit stack, so the Swift stack never grows with the document's depth.
///
/// Finished nodes wait on a scratch stack until their collection closes; then they are moved
/// (not copied) into one exactly sized array. Sizes and heights of subtrees, needed only to
/// price aliases, are kept as running counters, so no per-node bookkeeping is stored.
private struct TreeBuilder {
    let file: String
    let fileID: Int32
    let maxDepth: Int
    let maxAliasNodes: Int
    let input: UnsafeBufferPointer<UInt8>

    var frames: [Frame] = []
    /// Finished nodes whose collection is still open; a mapping's keys and values alternate.
    var scratch: UnsafeMutablePointer<YAMLNode>
    /// Beside each scratch node that is a mapping key: a hash of its resolved value, so the
    /// duplicate check compares integers and looks at the text only when they match.
    var keyHashes: UnsafeMutablePointer<UInt64>
    var scratchCount = 0
    var scratchCapacity: Int
    /// The innermost open collection, cached from `frames.last`.
    var topIsMapping = false
    var topStart = 0
    /// Nodes built so far in this load, aliases counted expanded (saturating).
    var nodeCount = 0
    /// Nodes added by aliases so far, against `maxAliasNodes`.
    var aliasNodes = 0
    /// Deepest nesting reached inside the innermost open collection.
    var deepest = 0
    var anchors: [String: Anchored] = [:]
    var keyStrings = StringCache()
    var root: YAMLNode? = nil
    var documents: [YAMLNode] = []
    /// Added to every line number: the input's first line in its file, less one.
    let lineOffset: Int

    init(file: String, limits: YAMLLoader.Limits, input: UnsafeBufferPointer<UInt8>, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
        self.fileID = FileNames.shared.id(for: file)
        self.maxDepth = limits.maxDepth
        self.maxAliasNodes = limits.maxAliasNodes
        self.input = input
        self.scratchCapacity = 256
        self.scratch = .allocate(capacity: scratchCapacity)
        self.keyHashes = .allocate(capacity: scratchCapacity)
    }

    mutating func run() throws(YAMLError) -> [YAMLNode] {
        defer {
            scratch.deinitialize(count: scratchCount)
            scratch.deallocate()
            keyHashes.deallocate()
        }
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
        Mark(fileID: fileID, line: Int(m.line) + 1 + lineOffset, column: Int(m.column) + 1)
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
        let isKey = expectingKey
        let text: String
        var bytesHash: UInt64 = 0
        if isKey {
            // Mapping keys repeat from one mapping to the next: reuse their strings.
            bytesHash = hashBytes(bytes)
            text = keyStrings.string(for: bytes, hash: bytesHash)
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        let style: YAMLScalar.Style
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let kind: YAMLScalar.Kind
        if let tag = data.tag {
            kind = try resolveTagged(String(cString: tag), bytes: bytes, text: text, at: at)
        } else if style == .plain {
            switch CoreSchema.classify(bytes) {
            case .string: kind = .string
            case .null: kind = .null
            case .bool(let value): kind = value ? .true : .false
            case .int: kind = .int
            case .float: kind = .float
            }
        } else {
            kind = .string
        }
        let node = YAMLNode(content: .scalar(YAMLScalar(text: text, style: style, kind: kind)), mark: at)
        nodeCount = saturatingAdd(nodeCount, 1)
        if let anchor = data.anchor {
            anchors[String(cString: anchor)] = Anchored(node: node, size: 1, height: 0)
        }
        if isKey {
            let hash = kind == .int || kind == .float ? keyHash(of: node) : resolvedHash(kind, bytesHash)
            try checkKey(node, hash: hash)
            push(node, keyHash: hash)
        } else {
            try place(node)
        }
    }

    func resolveTagged(_ tag: String, bytes: UnsafeBufferPointer<UInt8>, text: String, at: Mark) throws(YAMLError) -> YAMLScalar.Kind {
        let kind = CoreSchema.classify(bytes)
        func invalid() -> YAMLError {
            YAMLError(kind: .syntax, mark: at, message: "\"\(text)\" is not a valid \(displayTag(tag))")
        }
        switch tag {
        case "!", yamlTag("str"):
            return .string
        case yamlTag("null"):
            guard kind == .null else { throw invalid() }
            return .null
        case yamlTag("bool"):
            guard case .bool(let value) = kind else { throw invalid() }
            return value ? .true : .false
        case yamlTag("int"):
            guard kind == .int else { throw invalid() }
            return .int
        case yamlTag("float"):
            // The float pattern also matches plain decimal digits, but not 0x/0o integers.
            let radixPrefixed =
                bytes.count > 1 && bytes[0] == UInt8(ascii: "0")
                && (bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "o"))
            guard kind == .float || (kind == .int && !radixPrefixed) else { throw invalid() }
            return .float
        default:
            throw YAMLError(kind: .unsupported, mark: at, message: "unsupported tag \(displayTag(tag))")
        }
    }

    // MARK: Collections

    /// True when the next node placed would be a mapping key.
    @inline(__always)
    var expectingKey: Bool { topIsMapping && (scratchCount - topStart) & 1 == 0 }

    mutating func open(mapping: Bool, mark at: Mark, anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?)
        throws(YAMLError)
    {
        if frames.count >= maxDepth {
            throw YAMLError(kind: .tooDeep, mark: at, message: "nesting deeper than \(maxDepth) levels")
        }
        if expectingKey {
            throw YAMLError(kind: .unsupported, mark: at, message: "only scalar mapping keys are supported")
        }
        if let tag {
            let name = String(cString: tag)
            if name != "!" && name != yamlTag(mapping ? "map" : "seq") {
                let on = mapping ? "mapping" : "sequence"
                throw YAMLError(kind: .unsupported, mark: at, message: "unsupported tag \(displayTag(name)) on a \(on)")
            }
        }
        frames.append(
            Frame(
                isMapping: mapping, mark: at, anchor: anchor.map { String(cString: $0) },
                start: scratchCount, nodesAtOpen: nodeCount, outerDeepest: deepest))
        nodeCount = saturatingAdd(nodeCount, 1)
        deepest = frames.count
        topIsMapping = mapping
        topStart = scratchCount
    }

    mutating func close() throws(YAMLError) {
        let frame = frames.removeLast()
        let count = scratchCount - frame.start
        let first = scratch + frame.start
        let content: YAMLNode.Content
        // (reserveCapacity + append is specialised here; Array(unsafeUninitializedCapacity:)
        // goes through an unspecialised runtime path that looks up type metadata every call.)
        if frame.isMapping {
            let pairCount = count / 2
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(pairCount)
            for i in 0..<pairCount {
                pairs.append(YAMLPair(key: (first + 2 * i).move(), value: (first + 2 * i + 1).move()))
            }
            content = .mapping(pairs)
        } else {
            var items: [YAMLNode] = []
            items.reserveCapacity(count)
            for i in 0..<count { items.append((first + i).move()) }
            content = .sequence(items)
        }
        scratchCount = frame.start
        // This collection was at depth frames.count + 1; `deepest` is the deepest level inside it.
        let height = deepest - frames.count
        let size = nodeCount - frame.nodesAtOpen
        deepest = max(frame.outerDeepest, deepest)
        if let top = frames.indices.last {
            topIsMapping = frames[top].isMapping
            topStart = frames[top].start
        } else {
            topIsMapping = false
            topStart = 0
        }
        let node = YAMLNode(content: content, mark: frame.mark)
        if let anchor = frame.anchor {
            anchors[anchor] = Anchored(node: node, size: size, height: height)
        }
        try place(node)
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
            throw YAMLError(
                kind: .aliasBudget, mark: at,
                message: "alias *\(name) expands past the limit of \(maxAliasNodes) aliased nodes")
        }
        aliasNodes = total
        if frames.count + target.height > maxDepth {
            throw YAMLError(kind: .tooDeep, mark: at, message: "alias *\(name) nests deeper than \(maxDepth) levels")
        }
        nodeCount = saturatingAdd(nodeCount, target.size)
        deepest = max(deepest, frames.count + target.height)
        var node = target.node
        node.mark = at
        try place(node)
    }

    // MARK: Placing a finished node

    /// Hands a finished node to the innermost open collection (or makes it the document root).
    @inline(__always)
    mutating func place(_ node: consuming YAMLNode) throws(YAMLError) {
        if frames.isEmpty {
            root = node
            return
        }
        var hash: UInt64 = 0
        if expectingKey {
            hash = keyHash(of: node)
            try checkKey(node, hash: hash)
        }
        push(node, keyHash: hash)
    }

    @inline(__always)
    mutating func push(_ node: consuming YAMLNode, keyHash: UInt64) {
        if scratchCount == scratchCapacity { growScratch() }
        (scratch + scratchCount).initialize(to: node)
        keyHashes[scratchCount] = keyHash
        scratchCount += 1
    }

    mutating func growScratch() {
        let capacity = scratchCapacity * 2
        let bigger = UnsafeMutablePointer<YAMLNode>.allocate(capacity: capacity)
        bigger.moveInitialize(from: scratch, count: scratchCount)
        scratch.deallocate()
        scratch = bigger
        let biggerHashes = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        biggerHashes.initialize(from: keyHashes, count: scratchCount)
        keyHashes.deallocate()
        keyHashes = biggerHashes
        scratchCapacity = capacity
    }

    /// The key hash of a node placed as a key without going through `scalar` (an alias), or of a number (hashed by
    /// its value: `1`, `01` and `0x1` are one key).
    func keyHash(of node: borrowing YAMLNode) -> UInt64 {
        guard case .scalar(let key) = node.content else { return 0 }
        var text: String
        switch key.keyIdentity {
        case .int(let canonical), .float(let canonical): text = canonical
        default: text = key.text
        }
        return resolvedHash(key.kind, text.withUTF8 { hashBytes($0) })
    }

    /// A key must be a scalar and must not repeat an earlier key of the same mapping (compared
    /// by resolved value, so `a` and `"a"` are the same key, and so are `~` and `null`, and `1`, `01` and `0x1`).
    mutating func checkKey(_ node: borrowing YAMLNode, hash: UInt64) throws(YAMLError) {
        guard case .scalar(let key) = node.content else {
            throw YAMLError(kind: .unsupported, mark: node.mark, message: "only scalar mapping keys are supported")
        }
        let pairIndex = (scratchCount - topStart) / 2
        var firstIndex: Int? = nil
        if pairIndex < linearKeyScanLimit {
            for i in 0..<pairIndex where keyHashes[topStart + 2 * i] == hash {
                guard case .scalar(let earlier) = scratch[topStart + 2 * i].content else { continue }
                if earlier.kind == key.kind
                    && (!key.kind.hasText || earlier.text == key.text
                        || ((key.kind == .int || key.kind == .float) && earlier.keyIdentity == key.keyIdentity))
                {
                    firstIndex = i
                    break
                }
            }
        } else {
            let top = frames.count - 1
            if frames[top].keyIndex == nil {
                var index: [YAMLScalar.Resolved: Int] = [:]
                index.reserveCapacity(pairIndex * 2)
                for i in 0..<pairIndex where index[keyValue(i)] == nil { index[keyValue(i)] = i }
                frames[top].keyIndex = index
            }
            let value = key.keyIdentity
            firstIndex = frames[top].keyIndex![value]
            if firstIndex == nil { frames[top].keyIndex![value] = pairIndex }
        }
        if let firstIndex {
            let line = scratch[topStart + 2 * firstIndex].mark.line
            throw YAMLError(
                kind: .duplicateKey, mark: node.mark,
                message: "duplicate key \"\(key.text)\" (first defined at line \(line))")
        }
    }

    /// The resolved value of the innermost mapping's `i`th key (already on the scratch stack).
    @inline(__always)
    func keyValue(_ i: Int) -> YAMLScalar.Resolved {
        if case .scalar(let s) = scratch[topStart + 2 * i].content { return s.keyIdentity }
        return .null  // unreachable: only scalar keys are ever placed
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
                message +=
                    control
                    ? " (U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ")"
                    : " (0x" + (hex.count < 2 ? "0" : "") + hex + ")"
            }
            return YAMLError(kind: control ? .controlCharacter : .invalidUTF8, mark: at, message: message)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            var message = problem
            if let context = p.context { message += " " + String(cString: context) }
            // "could not find expected ':'" is found where the scanner gave up on a key, the line after it; the key
            // that lacks its ':' is where the context began (`while scanning a simple key`).
            if problem == "could not find expected ':'" && p.context != nil && p.context_mark.line < p.problem_mark.line {
                return YAMLError(kind: .syntax, mark: mark(p.context_mark), message: message)
            }
            return YAMLError(kind: .syntax, mark: mark(p.problem_mark), message: message)
        default:
            return YAMLError(kind: .syntax, mark: mark(p.problem_mark), message: problem)
        }
    }

    /// Line and column (characters, as libyaml counts them) of a byte offset into the input.
    func markAt(offset: Int) -> Mark {
        let end = min(offset, input.count)
        var line = 1 + lineOffset
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
        return Mark(fileID: fileID, line: line, column: column)
    }
}

/// A small direct-mapped cache of recently made strings, keyed by their bytes, so a key seen
/// in every vector ("arrearsExpensesCovered") is validated and allocated once, not each time.
private struct StringCache {
    private static let slotCount = 256
    private static let maxLength = 64
    private var hashes = [UInt64](repeating: 0, count: slotCount)
    private var strings = [String](repeating: "", count: slotCount)

    /// `hash` is `hashBytes(bytes)`.
    mutating func string(for bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String {
        let count = bytes.count
        guard count > 0 && count <= Self.maxLength else { return String(decoding: bytes, as: UTF8.self) }
        let slot = Int(truncatingIfNeeded: hash >> 40) & (Self.slotCount - 1)
        if hashes[slot] == hash {
            var cached = strings[slot]
            let same = cached.withUTF8 { stored in
                stored.count == count && System.equal(stored.baseAddress!, bytes.baseAddress!, count: count)
            }
            if same { return cached }
        }
        let made = String(decoding: bytes, as: UTF8.self)
        hashes[slot] = hash
        strings[slot] = made
        return made
    }
}

/// A fast non-cryptographic hash of a scalar's bytes, eight at a time; never 0.
@inline(__always)
private func hashBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = bytes.count
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
    guard let base = bytes.baseAddress else { return hash | 1 }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= count {
        hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 32
        i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < count {
        tail |= UInt64(base[i]) << shift
        shift += 8
        i += 1
    }
    hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 29
    return hash | 1
}

/// The hash of a key's resolved value: all null spellings hash alike, and so do the bools.
@inline(__always)
private func resolvedHash(_ kind: YAMLScalar.Kind, _ bytesHash: UInt64) -> UInt64 {
    kind.hasText ? bytesHash ^ (UInt64(kind.rawValue) << 1) : UInt64(kind.rawValue) << 1
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

extension YAMLScalar {
    /// What a mapping key is under the core schema: its resolved value, numbers by value — `1`, `+1`, `01`, `0o1` and
    /// `0x1` are one int; `1.0`, `1.00` and `1e0` one float (an int and a float stay different keys).
    var keyIdentity: Resolved {
        switch kind {
        case .int: return .int(Self.canonicalInt(text))
        case .float: return .float(Self.canonicalFloat(text))
        default: return resolved
        }
    }

    static func canonicalInt(_ text: String) -> String {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        var radix = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if digits.hasPrefix("0o") || digits.hasPrefix("0O") {
            radix = 8
            digits = digits.dropFirst(2)
        }
        digits = digits.drop { $0 == "0" }
        var value = digits.isEmpty ? "0" : digits.lowercased()
        if radix != 10 {
            value = UInt64(value, radix: radix).map { String($0) } ?? "\(radix)r" + value
        }
        return negative && value != "0" ? "-" + value : value
    }

    static func canonicalFloat(_ text: String) -> String {
        let lower = text.lowercased()
        if lower.hasSuffix("nan") { return ".nan" }
        if lower.hasSuffix("inf") { return lower.hasPrefix("-") ? "-.inf" : ".inf" }
        return Double(lower).map { $0 == 0 ? "0.0" : String($0) } ?? lower
    }
}
