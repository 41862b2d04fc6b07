import Foundation
import Testing
import YibaoTestSupport

/// Exact money (I-20): the suite must fail an implementation that computes `round(base × months × 0.07, 2)` in
/// binary floating point, and one that rounds half-even instead of half-up, while the reference passes. Both run as
/// real Python adapters over the protocol (Fixtures/impl/money.py), relaying the reference and recomputing `amount`.
@Suite(.serialized) struct ExactMoneyTests {
    static let adapter = TestSupport.fixtures.appendingPathComponent("impl/money.py").path
    static let filters = [
        "--filter", "JI-2022-8/5b", "--filter", "JI-2020-19/3.2a", "--filter", "JI-2020-19/3.2b",
        "--filter", "JI-2020-19/3.2c",
    ]

    static func failing(_ mode: String) throws -> (status: Int32, failed: Set<String>) {
        let run = try TestSupport.run(
            TestSupport.yibao,
            [
                "run", "--vectors", TestSupport.vectors,
                "--impl", "python3 \(adapter) \(mode) \(TestSupport.yibao)",
            ] + filters)
        let failed = run.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("FAIL ") else { return nil }
            return line.dropFirst(5).split(separator: " ").first.map(String.init)
        }
        return (run.status, Set(failed))
    }

    @Test func theReferencePassesEveryAmountVector() throws {
        let run = try TestSupport.run(TestSupport.yibao, ["run", "--vectors", TestSupport.vectors] + Self.filters)
        #expect(run.status == 0, "\(run.stdout.suffix(1000))")
        #expect(!run.stdout.contains("FAIL "))
    }

    /// Binary floating point passed every amount vector before suite 2.2.0; now it fails exactly the amounts whose
    /// double lies just below a half fen, or is an exact half fen that `round` sends to the even fen.
    @Test func aFloatingPointImplementationFailsTheNewVectors() throws {
        let (status, failed) = try Self.failing("float")
        #expect(status == 1)
        #expect(
            failed == [
                "ji-2022-8-5b-exact-money-double-just-below-half-fen",
                "ji-2022-8-5b-exact-money-not-enrolled-double-below-half-fen",
                "ji-2020-19-3-2a-exact-money-number-input-double-below-half-fen",
                "ji-2022-8-5b-exact-money-half-fen-exact-in-binary",
                "ji-2022-8-5b-exact-money-150-months-after-2025-08-31",
            ])
    }

    /// Banker's rounding fails every exact half fen after an even digit, and no vector whose half fen follows an odd one.
    @Test func aHalfEvenImplementationFailsTheNewVectors() throws {
        let (status, failed) = try Self.failing("half-even")
        #expect(status == 1)
        #expect(
            failed.isSuperset(of: [
                "ji-2022-8-5b-exact-money-half-fen-after-even-digit",
                "ji-2020-19-3-2b-exact-money-half-fen-after-even-digit",
                "ji-2022-8-5b-exact-money-trailing-zero-base",
                "ji-2022-8-5b-exact-money-half-fen-exact-in-binary",
            ]))
        #expect(!failed.contains("ji-2022-8-5b-exact-money-double-just-below-half-fen"))
    }
}
