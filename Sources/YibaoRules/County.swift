/// The county-level division of a hukou (LU-2020-47/6 "户籍所在地的县（市、区）"), through the same normaliser as areas (I-31).
///
/// Jining's eleven county-level divisions are known by GB/T 2260 code (`370811`) and by Chinese name with or without its
/// suffix (`任城区`, `任城`), and answered by full name. Elsewhere a county-level code of a known province (Shandong: of
/// one of its 16 cities) or a Chinese name ending in 县, 区, 市 or 旗 is taken as given. Anything else — a city or a
/// province (`370800`, `济宁市`, `山东省`), `371202` (莱芜, gone), a Jining code that names no county, Latin letters — is
/// invalid-input naming the field.
struct County: Sendable {
    /// The name answered: Jining's counties by full Chinese name; others as given (trimmed).
    let name: String
    /// Whether the hukou lies in Jining (JI-2020-19/3.5 then applies, I-21).
    let inJining: Bool

    /// Jining's county-level divisions (GB/T 2260, `3708` + these digits).
    static let jining: [String: String] = [
        "11": "任城区", "12": "兖州区", "26": "微山县", "27": "鱼台县", "28": "金乡县", "29": "嘉祥县",
        "30": "汶上县", "31": "泗水县", "32": "梁山县", "81": "曲阜市", "83": "邹城市",
    ]

    static func isHan(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    /// The county `raw` names, or invalid-input naming `field`.
    static func normalise(_ raw: String, field: String) throws(RuleError) -> County {
        let s = Area.trimmed(raw)
        if Area.isCode(s) {
            let province = String(s.prefix(2))
            let city = String(s.dropFirst(2).prefix(2))
            let county = String(s.suffix(2))
            if county != "00", Area.provinces[province] != nil {
                if province != "37" { return County(name: s, inJining: false) }
                if city == "08", let name = jining[county] { return County(name: name, inJining: true) }
                if city != "08", Area.shandongCities[city] != nil { return County(name: s, inJining: false) }
            }
        } else if let name = jining.values.first(where: { s == $0 || s == String($0.dropLast()) }) {
            return County(name: name, inJining: true)
        } else if let last = s.last, "县区市旗".contains(last), s.count >= 2, s.allSatisfy(isHan),
            !Area.shandongCities.values.contains(s), Area.provinceNamed(s) == nil
        {
            return County(name: s, inJining: false)
        }
        throw .invalid("\(field): \(s.debugDescription) is not a county-level division (a GB/T 2260 code or Chinese name)")
    }
}
