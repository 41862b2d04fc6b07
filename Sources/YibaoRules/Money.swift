/// An amount of money in whole fen (0.01 yuan), exact.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let fen: Int64

    public init(fen: Int64) { self.fen = fen }

    /// A decimal with at most two decimals, no sign, no exponent, no spaces: "3528", "3528.5",
    /// "3528.50". Nil for anything else, or for an amount that does not fit (I-20).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        let dot = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(dot ?? bytes.endIndex)]
        let fraction = dot.map { bytes[($0 + 1)...] } ?? []
        // I-20: whole fen only; decimals past the second must be zeros ("5000.500" is 5000.50).
        guard !whole.isEmpty, whole.count <= 16, dot == nil || !fraction.isEmpty,
            fraction.dropFirst(2).allSatisfy({ $0 == UInt8(ascii: "0") })
        else { return nil }
        var fen: Int64 = 0
        for byte in whole {
            guard let d = Money.digit(byte) else { return nil }
            fen = fen * 10 + d
        }
        for index in 0..<2 {
            let digit: Int64
            if index < fraction.count {
                guard let d = Money.digit(fraction[fraction.startIndex + index]) else { return nil }
                digit = d
            } else {
                digit = 0
            }
            fen = fen * 10 + digit
        }
        self.fen = fen
    }

    private static func digit(_ byte: UInt8) -> Int64? {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        return Int64(byte - UInt8(ascii: "0"))
    }

    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }

    /// Two decimals: "3528.00".
    public var description: String {
        let magnitude = fen.magnitude
        return (fen < 0 ? "-" : "") + String(magnitude / 100) + "." + Digits.pad(Int(magnitude % 100), 2)
    }
}
