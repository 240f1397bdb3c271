public import ProcmodAnalysis

/// A Markdown page per run: findings and metrics per procedure.
public struct MarkdownAnalysisRenderer: AnalysisRenderer {
    public init() {}

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    public func render(_ reports: [AnalysisReport]) throws -> String {
        var out: [String] = []
        for r in reports {
            out.append("## \(escape(r.code)) \(escape(r.name.en ?? r.name.vi ?? ""))")
            out.append("")
            out.append("`\(r.path)`")
            out.append("")
            if r.findings.isEmpty {
                out.append("No findings.")
            } else {
                out.append("| severity | rule | where | finding | saving per case |")
                out.append("|---|---|---|---|---|")
                for f in r.findings {
                    out.append("| \(f.severity.rawValue) | `\(f.rule)` | \(f.location.line):\(f.location.column) | "
                               + "\(escape(f.message)) | \(f.saving.map(Format.saving) ?? "") |")
                }
            }
            let m = r.metrics, t = m.leadTime, c = m.cost
            out.append("")
            out.append("| metric | value |")
            out.append("|---|---|")
            out.append("| steps | \(m.steps) |")
            out.append("| applicant visits | \(Format.number(m.applicantVisits)) |")
            out.append("| agency hand-offs (paper) | \(Format.number(m.agencyHandoffs)) (\(Format.number(m.paperHandoffs))) |")
            out.append("| copies / certified copies | \(Format.number(m.copies)) / \(Format.number(m.certifiedCopies)) |")
            out.append("| pages handed in | \(Format.number(m.pages)) |")
            if m.legalisations > 0 || m.translations > 0 {
                out.append("| foreign papers legalised, translated per case | \(Format.number(m.legalisations)), \(Format.number(m.translations)) |")
            }
            out.append("| paper share | \(Format.percent(m.paperShare)) |")
            out.append("| expected lead time | \(Format.number(t.expectedDays)) working days |")
            out.append("| work / transfer / queue / wait | \([t.workDays, t.transferDays, t.queueDays, t.waitDays].map { Format.number($0) }.joined(separator: " / ")) |")
            out.append("| process cycle efficiency | \(Format.percent(t.processCycleEfficiency)) |")
            out.append("| compliance cost per case (Circular 02/2017) | \(Format.vnd(c.perCaseVND)) |")
            out.append("| compliance cost per year | \(Format.vnd(c.perYearVND)) |")
            out.append("| agencies' own cost per case (not compliance cost) | \(Format.vnd(c.agencyVND)) |")
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}
