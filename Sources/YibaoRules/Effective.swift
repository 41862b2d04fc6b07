/// The dates on which the four notices' rules start and stop applying in Jining
/// (contract §2, docs/interpretations.md I-1, I-2), and their closing clauses.
enum Effective {
    /// LU-2020-47/7, JI-2020-19/4: "自2020年9月1日起实施，有效期至2025年8月31日".
    static let notices2020Start = Day(unchecked: 2020, 9, 1)
    static let notices2020End = Day(unchecked: 2025, 8, 31)
    /// "本通知下发" = the issue of JI-2022-8, 2022-04-07 (contract §2; JI-2022-8/1, /3, /7 name it).
    static let issue2022 = Day(unchecked: 2022, 4, 7)
    /// JI-2022-8/10 "本通知自2022年5月1日起实施" (I-1: LU-2021-54 binds in Jining from then too).
    static let notices2022Start = Day(unchecked: 2022, 5, 1)
    /// JI-2022-8/1 "本通知下发之日起至2025年年底，为政策调整过渡期".
    static let minimumYearsTransitionEnd = Day(unchecked: 2025, 12, 31)
    /// JI-2022-8/7 "本通知下发次月起6个月内，为政策调整过渡期": 2022-05 .. 2022-10 (I-6).
    static let arrearsTransition = Month(index: 2022 * 12 + 4)...Month(index: 2022 * 12 + 9)
    /// JI-2022-8/8 "自2023年起" the collection period is Sep–Dec: the first one (2023-09..12) is for coverage year
    /// 2024 (I-12).
    static let residentFirstCoverageYear = 2024

    static let notices2020 = notices2020Start...notices2020End

    /// Closing clauses (in force / precedence) of the four notices.
    static let lu2020Closing = "LU-2020-47/7"
    static let ji2020Closing = "JI-2020-19/4"
    static let lu2021Closing = "LU-2021-54/10"
    static let ji2022Closing = "JI-2022-8/10"
    static let closings2020 = [lu2020Closing, ji2020Closing]
    static let closings2022 = [lu2021Closing, ji2022Closing]
}
