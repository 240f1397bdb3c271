public import ProcmodModel
public import ProcmodScenario
import ProcmodLocalization
import ProcmodSimulation

/// Turns a before/after comparison into one output format.
public protocol ComparisonRenderer {
    func render(_ comparison: Comparison) throws -> String
}

/// Aligned terminal tables, in the context's language.
public struct TextComparisonRenderer: ComparisonRenderer {
    public var context: ReportContext
    public var colored: Bool

    public init(context: ReportContext, colored: Bool) {
        self.context = context
        self.colored = colored
    }

    /// A renderer without the models' names (ids are shown quoted).
    public init(language: Language, colored: Bool) { self.init(context: ReportContext(language: language), colored: colored) }

    private func bold(_ s: String) -> String { colored ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    private func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { c, cell in
                c == 0 ? cell + String(repeating: " ", count: widths[c] - cell.count)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
        }
    }

    public func render(_ c: Comparison) throws -> String {
        let p = ReportPhrases(context: context, c: c), l = context.localizer
        var out = [bold("\(c.code)  \(c.name.text(l.language, fallback: c.code))")]
        if let s = c.scenario { out.append("\(l("scenario")): \(s.text(l.language, fallback: ""))") }
        out += ["", bold(l("summary"))] + p.summary.map { "  " + $0 }
        if let note = p.leadTimeNote { out += ["", "  " + note] }
        out += ["", bold(l("static"))]
        out += table([[l("figure"), l("before"), l("after"), l("change")]] + c.staticRows.map { r in
            [l(r.key), p.value(r.key, r.before), p.value(r.key, r.after), p.change(r)]
        })
        if !c.simulated.isEmpty {
            out += ["", bold(l("simulated") + ": " + p.runs)]
            out += table([[l("figure"), l("before"), l("after"), l("difference"), l("significant")]] + c.simulated.map { r in
                [l(r.key), p.estimate(r.key, r.before), p.estimate(r.key, r.after), p.estimate(r.key, r.difference, difference: true),
                 l(r.significant ? "yes" : "no")]
            })
            let warnings = p.warnings
            if !warnings.isEmpty { out += ["", bold(l("warnings"))] + warnings.map { "  ! " + $0 } }
        }
        if !c.steadyUtilisation.isEmpty {
            out += ["", bold(l(Figure.utilisation.rawValue))]
            out += table([p.utilisationHeader] + p.utilisationRows)
            if let note = p.utilisationNote { out += ["  " + note] }
        }
        if !c.waterfall.isEmpty {
            out += ["", bold(l("waterfall"))]
            out += table([[l("lever"), l("workingDays"), l("visits"), l("costPerCase")]] + c.waterfall.map { w in
                [p.lever(w), l.numbers.number(w.leadTimeDays), l.numbers.number(w.applicantVisits), l.numbers.money(w.costPerCaseVND)]
            })
        }
        let rules = Set(c.findingsBefore.keys).union(c.findingsAfter.keys).sorted()
        if !rules.isEmpty {
            out += ["", bold(l("findings"))]
            out += table([[l("rule"), l("before"), l("after")]] + rules.map {
                [l.ruleTitle($0), "\(c.findingsBefore[$0] ?? 0)", "\(c.findingsAfter[$0] ?? 0)"]
            })
        }
        if !c.changes.isEmpty {
            out += ["", bold(l("changes"))]
            out += c.changes.map { change in
                let (place, what) = p.change(change)
                return "  - \(place): \(what)" + (change.resolves.map { " [" + l.text("resolves", ["rule": $0]) + "]" } ?? "")
            }
        }
        out += ["", bold(l("assumptions"))] + p.assumptions.map { "  - " + $0 }
        if let colophon = p.colophon { out += ["", colophon] }
        return out.joined(separator: "\n")
    }
}

/// Markdown tables, for pull requests and documents, in the context's language.
public struct MarkdownComparisonRenderer: ComparisonRenderer {
    public var context: ReportContext

    public init(context: ReportContext) { self.context = context }

    /// A renderer without the models' names (ids are shown quoted).
    public init(language: Language) { self.init(context: ReportContext(language: language)) }

    private func cell(_ s: String) -> String { s.replacingEvery("|", with: "\\|") }

    public func render(_ c: Comparison) throws -> String {
        let p = ReportPhrases(context: context, c: c), l = context.localizer
        var out = ["# \(cell(c.code)) \(cell(c.name.text(l.language, fallback: c.code)))", ""]
        if let s = c.scenario { out += ["\(l("scenario")): **\(cell(s.text(l.language, fallback: "")))**", ""] }
        out += ["## \(l("summary"))", ""] + p.summary.map { "- " + $0 }
        if let note = p.leadTimeNote { out += ["", note] }
        out += ["", "## \(l("static"))", "", "| \(l("figure")) | \(l("before")) | \(l("after")) | \(l("change")) |", "|---|---:|---:|---:|"]
        for r in c.staticRows {
            out.append("| \(l(r.key)) | \(p.value(r.key, r.before)) | \(p.value(r.key, r.after)) | \(p.change(r)) |")
        }
        if !c.simulated.isEmpty {
            out += ["", "## \(l("simulated"))", "", p.runs, "",
                    "| \(l("figure")) | \(l("before")) | \(l("after")) | \(l("difference")) | \(l("significant")) |",
                    "|---|---:|---:|---:|---|"]
            for r in c.simulated {
                out.append("| \(l(r.key)) | \(p.estimate(r.key, r.before)) | \(p.estimate(r.key, r.after)) | "
                           + "\(p.estimate(r.key, r.difference, difference: true)) | \(l(r.significant ? "yes" : "no")) |")
            }
            let warnings = p.warnings
            if !warnings.isEmpty { out += ["", "> **\(l("warnings"))**"] + warnings.map { "> - \(cell($0))" } }
        }
        if !c.steadyUtilisation.isEmpty {
            let header = p.utilisationHeader
            out += ["", "## \(l(Figure.utilisation.rawValue))", "", "| " + header.map(cell).joined(separator: " | ") + " |",
                    "|---|" + String(repeating: "---:|", count: header.count - 1)]
            out += p.utilisationRows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
            if let note = p.utilisationNote { out += ["", cell(note)] }
        }
        if !c.waterfall.isEmpty {
            out += ["", "## \(l("waterfall"))", "", "| \(l("lever")) | \(l("workingDays")) | \(l("visits")) | \(l("costPerCase")) |",
                    "|---|---:|---:|---:|"]
            for w in c.waterfall {
                out.append("| \(cell(p.lever(w))) | \(l.numbers.number(w.leadTimeDays)) | \(l.numbers.number(w.applicantVisits)) | "
                           + "\(l.numbers.money(w.costPerCaseVND)) |")
            }
        }
        let rules = Set(c.findingsBefore.keys).union(c.findingsAfter.keys).sorted()
        if !rules.isEmpty {
            out += ["", "## \(l("findings"))", "", "| \(l("rule")) | \(l("before")) | \(l("after")) |", "|---|---:|---:|"]
            for rule in rules {
                out.append("| \(cell(l.ruleTitle(rule))) | \(c.findingsBefore[rule] ?? 0) | \(c.findingsAfter[rule] ?? 0) |")
            }
        }
        if !c.changes.isEmpty {
            out += ["", "## \(l("changes"))", "", "| \(l("where")) | \(l("change")) |", "|---|---|"]
            for change in c.changes {
                let (place, what) = p.change(change)
                out.append("| \(cell(place)) | \(cell(what))" + (change.resolves.map { " (" + cell(l.text("resolves", ["rule": $0])) + ")" } ?? "") + " |")
            }
        }
        out += ["", "## \(l("assumptions"))", ""] + p.assumptions.map { "- " + cell($0) }
        if let colophon = p.colophon { out += ["", "_\(colophon)_"] }
        return out.joined(separator: "\n") + "\n"
    }
}

/// JSON with sorted keys.
public struct JSONComparisonRenderer: ComparisonRenderer {
    public init() {}

    public func render(_ c: Comparison) throws -> String {
        try jsonDocument(c, kind: "comparison")
    }
}
