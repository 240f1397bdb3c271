public import ProcmodAnalysis
public import ProcmodModel
import ProcmodLocalization

/// The compliance cost form (Circular 02/2017/TT-VPCP Art. 27) as text, Markdown, CSV or JSON, before
/// and, with a scenario, after, with the simplification plan's benefit block (docs/analysis.md, "The
/// cost form"). Vietnamese labels and number style with `language: .vi`.
public struct CostFormRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, markdown, csv, json }

    public var format: Format
    public var language: Language

    public init(format: Format, language: Language = .en) {
        self.format = format
        self.language = language
    }

    /// The form of one procedure, or the forms before and after with their benefit.
    public func render(before: ComplianceCostForm, after: ComplianceCostForm? = nil,
                       benefit: SimplificationBenefit? = nil) throws -> String {
        switch format {
        case .json: return try jsonDocument(CostFormDocument(before: before, after: after, benefit: benefit), kind: "cost-form")
        case .csv: return csv(before, "before") + (after.map { csv($0, "after", header: false) } ?? "")
        case .markdown, .text:
            var out = [heading(before)]
            out += table(before, title: after == nil ? nil : l("cost.before"))
            if let after { out += [""] + table(after, title: l("cost.after")) }
            if let benefit { out += [""] + plan(benefit) }
            return out.joined(separator: "\n") + "\n"
        }
    }

    // MARK: Labels and numbers

    private var l: Localizer { Localizer(language) }

    /// Whole đồng, grouped: 1,400,000 (en) or 1.400.000 (vi).
    private func money(_ x: Double) -> String { l.numbers.money(x) }

    /// Up to two decimals: 1.25 (en) or 1,25 (vi).
    private func decimal(_ x: Double) -> String { l.numbers.number(x) }

    private func percent(_ share: Double) -> String { l.numbers.percent(share) }

    /// A source as "id: title": in Vietnamese only its id (the title is the modeller's note, often in
    /// English), after the word for source.
    private func sourceText(_ text: String) -> String {
        guard language == .vi else { return text }
        let id = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? text
        return l.text("cost.source", ["text": id])
    }

    private func heading(_ form: ComplianceCostForm) -> String {
        let name = form.name.text(language, fallback: form.code)
        let title = l("cost.title")
        return format == .markdown ? "# \(title): \(form.code) \(name)\n" : "\(title): \(form.code) \(name)\n"
    }

    // MARK: The form

    private var columns: [String] {
        ["activity", "timesPerCase", "hours", "timeCost", "fees", "other", "perCase", "perYear"].map { l("cost.column." + $0) }
    }

    private func cells(_ a: ComplianceCostForm.Activity, in form: ComplianceCostForm) -> [String] {
        [a.name.text(language, fallback: a.id), decimal(a.timesPerCase), decimal(a.hours), money(a.timeCostVND),
         money(a.feesVND), money(a.otherVND), money(a.perCaseVND), money(form.perYearVND(of: a))]
    }

    private func totals(_ form: ComplianceCostForm) -> [String] {
        [l("cost.total"), "", decimal(form.hours), money(form.timeCostVND), money(form.feesVND),
         money(form.otherVND), money(form.perCaseVND), money(form.perYearVND)]
    }

    private func table(_ form: ComplianceCostForm, title: String?) -> [String] {
        var out: [String] = []
        if let title { out += [format == .markdown ? "## \(title)" : title, ""] }
        let rows = form.activities.map { cells($0, in: form) } + [totals(form)]
        if format == .markdown {
            out.append("| " + columns.joined(separator: " | ") + " |")
            out.append("|---|" + String(repeating: "---:|", count: columns.count - 1))
            out += rows.map { "| " + $0.joined(separator: " | ") + " |" }
        } else {
            let widths = columns.indices.map { k in ([columns[k]] + rows.map { $0[k] }).map(\.count).max() ?? 0 }
            func line(_ r: [String]) -> String {
                r.enumerated().map { k, cell in
                    let pad = String(repeating: " ", count: max(0, widths[k] - cell.count))
                    return k == 0 ? cell + pad : pad + cell
                }.joined(separator: "  ")
            }
            out.append(line(columns))
            out += rows.map(line)
        }
        out.append("")
        let sources = form.incomeSources.isEmpty ? l("cost.noSource")
            : form.incomeSources.map { $0 == "assumed" ? l("cost.assumed") : sourceText($0) }.joined(separator: "; ")
        out.append(l.text("cost.basis", ["f": decimal(form.frequencyPerYear), "n": money(form.subjectsPerYear),
                                         "income": money(form.incomePerHourVND), "sources": sources]))
        return out
    }

    // MARK: The plan's benefit

    private func plan(_ b: SimplificationBenefit) -> [String] {
        let title = l("cost.benefit")
        var out = [format == .markdown ? "## \(title)" : title, ""]
        out.append("- " + l.text("cost.benefit.before", ["money": money(b.costBeforePerYearVND)]))
        out.append("- " + l.text("cost.benefit.after", ["money": money(b.costAfterPerYearVND)]))
        out.append("- " + l.text("cost.benefit.saving", ["money": money(b.savingPerYearVND)]))
        if let cut = b.costCut { out.append("- " + l.text("cost.benefit.cut", ["percent": percent(cut)])) }
        out.append("- " + l.text("cost.benefit.time", ["before": decimal(b.daysBefore), "after": decimal(b.daysAfter)])
                   + (b.timeCut.map { " (" + l.text("cost.benefit.timeCut", ["percent": percent($0)]) + ")" } ?? ""))
        for target in SimplificationBenefit.targets {
            let costMet = (b.costCut ?? 0) >= target.cut - 1e-12, timeMet = (b.timeCut ?? 0) >= target.cut - 1e-12
            out.append("- " + l.text("cost.target", ["year": "\(target.year)", "percent": percent(target.cut),
                                                     "cost": l(costMet ? "cost.met" : "cost.notMet"),
                                                     "time": l(timeMet ? "cost.met" : "cost.notMet")]))
        }
        return out
    }

    // MARK: CSV

    private func csv(_ form: ComplianceCostForm, _ version: String, header: Bool = true) -> String {
        func field(_ s: String) -> String { s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingEvery("\"", with: "\"\"") + "\"" : s }
        func plain(_ x: Double) -> String { decimalText(x, decimals: 4) }
        var lines: [String] = []
        if header {
            lines.append("code,version,activity,name,times_per_case,hours,time_cost_vnd,fees_vnd,other_vnd,per_case_vnd,per_year_vnd")
        }
        for a in form.activities {
            lines.append([form.code, version, a.id, a.name.text(language, fallback: a.id), plain(a.timesPerCase), plain(a.hours),
                          plain(a.timeCostVND), plain(a.feesVND), plain(a.otherVND), plain(a.perCaseVND),
                          plain(form.perYearVND(of: a))].map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The JSON document of `procmod cost`.
struct CostFormDocument: Encodable {
    var before: ComplianceCostForm
    var after: ComplianceCostForm?
    var benefit: SimplificationBenefit?
}
