public import ProcmodAnalysis

/// Compiler-style finding lines, then a compact metrics table per procedure.
public struct TextAnalysisRenderer: AnalysisRenderer {
    public var colored: Bool

    public init(colored: Bool) { self.colored = colored }

    private func paint(_ s: String, _ code: String) -> String { colored ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func render(_ reports: [AnalysisReport]) throws -> String {
        var lines: [String] = []
        for report in reports {
            for f in report.findings {
                let severity: String
                switch f.severity {
                case .error: severity = paint("error:", "1;31")
                case .warning: severity = paint("warning:", "1;33")
                default: severity = paint("note:", "1;36")
                }
                var line = "\(paint("\(f.location):", "1")) \(severity) \(f.message) [\(f.rule)]"
                if !f.legal.isEmpty { line += "\n    legal basis: " + f.legal.joined(separator: "; ") }
                if let s = f.saving { line += "\n    saves per case: " + Format.saving(s) }
                if let y = f.savingPerYear, let s = f.saving, s.applicantVND + s.agencyVND > 0.5 {
                    line += "; per year: " + Format.vnd(y.applicantVND + y.agencyVND)
                }
                lines.append(line)
            }
            lines.append(contentsOf: metricsTable(report))
        }
        return lines.joined(separator: "\n")
    }

    private func metricsTable(_ r: AnalysisReport) -> [String] {
        let m = r.metrics, t = m.leadTime, c = m.cost
        func row(_ label: String, _ value: String) -> String {
            "  " + label + String(repeating: " ", count: max(1, 30 - label.count)) + value
        }
        var out = ["", paint("\(r.code) \(r.name.en ?? r.name.vi ?? "")", "1")]
        let counts = m.stepsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \(Format.number($0.value))" }
        out.append(row("steps", "\(m.steps) (" + counts.joined(separator: ", ") + ")"))
        out.append(row("applicant visits", Format.number(m.applicantVisits)))
        out.append(row("agency hand-offs", Format.number(m.agencyHandoffs) + " (paper \(Format.number(m.paperHandoffs)))"))
        out.append(row("documents / requirements", "\(m.documentsRequired) / \(m.requirements)"))
        out.append(row("copies / certified", Format.number(m.copies) + " / " + Format.number(m.certifiedCopies)))
        out.append(row("pages handed in", Format.number(m.pages)))
        if m.legalisations > 0 || m.translations > 0 {
            out.append(row("foreign papers", "\(Format.number(m.legalisations)) legalised, \(Format.number(m.translations)) translated per case"))
        }
        out.append(row("paper share", Format.percent(m.paperShare)))
        var lead = Format.number(t.expectedDays) + " working days expected (paths \(Format.number(t.shortestPathDays))–"
            + "\(Format.number(t.longestPathDays)))"
        if let d = t.deadlineDays { lead += ", deadline \(Format.number(d))" }
        out.append(row("lead time", lead))
        out.append(row("  work / transfer / queue / wait", [t.workDays, t.transferDays, t.queueDays, t.waitDays]
            .map { Format.number($0) }.joined(separator: " / ")))
        out.append(row("process cycle efficiency", Format.percent(t.processCycleEfficiency)))
        out.append(row("compliance cost per case", Format.vnd(c.perCaseVND) + " (applicant time " + Format.vnd(c.applicantTimeVND)
                       + ", out of pocket " + Format.vnd(c.applicantOutOfPocketVND) + "; Circular 02/2017)"))
        out.append(row("compliance cost per year", Format.vnd(c.perYearVND) + " for \(Format.number(c.volume)) cases"))
        out.append(row("agencies' own cost", Format.vnd(c.agencyVND) + " per case, " + Format.vnd(c.agencyPerYearVND)
                       + " per year (not compliance cost)"))
        for path in m.paths {
            out.append(row("  path " + Format.percent(path.probability), Format.number(path.days) + " days: "
                           + path.steps.joined(separator: " → ")))
        }
        for load in m.actors {
            guard let u = load.utilisation else { continue }
            var text = Format.percent(u) + " utilised"
            if let w = load.meanWaitDays { text += ", M/M/c wait " + (w.isFinite ? Format.number(w) + " days" : "unbounded") }
            if load.cadenceWaitDays > 0 { text += ", cadence wait " + Format.number(load.cadenceWaitDays) + " days" }
            out.append(row("  " + load.actor, text))
        }
        return out
    }
}
