import YibaoRules

/// Whether a result that did not pass is one a provisional reading could explain: the reading's other option changes
/// only some output fields of that answer (`Answer.readingFields`), so a disagreement in any other field, a timeout, a
/// crash or a protocol error is the implementation's own and is not forgiven as advisory. Used for advisory vectors
/// (`ResultLog`) and for generated cases (`fuzz`, certify's random section) alike.
public enum ReadingScope {
    /// True when every difference of `result` lies in the fields the provisional `readings` can change (`fields`, by
    /// reading; a reading without an entry can change the whole answer). `"error"` stands for `invalid-input` in place
    /// of a result (I-28's other option), or a result in place of an error.
    public static func explains(_ result: VectorResult, readings: [String], fields: [String: [String]]) -> Bool {
        guard !readings.isEmpty else { return false }
        if readings.contains(where: { fields[$0] == nil }) { return result.status == .fail || result.status == .error }
        let allowed = Set(readings.flatMap { fields[$0] ?? [] })
        switch result.status {
        case .fail:
            return result.diffs.allSatisfy { allowed.contains(topField($0.path)) }
        case .error:
            // invalid-input where the reference has a result; not an internal error, a malformed line or an unknown
            // operation.
            guard case .error("invalid-input", _, _)? = result.outcome else { return false }
            return allowed.contains("error")
        default:
            return false
        }
    }

    /// `requirements[1].actualMonths` → `requirements`.
    static func topField(_ path: String) -> String {
        String(path.prefix { $0 != "." && $0 != "[" })
    }
}
