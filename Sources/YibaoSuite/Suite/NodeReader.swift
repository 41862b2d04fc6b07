import YibaoYAML

/// A mapping's values by key, for the handful of keys a vector or catalog entry has (a linear scan beats hashing).
package struct Fields {
    package var pairs: [(key: String, value: YAMLNode)] = []

    package subscript(key: String) -> YAMLNode? {
        for pair in pairs where pair.key == key { return pair.value }
        return nil
    }
}

/// Reads YAML mappings strictly, collecting every problem as a located ``Diagnostic``.
package struct NodeReader {
    package var diagnostics: [Diagnostic] = []

    package init() {}

    package mutating func report(_ kind: Diagnostic.Kind, _ mark: Mark, _ message: String) {
        diagnostics.append(Diagnostic(kind, at: mark, message))
    }

    /// The mapping's values by key; unknown keys and missing required keys are reported.
    package mutating func fields(
        of node: YAMLNode, in context: String, allowed: [String], required: [String]
    ) -> Fields? {
        guard case .mapping(let pairs) = node.content else {
            report(.wrongShape, node.mark, Messages.text("lint.notMapping", context, node.shapeName))
            return nil
        }
        var result = Fields()
        result.pairs.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = pair.key.scalar?.text else { continue }
            if allowed.contains(key) {
                result.pairs.append((key, pair.value))
            } else {
                report(.unknownKey, pair.key.mark, Messages.text("lint.unknownKey", key, context, allowed.joined(separator: ", ")))
            }
        }
        for key in required where result[key] == nil {
            report(.missingKey, node.mark, Messages.text("lint.missingKey", context, key))
        }
        return result
    }

    /// A scalar's text that must be a string (plain, quoted or block).
    package mutating func string(_ node: YAMLNode?, _ name: String, nonEmpty: Bool = true) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar, case .string(let text) = scalar.resolved else {
            report(.wrongShape, node.mark, Messages.text("lint.notString", name, node.shapeName))
            return nil
        }
        // Empty or only ASCII white space (checked on the bytes: a long `why` need not be split into characters).
        if nonEmpty && !text.utf8.contains(where: { $0 > 0x20 }) {
            report(.wrongShape, node.mark, Messages.text("lint.empty", name))
            return nil
        }
        return text
    }

    /// A list of strings (a single string is not accepted).
    package mutating func strings(_ node: YAMLNode?, _ name: String) -> [(String, Mark)]? {
        guard let node else { return nil }
        guard case .sequence(let items) = node.content else {
            report(.wrongShape, node.mark, Messages.text("lint.notList", name, node.shapeName))
            return nil
        }
        var result: [(String, Mark)] = []
        for item in items {
            if let s = string(item, Messages.text("lint.eachEntry", name)) { result.append((s, item.mark)) }
        }
        return result
    }
}
