public import ProcmodAnalysis
public import ProcmodLocalization
public import ProcmodModel

/// Compiler-style finding lines, then a compact metrics table per procedure, in the reader's language
/// (the finding's sentence, rule and element names, numbers as the language writes them).
public struct TextAnalysisRenderer: AnalysisRenderer {
    public var colored: Bool
    public var language: Language
    /// The models' names, by the report's path; ids are shown quoted where a model is missing.
    public var names: [String: NameBook]

    public init(colored: Bool, language: Language = .en, names: [String: NameBook] = [:]) {
        self.colored = colored
        self.language = language
        self.names = names
    }

    private func paint(_ s: String, _ code: String) -> String { colored ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func render(_ reports: [AnalysisReport]) throws -> String {
        var lines: [String] = []
        for report in reports {
            let l = Localizer(language, names: names[report.path] ?? .none)
            let say = AnalysisPhrases(l: l)
            for f in report.findings {
                let severity: String
                switch f.severity {
                case .error: severity = paint(l("severity.error") + ":", "1;31")
                case .warning: severity = paint(l("severity.warning") + ":", "1;33")
                default: severity = paint(l("severity.note") + ":", "1;36")
                }
                var line = "\(paint("\(f.location):", "1")) \(severity) \(say.message(f)) [\(f.rule)]"
                if !f.legal.isEmpty { line += "\n    " + l.text("analysis.legalBasis", ["text": f.legal.map(l.citation).joined(separator: "; ")]) }
                if let s = f.saving { line += "\n    " + l.text("analysis.saves", ["text": say.saving(s)]) }
                if let y = f.savingPerYear, let s = f.saving, s.applicantVND + s.agencyVND > 0.5 {
                    line += "; " + l.text("analysis.perYear", ["money": say.money(y.applicantVND + y.agencyVND)])
                }
                lines.append(line)
            }
            lines.append(contentsOf: metricsTable(report, say))
        }
        return lines.joined(separator: "\n")
    }

    private func metricsTable(_ r: AnalysisReport, _ say: AnalysisPhrases) -> [String] {
        let l = say.l, n = say.l.numbers
        let m = r.metrics, t = m.leadTime, c = m.cost
        func row(_ key: String, _ value: String) -> String {
            let label = key.hasPrefix("  ") ? key : l("metric." + key)
            return "  " + label + String(repeating: " ", count: max(1, 34 - label.count)) + value
        }
        var out = ["", paint("\(r.code) \(r.name.text(language, fallback: ""))", "1")]
        let counts = m.stepsByKind.sorted { $0.key < $1.key }.map { "\(l("kind." + $0.key)) \(n.number($0.value))" }
        out.append(row("steps", "\(m.steps) (" + counts.joined(separator: ", ") + ")"))
        out.append(row("visits", n.number(m.applicantVisits)))
        out.append(row("handoffs", l.text("metric.handoffsValue", ["all": n.number(m.agencyHandoffs), "paper": n.number(m.paperHandoffs)])))
        out.append(row("documents", "\(m.documentsRequired) / \(m.requirements)"))
        out.append(row("copies", n.number(m.copies) + " / " + n.number(m.certifiedCopies)))
        out.append(row("pages", n.number(m.pages)))
        if m.legalisations > 0 || m.translations > 0 {
            out.append(row("foreign", l.text("metric.foreignValue", ["legalised": n.number(m.legalisations), "translated": n.number(m.translations)])))
        }
        out.append(row("paperShare", n.percent(m.paperShare)))
        var lead = l.text("metric.leadTimeValue", ["days": n.number(t.expectedDays), "shortest": n.number(t.shortestPathDays),
                                                    "longest": n.number(t.longestPathDays)])
        if let d = t.deadlineDays {
            lead += d == 0 ? l("metric.deadlineSameDay")
                : l.text(t.deadlineInCalendarDays == true ? "metric.deadlineCalendarValue" : "metric.deadlineValue", ["days": n.number(d)])
        }
        out.append(row("leadTime", lead))
        out.append(row("ladder", [t.workDays, t.transferDays, t.queueDays, t.waitDays].map { n.number($0) }.joined(separator: " / ")))
        out.append(row("efficiency", n.percent(t.processCycleEfficiency)))
        out.append(row("costPerCase", l.text("metric.costPerCaseValue", ["total": say.money(c.perCaseVND), "time": say.money(c.applicantTimeVND),
                                                                         "pocket": say.money(c.applicantOutOfPocketVND)])))
        out.append(row("costPerYear", l.text("metric.costPerYearValue", ["money": say.money(c.perYearVND), "cases": n.number(c.volume)])))
        out.append(row("agencyCost", l.text("metric.agencyCostValue", ["case": say.money(c.agencyVND), "year": say.money(c.agencyPerYearVND)])))
        for path in m.paths {
            out.append(row("  " + l.text("metric.path", ["share": n.percent(path.probability)]),
                           l.text("metric.pathValue", ["days": n.number(path.days)]) + path.steps.map { l.label($0, kind: "step") }.joined(separator: " → ")))
        }
        for load in m.actors {
            guard let u = load.utilisation else { continue }
            var text = l.text("metric.utilised", ["share": n.percent(u)])
            if let w = load.meanWaitDays {
                text += w.isFinite ? l.text("metric.queueWait", ["days": n.number(w)]) : l("metric.queueUnbounded")
            }
            if load.cadenceWaitDays > 0 { text += l.text("metric.cadenceWait", ["days": n.number(load.cadenceWaitDays)]) }
            out.append(row("  " + l.label(load.actor, kind: "actor"), text))
        }
        return out
    }
}

/// What the analysis renderers say in the reader's language: a finding's sentence, a saving, money.
struct AnalysisPhrases {
    let l: Localizer

    /// The finding's sentence: its catalog message with the model's names, else its English text.
    func message(_ f: Finding) -> String { f.text.map { l.render($0) } ?? f.message }

    func money(_ vnd: Double) -> String { l.text("money", ["money": l.numbers.money(vnd)]) }

    /// "0.5 h applicant, 2 pages, 1 visit, 12,000 VND": the non-zero parts of a saving.
    func saving(_ s: Saving) -> String {
        let n = l.numbers
        var parts: [String] = []
        if s.elapsedDays > 0.005 { parts.append(l.text("saving.days", ["days": n.number(s.elapsedDays)])) }
        if s.visits > 0.005 { parts.append(l.text(abs(s.visits - 1) < 0.005 ? "saving.visit" : "saving.visits", ["count": n.number(s.visits)])) }
        if s.applicantHours > 0.005 { parts.append(l.text("saving.applicantHours", ["count": n.number(s.applicantHours)])) }
        if s.agencyHours > 0.005 { parts.append(l.text("saving.agencyHours", ["count": n.number(s.agencyHours)])) }
        if s.pages > 0.005 { parts.append(l.text(abs(s.pages - 1) < 0.005 ? "saving.page" : "saving.pages", ["count": n.number(s.pages)])) }
        if s.applicantVND + s.agencyVND > 0.5 { parts.append(money(s.applicantVND + s.agencyVND)) }
        return parts.joined(separator: ", ")
    }
}
