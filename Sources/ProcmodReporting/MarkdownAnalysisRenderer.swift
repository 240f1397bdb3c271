public import ProcmodAnalysis
public import ProcmodLocalization
public import ProcmodModel

/// A Markdown page per run: findings and metrics per procedure, in the reader's language.
public struct MarkdownAnalysisRenderer: AnalysisRenderer {
    public var language: Language
    /// The models' names, by the report's path.
    public var names: [String: NameBook]

    public init(language: Language = .en, names: [String: NameBook] = [:]) {
        self.language = language
        self.names = names
    }

    private func escape(_ s: String) -> String {
        s.replacingEvery("|", with: "\\|").replacingEvery("\n", with: " ")
    }

    public func render(_ reports: [AnalysisReport]) throws -> String {
        var out: [String] = []
        for r in reports {
            let l = Localizer(language, names: names[r.path] ?? .none), n = l.numbers
            let say = AnalysisPhrases(l: l)
            out.append("## \(escape(r.code)) \(escape(r.name.text(language, fallback: "")))")
            out.append("")
            out.append("`\(r.path)`")
            out.append("")
            if r.findings.isEmpty {
                out.append(l("analysis.none"))
            } else {
                out.append("| \(l("analysis.severity")) | \(l("rule")) | \(l("analysis.where")) | \(l("analysis.finding")) | \(l("analysis.savingPerCase")) |")
                out.append("|---|---|---|---|---|")
                for f in r.findings {
                    out.append("| \(l("severity." + f.severity.rawValue)) | \(escape(l.ruleTitle(f.rule))) (`\(f.rule)`) | "
                               + "\(f.location.line):\(f.location.column) | \(escape(say.message(f))) | \(f.saving.map(say.saving) ?? "") |")
                }
            }
            let m = r.metrics, t = m.leadTime, c = m.cost
            func row(_ key: String, _ value: String) { out.append("| \(l("metric." + key)) | \(value) |") }
            out.append("")
            out.append("| \(l("analysis.metric")) | \(l("analysis.value")) |")
            out.append("|---|---|")
            row("steps", "\(m.steps)")
            row("visits", n.number(m.applicantVisits))
            row("handoffs", l.text("metric.handoffsValue", ["all": n.number(m.agencyHandoffs), "paper": n.number(m.paperHandoffs)]))
            row("copies", n.number(m.copies) + " / " + n.number(m.certifiedCopies))
            row("pages", n.number(m.pages))
            if m.legalisations > 0 || m.translations > 0 {
                row("foreign", l.text("metric.foreignValue", ["legalised": n.number(m.legalisations), "translated": n.number(m.translations)]))
            }
            row("paperShare", n.percent(m.paperShare))
            row("leadTime", l.text("metric.leadTimeValue", ["days": n.number(t.expectedDays), "shortest": n.number(t.shortestPathDays),
                                                            "longest": n.number(t.longestPathDays)]))
            row("ladder", [t.workDays, t.transferDays, t.queueDays, t.waitDays].map { n.number($0) }.joined(separator: " / "))
            row("efficiency", n.percent(t.processCycleEfficiency))
            row("costPerCase", say.money(c.perCaseVND))
            row("costPerYear", say.money(c.perYearVND))
            row("agencyCost", say.money(c.agencyVND))
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}
