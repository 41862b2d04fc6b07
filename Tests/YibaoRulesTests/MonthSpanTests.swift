import Testing

@testable import YibaoRules

/// `MonthSpan` counts months by intervals; these check it against walking the months one by one (the way the
/// reference counted before), on hand-picked edges and on seeded random period lists.
@Suite struct MonthSpanTests {
    static func span(_ from: String, _ to: String) -> MonthSpan { MonthSpan(from: Month(from)!, to: Month(to)!) }

    /// Months in `a`'s union, and in both unions, by walking every month.
    static func walked(_ a: [MonthSpan], _ b: [MonthSpan]) -> (inA: Int, inBoth: Int) {
        var inA = Set<Int>(), inB = Set<Int>()
        for s in a { for m in 0...(s.to - s.from) { inA.insert((s.from + m) - Month(year: 1000, month: 1)!) } }
        for s in b { for m in 0...(s.to - s.from) { inB.insert((s.from + m) - Month(year: 1000, month: 1)!) } }
        return (inA.count, inA.intersection(inB).count)
    }

    @Test func touchingNestedAndSharedMonthsCountOnce() {
        // 2000-01..03 and 2000-04..06 touch: 6 months, one span.
        #expect(
            MonthSpan.union([Self.span("2000-04", "2000-06"), Self.span("2000-01", "2000-03")])
                == [Self.span("2000-01", "2000-06")])
        // A nested span adds nothing; a one-month gap keeps two spans.
        let spans = MonthSpan.union([Self.span("2000-01", "2000-12"), Self.span("2000-05", "2000-06"), Self.span("2001-02", "2001-02")])
        #expect(spans == [Self.span("2000-01", "2000-12"), Self.span("2001-02", "2001-02")])
        #expect(MonthSpan.count(spans) == 13)
        // 2000-12 is shared with 2000-12..2001-03 (1), 2001-02 with it (1).
        #expect(MonthSpan.overlap(spans, [Self.span("2000-12", "2001-03")]) == 2)
        #expect(MonthSpan.overlap([], spans) == 0)
    }

    @Test func agreesWithWalkingTheMonths() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<500 {
            func spans() -> [MonthSpan] {
                (0..<next(6)).map { _ in
                    let from = Month(year: 1990 + next(6), month: 1 + next(12))!
                    return MonthSpan(from: from, to: from + next(30))
                }
            }
            let a = spans(), b = spans()
            let (inA, inBoth) = Self.walked(a, b)
            #expect(MonthSpan.count(MonthSpan.union(a)) == inA)
            #expect(MonthSpan.overlap(MonthSpan.union(a), MonthSpan.union(b)) == inBoth)
        }
    }
}
