/// The divisions the area normaliser places (areas.md, GB/T 2260), for generators and tools that need real areas.
public enum KnownAreas {
    /// Shandong's 16 pooling areas: code (`370800`) and full name (`济宁市`), in code order.
    public static let shandongCities: [(code: String, name: String)] =
        Area.shandongCities.sorted { $0.key < $1.key }.map { ("37" + $0.key + "00", $0.value) }

    /// Every provincial-level division: code (`320000`), short name (`江苏`) and full name (`江苏省`), in code order.
    public static let provinces: [(code: String, short: String, full: String)] =
        Area.provinces.sorted { $0.key < $1.key }.map { ($0.key + "0000", $0.value.0, $0.value.1) }
}
