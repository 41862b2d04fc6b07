/// A seeded pseudo-random source (SplitMix64) with its own bounded draws, so that a seed gives the same cases
/// on every platform and Swift version (the standard library's `random(in:using:)` may change its algorithm).
///
/// Case `i` of a run has its own generator, derived from the seed and `i`: cases can be made in any order, on
/// any core, and case `i` is always the same.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The generator of case `index` of a run with `seed`.
    public init(seed: UInt64, index: UInt64) {
        state = SeededRandom.mix(seed ^ SeededRandom.mix(index &+ 0x5851_F42D_4C95_7F2D))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SeededRandom.mix(state)
    }

    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (n > 0); the modulo bias is below 2^-40 for the small n used here.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// A number in the range.
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// True with probability `percent` / 100.
    mutating func percent(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
