import Foundation
import Synchronization

/// The language of the interface: English or Chinese. It changes what people read (summaries, verdicts, diagnostics'
/// fixed text, report headings, the HTML page, the badge), never what programs read (JSON, JUnit attribute names,
/// exit codes, status words in machine formats).
public enum Language: String, Sendable, CaseIterable {
    case en, zh

    /// From the locale variables, in POSIX precedence: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and
    /// not empty decides; `zh` / `zh_CN.UTF-8` / `zh_TW` … → Chinese, anything else (or none) → English.
    public static func from(environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }

    /// The language this process speaks in: set once by the command line (`--lang`, else the environment) before any
    /// output; English until then.
    public static var current: Language {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }

    private static let state = Mutex(Language.en)

    /// The HTML `lang` attribute.
    public var htmlTag: String {
        switch self {
        case .en: "en"
        case .zh: "zh-CN"
        }
    }
}
