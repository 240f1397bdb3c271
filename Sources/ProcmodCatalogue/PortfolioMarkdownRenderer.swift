public import ProcmodLocalization
public import ProcmodModel

/// The portfolio report as Markdown (GitHub tables), for a plan's working document or a pull request.
public struct PortfolioMarkdownRenderer: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    public func render(_ portfolio: Portfolio) -> String {
        let p = PortfolioPhrases(portfolio, language: language)
        var out = ["# " + p.title, ""] + p.facts.map { $0 + "  " } + [""]
        out += p.summary.map { "- " + $0 }
        for section in p.sections {
            out += ["", "## " + section.title, ""]
            out.append("| " + section.header.map(Self.cell).joined(separator: " | ") + " |")
            out.append("|" + section.header.indices.map { $0 < section.textColumns ? "---|" : "---:|" }.joined())
            out += section.rows.map { "| " + $0.map(Self.cell).joined(separator: " | ") + " |" }
            if let note = section.note { out += ["", note] }
        }
        if !portfolio.warnings.isEmpty {
            out += [""] + portfolio.warnings.map { "> " + $0 }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func cell(_ s: String) -> String { s.replacingPipes }
}

extension String {
    var replacingPipes: String {
        var out = ""
        for c in self { if c == "|" { out += "\\|" } else { out.append(c) } }
        return out
    }
}
