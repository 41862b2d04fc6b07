/// A pooling area or a province, normalised from a vendor's GB/T 2260 code or Chinese name (areas.md).
///
/// One normaliser for every operation that takes an area: `370800`, `370811` (a Jining county), `济宁` and `济宁市` are
/// all 济宁市; `370000`, `山东` and `山东省` are 山东省. Anything it cannot place — `Shandong Province`, `371200`
/// (莱芜市, merged into 济南市 in 2019), `370800x` — is invalid-input naming the field, never silently another
/// province. Surrounding white space is ignored.
struct Area: Hashable, Sendable {
    /// The six-digit code of the city (`3708` + `00`) or the province (`37` + `0000`); for a city outside Shandong
    /// named only by name, the name (the notices only need to know it is not Shandong).
    let key: String
    /// The two-digit province prefix.
    let province: String
    /// The name reported back: Shandong's cities and every province by their full Chinese name, other cities by code.
    let name: String

    var isShandong: Bool { province == "37" }

    /// Shandong's 16 pooling areas (areas.md); 12 (莱芜市) is gone.
    static let shandongCities: [String: String] = [
        "01": "济南市", "02": "青岛市", "03": "淄博市", "04": "枣庄市", "05": "东营市", "06": "烟台市",
        "07": "潍坊市", "08": "济宁市", "09": "泰安市", "10": "威海市", "11": "日照市", "13": "临沂市",
        "14": "德州市", "15": "聊城市", "16": "滨州市", "17": "菏泽市",
    ]

    /// GB/T 2260 provincial-level divisions: prefix → (short name, full name).
    static let provinces: [String: (String, String)] = [
        "11": ("北京", "北京市"), "12": ("天津", "天津市"), "13": ("河北", "河北省"), "14": ("山西", "山西省"),
        "15": ("内蒙古", "内蒙古自治区"), "21": ("辽宁", "辽宁省"), "22": ("吉林", "吉林省"), "23": ("黑龙江", "黑龙江省"),
        "31": ("上海", "上海市"), "32": ("江苏", "江苏省"), "33": ("浙江", "浙江省"), "34": ("安徽", "安徽省"),
        "35": ("福建", "福建省"), "36": ("江西", "江西省"), "37": ("山东", "山东省"), "41": ("河南", "河南省"),
        "42": ("湖北", "湖北省"), "43": ("湖南", "湖南省"), "44": ("广东", "广东省"), "45": ("广西", "广西壮族自治区"),
        "46": ("海南", "海南省"), "50": ("重庆", "重庆市"), "51": ("四川", "四川省"), "52": ("贵州", "贵州省"),
        "53": ("云南", "云南省"), "54": ("西藏", "西藏自治区"), "61": ("陕西", "陕西省"), "62": ("甘肃", "甘肃省"),
        "63": ("青海", "青海省"), "64": ("宁夏", "宁夏回族自治区"), "65": ("新疆", "新疆维吾尔自治区"),
        "71": ("台湾", "台湾省"), "81": ("香港", "香港特别行政区"), "82": ("澳门", "澳门特别行政区"),
    ]

    static func trimmed(_ raw: String) -> String {
        // Most names have nothing to trim: a first scalar that is not white space starts a character that is not,
        // and so does a last scalar that no scalar before it can join (printable ASCII, a CJK ideograph).
        if let first = raw.unicodeScalars.first, let last = raw.unicodeScalars.last, !first.properties.isWhitespace,
            (0x21...0x7E).contains(last.value) || (0x4E00...0x9FFF).contains(last.value)
        {
            return raw
        }
        var s = Substring(raw).drop(while: \.isWhitespace)
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    static func isCode(_ s: String) -> Bool {
        // ASCII text on its bytes (each byte one character there); anything else character by character.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            return s.utf8.count == 6 && s.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
        return s.count == 6 && s.allSatisfy { ("0"..."9").contains($0) }
    }

    /// Every province by its short name, full name, short name + 省 and short name + 市 (looked up, not searched:
    /// the normaliser runs for every area of every case).
    static let provinceByName: [String: Area] = {
        var table: [String: Area] = [:]
        for (prefix, (short, full)) in provinces {
            for name in [short, full, short + "省", short + "市"] { table[name] = provinceArea(prefix) }
        }
        return table
    }()

    /// Shandong's cities by their two code digits.
    static let shandongCityByDigits: [String: Area] = Dictionary(
        uniqueKeysWithValues: shandongCities.map { ($0.key, Area(key: "37" + $0.key + "00", province: "37", name: $0.value)) })

    /// Shandong's cities by name, with and without 市.
    static let shandongCityByName: [String: Area] = {
        var table: [String: Area] = [:]
        for (_, area) in shandongCityByDigits {
            table[area.name] = area
            table[String(area.name.dropLast())] = area
        }
        return table
    }()

    static func provinceArea(_ prefix: String) -> Area {
        Area(key: prefix + "0000", province: prefix, name: provinces[prefix]!.1)
    }

    /// The province a name or `XX0000` code names, or nil.
    static func provinceNamed(_ s: String) -> Area? {
        if isCode(s) {
            let prefix = String(s.prefix(2))
            return s.hasSuffix("0000") && provinces[prefix] != nil ? provinceArea(prefix) : nil
        }
        return provinceByName[s]
    }

    /// A province field (`fromProvince`): a province's code or name.
    static func province(_ raw: String, field: String) throws(RuleError) -> Area {
        let s = trimmed(raw)
        guard let area = provinceNamed(s) else {
            throw .invalid("\(field): \(s.debugDescription) is not a GB/T 2260 province code or name")
        }
        return area
    }

    /// A pooling-area field (`area`, `areaAtDischarge`, …): one of Shandong's 16 cities by code (county codes included)
    /// or name, or — outside Shandong — a city or county code or a province's code or name.
    static func poolingArea(_ raw: String, field: String) throws(RuleError) -> Area {
        let s = trimmed(raw)
        if let area = shandongCity(s) ?? otherProvinceCode(s) { return area }
        if let area = provinceNamed(s), !area.isShandong { return area }
        throw .invalid("\(field): \(s.debugDescription) is not a pooling area (a GB/T 2260 code or Chinese name)")
    }

    /// A city field beside a province field (`fromCity` with `fromProvince`): inside Shandong one of its 16 cities;
    /// outside, a code of that province or any other name (which must not name a Shandong city).
    static func city(_ raw: String, field: String, in province: Area) throws(RuleError) -> Area {
        let s = trimmed(raw)
        if let area = shandongCity(s) ?? otherProvinceCode(s) ?? provinceNamed(s).flatMap({ $0.isShandong ? nil : $0 }) {
            guard area.province == province.province else {
                throw .invalid("\(field): \(s.debugDescription) is not in \(province.name)")
            }
            return area
        }
        guard !province.isShandong, !s.isEmpty, !isCode(s), s.allSatisfy({ !$0.isASCII }) else {
            throw .invalid("\(field): \(s.debugDescription) is not a city of \(province.name) (a GB/T 2260 code or Chinese name)")
        }
        let name = s.count > 1 && s.hasSuffix("市") ? String(s.dropLast()) : s
        return Area(key: name, province: province.province, name: name + "市")
    }

    /// One of Shandong's 16 cities: `37cc00`, a county code `37ccxx`, or the name with or without 市.
    static func shandongCity(_ s: String) -> Area? {
        if isCode(s) {
            guard s.hasPrefix("37") else { return nil }
            return shandongCityByDigits[String(s.dropFirst(2).prefix(2))]
        }
        return shandongCityByName[s]
    }

    /// A city or county code of another province (its city is its first four digits).
    static func otherProvinceCode(_ s: String) -> Area? {
        guard isCode(s), !s.hasPrefix("37"), provinces[String(s.prefix(2))] != nil else { return nil }
        if s.hasSuffix("0000") { return provinceArea(String(s.prefix(2))) }
        return Area(key: String(s.prefix(4)) + "00", province: String(s.prefix(2)), name: String(s.prefix(4)) + "00")
    }
}
