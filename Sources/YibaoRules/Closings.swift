/// The closing clauses (in force / precedence) of the four notices: every answer under a notice's rules names its
/// closing clause. The dates themselves are parameters (vectors/catalog/parameters.yaml).
public enum Closings {
    static let lu2020 = "LU-2020-47/7"
    static let ji2020 = "JI-2020-19/4"
    static let lu2021 = "LU-2021-54/10"
    static let ji2022 = "JI-2022-8/10"
    static let of2020 = [lu2020, ji2020]
    static let of2022 = [lu2021, ji2022]
    /// All four: cited by every answer of their period, so never what a vector is about.
    public static let all: Set<String> = Set(of2020 + of2022)
}
