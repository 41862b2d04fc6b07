import YibaoRules

/// Areas as vendors' systems write them: Shandong's 16 cities and every province by GB/T 2260 code or Chinese name
/// (from the area normaliser's own tables, `KnownAreas`), Jining's counties, other provinces' city codes, white space
/// around a name; and a small share of texts the normaliser must refuse (`Shandong`, 莱芜市's retired `371200`, a code
/// with a letter), which the reference answers invalid-input.
extension InputGenerator {
    /// Percent of area texts drawn from `unplaceable`.
    static let unplaceablePercent = 3
    /// Texts no area normaliser may place.
    static let unplaceable = ["Shandong", "Jining", "371200", "370800x", "济宁县", "山东省济宁市"]
    /// Jining's county-level divisions (areas.md): each stands for 济宁市 as a pooling area.
    static let jiningCounties = [("370811", "任城区"), ("370812", "兖州区"), ("370881", "曲阜市"), ("370883", "邹城市"), ("370829", "嘉祥县")]
    static let otherProvinces = KnownAreas.provinces.filter { $0.code != "370000" }
    /// City codes and names outside Shandong (the notices only need to know they are not Shandong).
    static let otherCities = [("320300", "徐州市", "320000"), ("410100", "郑州市", "410000"), ("110100", "北京市", "110000")]

    /// A pooling area (`area`, `areaAtAdmission`, a `systemStart` key): mostly Jining and Shandong's other cities,
    /// sometimes another province or one of its cities.
    func poolingArea(_ r: inout SeededRandom) -> String {
        if r.percent(Self.unplaceablePercent) { return r.pick(Self.unplaceable) }
        switch r.below(100) {
        case 0..<30: return cityText(code: "370800", name: "济宁市", &r)
        case 30..<38: return r.pick(Self.jiningCounties).0
        case 38..<75:
            let city = r.pick(KnownAreas.shandongCities)
            return cityText(code: city.code, name: city.name, &r)
        case 75..<88:
            let province = r.pick(Self.otherProvinces)
            return r.pick([province.code, province.short, province.full])
        default: return r.pick(Self.otherCities).0
        }
    }

    /// A province field (`fromProvince`), with the province code of the city drawn for the same side when there
    /// is one (so that most city and province pairs agree, as real ones do).
    func province(cityProvince: String?, _ r: inout SeededRandom) -> String {
        if r.percent(Self.unplaceablePercent) { return r.pick(["Shandong", "Shandong Province", "380000"]) }
        let code = cityProvince.flatMap { r.percent(85) ? $0 : nil } ?? (r.percent(60) ? "370000" : r.pick(KnownAreas.provinces).code)
        guard let province = KnownAreas.provinces.first(where: { $0.code == code }) else { return code }
        return r.pick([province.code, province.short, province.full, province.full, " \(province.full) "])
    }

    /// A city field (`fromCity`) and the code of its province: a Shandong city, or a city of another province by
    /// code or name.
    func city(_ r: inout SeededRandom) -> (text: String, province: String) {
        if r.percent(Self.unplaceablePercent) { return (r.pick(Self.unplaceable), "370000") }
        if r.percent(75) {
            let city = r.percent(40) ? ("370800", "济宁市") : r.pick(KnownAreas.shandongCities)
            return (cityText(code: city.0, name: city.1, &r), "370000")
        }
        let other = r.pick(Self.otherCities)
        return (r.percent(50) ? other.0 : other.1, other.2)
    }

    /// A hukou county: one of Jining's, by name or code.
    func county(_ r: inout SeededRandom) -> String {
        let county = r.pick(Self.jiningCounties)
        return r.percent(70) ? county.1 : county.0
    }

    /// A city by code, full name, name without 市, or full name with white space around it.
    func cityText(code: String, name: String, _ r: inout SeededRandom) -> String {
        switch r.below(10) {
        case 0..<3: return code
        case 3..<6: return name
        case 6..<9: return String(name.dropLast())
        default: return " \(name) "
        }
    }
}
