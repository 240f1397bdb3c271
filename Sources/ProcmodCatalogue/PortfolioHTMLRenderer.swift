public import ProcmodLocalization
public import ProcmodModel
import ProcmodMarkup

/// The portfolio report as one self-contained HTML page: the summary, every table, and a bar chart of
/// the shared resources' utilisation before and after on a 0–100% scale.
public struct PortfolioHTMLRenderer: Sendable {
    public var language: Language
    /// The report's date (`dd/mm/yyyy` or ISO) and procmod's version, printed in the footer.
    public var date: String
    public var version: String

    public init(language: Language, date: String, version: String) {
        self.language = language
        self.date = date
        self.version = version
    }

    public func render(_ portfolio: Portfolio) -> String {
        let p = PortfolioPhrases(portfolio, language: language)
        var body: [HTMLNode] = [el("h1", txt(p.title))]
        body += p.facts.map { el("p", [("class", "fact")], txt($0)) }
        body.append(el("section", [("class", "summary")], el("ul", children: p.summary.map { el("li", txt($0)) })))
        for section in p.sections {
            body.append(el("h2", txt(section.title)))
            if section.title == p.localizer.text("portfolio.resources") { body.append(el("figure", chart(portfolio, p))) }
            body.append(el("div", [("class", "scroll")], table(section)))
            if let note = section.note { body.append(el("p", [("class", "note")], txt(note))) }
        }
        if !portfolio.warnings.isEmpty {
            body.append(el("ul", [("class", "warnings")], children: portfolio.warnings.map { el("li", txt($0)) }))
        }
        body.append(el("footer", txt("procmod \(version) · \(date)")))
        let page = el("html", [("lang", language.rawValue)],
                      el("head", el("meta", [("charset", "utf-8")]),
                         el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                         el("title", txt(p.title)), el("style", txt(Self.css))),
                      el("body", children: body))
        return "<!DOCTYPE html>\n" + page.render() + "\n"
    }

    private func table(_ s: PortfolioSection) -> HTMLNode {
        func attributes(_ column: Int) -> [(String, String)] { column < s.textColumns ? [("class", "t")] : [] }
        return el("table", el("thead", el("tr", children: s.header.enumerated().map { el("th", attributes($0.offset), txt($0.element)) })),
                  el("tbody", children: s.rows.map { row in
                      el("tr", children: row.enumerated().map { el("td", attributes($0.offset), txt($0.element)) })
                  }))
    }

    /// Utilisation of each shared resource, before (grey) and after (blue), bars on a fixed 0–100% axis.
    private func chart(_ portfolio: Portfolio, _ p: PortfolioPhrases) -> HTMLNode {
        let rows = portfolio.resources
        // Room for the longest name at about 6.5 px a character (12 px text), within 160–380 px.
        let longest = rows.map { $0.name.text(language, fallback: $0.id).count }.max() ?? 10
        let labelWidth = min(380, max(160, Double(longest) * 6.5 + 12)), barWidth = 420.0, rowHeight = 34.0
        let height = Double(rows.count) * rowHeight + 40
        var nodes: [HTMLNode] = []
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let x = labelWidth + tick * barWidth
            nodes.append(el("line", [("x1", fmt(x)), ("y1", "0"), ("x2", fmt(x)), ("y2", fmt(height - 24)), ("stroke", "#ccc")]))
            nodes.append(el("text", [("x", fmt(x)), ("y", fmt(height - 8)), ("text-anchor", "middle"), ("font-size", "11")],
                            txt(p.localizer.numbers.percent(tick, decimals: 0))))
        }
        for (k, r) in rows.enumerated() {
            let y = Double(k) * rowHeight + 4
            nodes.append(el("text", [("x", fmt(labelWidth - 6)), ("y", fmt(y + 17)), ("text-anchor", "end"), ("font-size", "12")],
                            txt(r.name.text(language, fallback: r.id))))
            for (i, (value, colour)) in [(r.utilisation.before.mean, "#9e9e9e"), (r.utilisation.after.mean, "#1f6fb2")].enumerated() {
                let w = min(max(value, 0), 1) * barWidth
                nodes.append(el("rect", [("x", fmt(labelWidth)), ("y", fmt(y + Double(i) * 13)), ("width", fmt(w)), ("height", "11"),
                                         ("fill", colour)]))
                nodes.append(el("text", [("x", fmt(labelWidth + w + 4)), ("y", fmt(y + Double(i) * 13 + 10)), ("font-size", "10")],
                                txt(p.localizer.numbers.percent(value))))
            }
        }
        return el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(fmt(labelWidth + barWidth + 60)) \(fmt(height))"),
                          ("role", "img"), ("aria-label", p.localizer.text("portfolio.resources"))], children: nodes)
    }

    private func fmt(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String((x * 10).rounded() / 10)
    }

    static let css = """
        body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
        table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:right}
        th.t,td.t{text-align:left}td:not(.t){white-space:nowrap}td.t{min-width:6rem}thead th{background:#f3f3f3}.note,.fact{color:#555;font-size:.9rem}
        .scroll{overflow-x:auto}figure svg{max-width:44rem;width:100%;height:auto}footer{margin-top:2rem;color:#777;font-size:.8rem}
        .warnings li{color:#8a4b00}
        @media print{body{margin:0;max-width:none}.scroll{overflow:visible}}
        """
}
