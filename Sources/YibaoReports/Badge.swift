import YibaoRun
import YibaoSuite

/// A shields-style SVG badge: `yibao | 57/57 clauses`, green when certified, red when not.
public enum Badge {
    public static func svg(label: String = "yibao", message: String, certified: Bool) -> String {
        let color = certified ? "#4c1" : "#e05d44"
        let lw = width(label), mw = width(message)
        let total = lw + mw
        func esc(_ s: String) -> String { Markup.xml(s, attribute: true) }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(total)" height="20" role="img" aria-label="\(esc(label)): \(esc(message))">
            <title>\(esc(label)): \(esc(message))</title>
            <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
            <clipPath id="r"><rect width="\(total)" height="20" rx="3" fill="#fff"/></clipPath>
            <g clip-path="url(#r)"><rect width="\(lw)" height="20" fill="#555"/><rect x="\(lw)" width="\(mw)" height="20" fill="\(color)"/><rect width="\(total)" height="20" fill="url(#s)"/></g>
            <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
            <text x="\(lw / 2)" y="14">\(esc(label))</text><text x="\(lw + mw / 2)" y="14">\(esc(message))</text>
            </g>
            </svg>

            """
    }

    /// Approximate text width at Verdana 11 px plus padding.
    static func width(_ s: String) -> Int { s.count * 7 + 10 }
}
