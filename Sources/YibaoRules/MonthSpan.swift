/// The months `from ... to` (both included; `from <= to`), for counting months across periods without walking them.
struct MonthSpan: Sendable, Equatable {
    let from: Month
    let to: Month

    /// How many months the span holds (2022-01 ... 2022-03 holds 3).
    var count: Int { to - from + 1 }

    /// The same months as `spans`, as disjoint spans in order; touching spans (…-03, 04-…) are joined.
    static func union(_ spans: [MonthSpan]) -> [MonthSpan] {
        var merged: [MonthSpan] = []
        for span in spans.sorted(by: { $0.from < $1.from }) {
            if let last = merged.last, span.from - last.to <= 1 {
                merged[merged.count - 1] = MonthSpan(from: last.from, to: max(last.to, span.to))
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// The months in disjoint, ordered `spans`.
    static func count(_ spans: [MonthSpan]) -> Int {
        spans.reduce(0) { $0 + $1.count }
    }

    /// The months in both `a` and `b` (each disjoint and ordered, as `union` gives them).
    static func overlap(_ a: [MonthSpan], _ b: [MonthSpan]) -> Int {
        var i = 0, j = 0, months = 0
        while i < a.count && j < b.count {
            let from = max(a[i].from, b[j].from)
            let to = min(a[i].to, b[j].to)
            if from <= to { months += to - from + 1 }
            if a[i].to < b[j].to { i += 1 } else { j += 1 }
        }
        return months
    }
}
