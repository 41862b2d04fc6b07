import Testing
import YibaoRules

@testable import YibaoFuzz

/// Whole numbers shrink toward the nearest boundary (the notices' thresholds, or a boundary year), then by halving
/// down the boundaries; never toward a meaningless floor such as the year 1000.
struct ShrinkerTests {
    static let shrinker = Shrinker(boundaries: Boundaries(catalog: FuzzerTests.catalog, parameters: FuzzerTests.parameters))

    @Test func aCountOffABoundaryMovesToTheNearestOne() {
        // 125 months: 120 (10 years) is nearest; then half way there, then one step.
        #expect(Self.shrinker.integers(125, range: 0...1200) == [120, 123, 124])
        // 298: 300 (25 years) is nearer than 120.
        #expect(Self.shrinker.integers(298, range: 0...1200).first == 300)
    }

    @Test func aCountOnABoundaryMovesToLowerOnesAndHalfWay() {
        // 300 is a boundary: the next lower (120), half way to 0 (150, nearest 120), then 12, 6, 3, 1, 0.
        #expect(Self.shrinker.integers(300, range: 0...1200) == [120, 150, 12, 6, 3, 1, 0])
        #expect(Self.shrinker.integers(0, range: 0...1200) == [])
    }

    @Test func aYearMovesToTheNearestBoundaryYearNotTowardTheYear1000() {
        let years = Self.shrinker.boundaries.markYears
        let candidates = Self.shrinker.integers(2031, range: 1000...8999)
        #expect(candidates.first == years.last, "\(candidates) \(years)")
        #expect(!candidates.contains(1000))
        // On a boundary year: only earlier boundary years.
        #expect(Self.shrinker.integers(years.last!, range: 1000...8999).allSatisfy { years.contains($0) && $0 < years.last! })
    }

    /// Shrinking ends: following the first candidate from any count reaches a fixed point within a few steps.
    @Test func shrinkingNeverCycles() {
        for start in 0...480 {
            var n = start
            var steps = 0
            while let next = Self.shrinker.integers(n, range: 0...1200).first, steps < 50 {
                n = next
                steps += 1
            }
            #expect(steps < 50, "\(start) cycles")
            #expect(n == 0)
        }
    }
}
