/// A calendar month, `YYYY-MM`.
///
/// Month arithmetic follows the contract (§2): `M + 1` is the calendar month after `M`;
/// "within N months from month X" is `X ... X + (N − 1)`.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1...12
    public let month: Int

    /// A month of a four-digit year (1...9999); `month` in 1...12.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Exactly `YYYY-MM` (four digits, a hyphen, two digits).
    public init?(_ text: String) {
        // On the UTF-8 bytes in place: months are parsed for every vector field, so no array is made.
        guard text.utf8.count == 7 else { return nil }
        var copy = text
        let parts = copy.withUTF8 { b -> (Int, Int)? in
            guard b[4] == UInt8(ascii: "-"), let year = Digits.value(b, 0..<4), let month = Digits.value(b, 5..<7) else { return nil }
            return (year, month)
        }
        guard let (year, month) = parts else { return nil }
        self.init(year: year, month: month)
    }

    /// Used where the arithmetic cannot leave the representable range.
    init(index: Int) {
        year = index >= 0 ? index / 12 : (index - 11) / 12
        month = index - year * 12 + 1
    }

    /// Months since year 0: `year × 12 + month − 1`.
    var index: Int { year * 12 + month - 1 }

    /// The month `n` months later (`n` may be negative).
    public static func + (m: Month, n: Int) -> Month { Month(index: m.index + n) }

    /// The number of months from `b` to `a` (`a − b`; 2022-08 − 2022-05 = 3).
    public static func - (a: Month, b: Month) -> Int { a.index - b.index }

    public static func < (a: Month, b: Month) -> Bool { a.index < b.index }

    /// The month's first day.
    var firstDay: Day { Day(unchecked: year, month, 1) }

    /// The month's last day.
    var lastDay: Day { Day(unchecked: year, month, Day.daysIn(year: year, month: month)) }

    public var description: String {
        guard year >= 0, year <= 9999 else { return Digits.pad(year, 4) + "-" + Digits.pad(month, 2) }
        return String(unsafeUninitializedCapacity: 7) { b in
            Digits.write(year, 4, into: b, at: 0)
            b[4] = UInt8(ascii: "-")
            Digits.write(month, 2, into: b, at: 5)
            return 7
        }
    }
}

/// Fixed-width decimal digits, without Foundation.
enum Digits {
    /// The value of a run of ASCII digits (no sign, no spaces); nil if any byte is not a digit.
    static func value(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The value of the ASCII digits at `range` of `bytes`; nil if any byte there is not a digit.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 9, range.upperBound <= bytes.count else { return nil }
        var value = 0
        for i in range {
            let byte = bytes[i]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Writes `value` (0 ≤ value < 10^width) as exactly `width` digits at `offset`.
    static func write(_ value: Int, _ width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        var rest = value
        for k in stride(from: offset + width - 1, through: offset, by: -1) {
            buffer[k] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    /// `value` left-padded with zeros to `width` digits (negative values keep their sign first).
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padding = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + padding + digits
    }
}
