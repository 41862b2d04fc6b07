import YibaoRules

/// Shrinks a disagreeing input to a smaller one that still disagrees the same way: optional fields dropped,
/// list items removed, fields toward simpler values (false, the first choice, whole yuan), whole numbers, dates and months
/// toward the nearest boundary. Every step makes the input strictly simpler, so shrinking ends (`Fuzzer.shrink`
/// drives the steps).
struct Shrinker: Sendable {
    let boundaries: Boundaries

    /// At most this many accepted steps per finding.
    var maxSteps = 100
    /// At most this many candidates tried per step.
    static let maxCandidates = 64

    /// Simpler variants of an object, most drastic first.
    func candidates(_ value: Value, fields: [Field]) -> [Value] {
        guard case .object(let members) = value else { return [] }
        var out: [Value] = []
        // Fields dropped (optional ones, and fields the schema does not know).
        for (k, member) in members.enumerated() {
            let field = fields.first { $0.name == member.key }
            if field == nil || field?.required == false {
                var fewer = members
                fewer.remove(at: k)
                out.append(.object(fewer))
            }
        }
        // One field simpler.
        for (k, member) in members.enumerated() {
            guard let field = fields.first(where: { $0.name == member.key }) else { continue }
            for simpler in simpler(member.value, type: field.type, range: field.range, name: field.name) {
                var changed = members
                changed[k].value = simpler
                out.append(.object(changed))
            }
        }
        return out
    }

    /// Simpler whole numbers than `n`, nearest first: off a boundary, toward the nearest one (the notices' thresholds;
    /// for a year, the years of the boundary days); on one, the lower boundaries and (for a count) 0 and half way
    /// there when the half is nearest a lower boundary. Each step ends on a boundary, comes nearer to one, or moves
    /// to a lower one, so shrinking cannot cycle.
    func integers(_ n: Int, range: ClosedRange<Int>?) -> [Int] {
        let isYear = (range?.lowerBound ?? 0) >= 1000
        let floor = max(range?.lowerBound ?? 0, 0)
        let marks = (isYear ? boundaries.markYears : InputGenerator.thresholds + [floor])
            .filter { range?.contains($0) ?? ($0 >= 0) }
        func nearest(_ k: Int) -> Int? { marks.min { (abs($0 - k), $0) < (abs($1 - k), $1) } }
        var out: [Int] = []
        if !marks.contains(n) {
            guard let target = nearest(n) else { return [] }
            out = [target, n + (target - n) / 2, n + (target < n ? -1 : 1)]
        } else {
            out = marks.filter { $0 < n }.sorted(by: >)
            if !isYear && n > floor, let lower = out.first {
                let half = floor + (n - floor) / 2
                if half > lower, let mark = nearest(half), mark < n { out.insert(half, at: 1) }
            }
        }
        var seen = Set<Int>()
        return out.filter { $0 != n && seen.insert($0).inserted }
    }

    func simpler(_ value: Value, type: FieldType, range: ClosedRange<Int>?, name: String) -> [Value] {
        switch (type, value) {
        case (.nullable(let inner), _): return value == .null ? [] : simpler(value, type: inner, range: range, name: name)
        case (.bool, .bool(true)): return [.bool(false)]
        case (.enumeration(let cases), .string(let s)):
            guard let i = cases.firstIndex(of: s), i > 0 else { return [] }
            return [.string(cases[0])]
        case (.string, .string(let s)):
            // Toward a plain name: trimmed, then the first of the generator's names of its kind.
            var out: [Value] = []
            let trimmed = s.trimmingWhitespace
            if trimmed != s && !trimmed.isEmpty { out.append(.string(trimmed)) }
            return out
        case (.int, .number(let text)):
            guard let n = Int(text) else { return [] }
            return integers(n, range: range).map { .number(String($0)) }
        case (.month, .string(let s)):
            guard let m = Month(s), let target = boundaries.nearestMonth(to: m), target != m else { return [] }
            let step = target < m ? -1 : 1
            let half = m + (target - m) / 2
            return Array(Set([target, half, m + step])).sorted { abs($0 - target) < abs($1 - target) }.map { .string($0.description) }
        case (.date, .string(let s)):
            guard let d = Day(s), let target = boundaries.nearestDay(to: d), target != d else { return [] }
            let distance = target.serial - d.serial
            let half = d.addingDays(distance / 2)
            let near = d.addingDays(distance > 0 ? 1 : -1)
            return Array(Set([target, half, near])).sorted { abs($0.serial - target.serial) < abs($1.serial - target.serial) }
                .map { .string($0.description) }
        case (.money, _), (.decimal, _):
            guard let text = value.moneyText, let money = Money(text) else { return [] }
            var out: [Value] = []
            if case .number = value { out.append(.string(money.description)) }  // the string form is plainer
            for unit: Int64 in [100_000, 10_000, 100] where money.fen % unit != 0 {
                out.append(.string(Money(fen: money.fen - money.fen % unit).description))
            }
            return out
        case (.list(let element), .array(let items)):
            var out: [Value] = []
            for k in items.indices {
                var fewer = items
                fewer.remove(at: k)
                out.append(.array(fewer))
            }
            if case .object(let fields) = element {
                for k in items.indices {
                    for simpler in candidates(items[k], fields: fields) {
                        var changed = items
                        changed[k] = simpler
                        out.append(.array(changed))
                    }
                }
            } else {
                for k in items.indices {
                    for simpler in self.simpler(items[k], type: element, range: range, name: name) {
                        var changed = items
                        changed[k] = simpler
                        out.append(.array(changed))
                    }
                }
            }
            return out
        case (.object(let fields), .object):
            return candidates(value, fields: fields)
        case (.map(let element), .object(let members)):
            var out: [Value] = []
            for k in members.indices {
                var fewer = members
                fewer.remove(at: k)
                out.append(.object(fewer))
            }
            for k in members.indices {
                for simpler in self.simpler(members[k].value, type: element, range: range, name: name) {
                    var changed = members
                    changed[k].value = simpler
                    out.append(.object(changed))
                }
            }
            return out
        default:
            return []
        }
    }
}

extension Value {
    var moneyText: String? {
        switch self {
        case .string(let t), .number(let t): return t
        default: return nil
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self).drop(while: \.isWhitespace)
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
