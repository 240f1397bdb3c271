public import ProcmodLocalization
public import ProcmodModel

/// The portfolio report as plain text for a terminal: aligned columns, one table per section.
public struct PortfolioTextRenderer: Sendable {
    public var language: Language
    /// Procedures listed in the ranking (the JSON and HTML reports list all).
    public var rankingLimit: Int

    public init(language: Language, rankingLimit: Int = 20) {
        self.language = language
        self.rankingLimit = rankingLimit
    }

    public func render(_ portfolio: Portfolio) -> String {
        let p = PortfolioPhrases(portfolio, language: language, rankingLimit: rankingLimit)
        var out = [p.title, String(repeating: "=", count: p.title.count)] + p.facts + [""]
        out += p.summary.map { "- " + $0 }
        for section in p.sections {
            out += ["", section.title, String(repeating: "-", count: section.title.count)]
            out += Self.table(section)
            if let note = section.note { out.append(note) }
        }
        if !portfolio.warnings.isEmpty {
            out += [""] + portfolio.warnings.map { "! " + $0 }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Columns padded to their widest cell; text columns left-aligned, figures right-aligned.
    static func table(_ s: PortfolioSection) -> [String] {
        let all = [s.header] + s.rows
        let widths = s.header.indices.map { c in all.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: max(0, widths[c] - cell.count))
                return c < s.textColumns ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        return [line(s.header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + s.rows.map(line)
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
