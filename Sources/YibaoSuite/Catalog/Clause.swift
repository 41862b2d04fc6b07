import YibaoRules
import YibaoYAML

/// The days on which a clause or document is in force (`until` inclusive; nil = open).
public struct EffectiveWindow: Sendable, Hashable, CustomStringConvertible {
    public var from: Day
    public var until: Day?

    public init(from: Day, until: Day?) {
        self.from = from
        self.until = until
    }

    public var description: String { "\(from)..\(until.map(\.description) ?? "")" }
}

/// One numbered unit (or lettered part of one) of a notice.
public struct Clause: Sendable, Identifiable {
    public enum Kind: String, Sendable { case normative, informative, group }

    public var id: String
    public var document: String
    public var parent: String
    public var kind: Kind
    public var heading: String?
    /// A one-line English summary, and its Chinese form written from the notice's text (`summaryZh`).
    public var summary: String
    public var summaryZh: String
    public var text: String?
    public var effective: EffectiveWindow
    public var effectiveNote: String?
    /// Why an informative clause has no vector.
    public var reason: String?
    public var mark: Mark

    public var isNormative: Bool { kind == .normative }

    /// The summary a person reads in `language`.
    public func summary(in language: Language) -> String { language == .zh ? summaryZh : summary }
}

/// One of the four notices.
public struct NoticeDocument: Sendable, Identifiable {
    public var id: String
    public var number: String
    public var title: String
    public var issuer: [String]
    public var dated: String?
    public var datedNote: String?
    public var forwards: String?
    public var forwardedBy: String?
    public var notice: String
    public var summary: String
    public var summaryZh: String
    public var effective: EffectiveWindow
    public var effectiveNote: String?
    public var mark: Mark

    /// The summary a person reads in `language`.
    public func summary(in language: Language) -> String { language == .zh ? summaryZh : summary }
}
