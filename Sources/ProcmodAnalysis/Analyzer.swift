public import ProcmodModel

/// One procedure's analysis: findings (sorted by location) and metrics.
public struct AnalysisReport: Sendable, Codable {
    public var path: String
    public var code: String
    public var name: LocalizedName
    public var findings: [Finding]
    public var metrics: ProcedureMetrics

    /// The sum of the savings of all findings, per case (an upper bound: findings can overlap).
    public var totalSaving: Saving { findings.compactMap(\.saving).reduce(Saving(), +) }
}

/// Runs the rule catalog over procedures.
public struct Analyzer: Sendable {
    public var configuration: AnalyzerConfiguration

    public init(configuration: AnalyzerConfiguration = .init()) {
        self.configuration = configuration
    }

    /// Analyzes one procedure.
    public func analyze(_ procedure: Procedure, path: String? = nil) -> AnalysisReport {
        let analysis = ProcedureAnalysis(procedure)
        var findings: [Finding] = []
        for rule in RuleCatalog.all {
            let severity = configuration.severity(of: rule)
            guard severity != .off else { continue }
            for var finding in rule.check(analysis, configuration.options) {
                // A rule may raise its own default (deadline: error when even the fastest path is late).
                if finding.severity != rule.defaultSeverity, configuration.overrides[rule.id] == nil {
                    finding.severity = min(finding.severity, severity)
                } else {
                    finding.severity = severity
                }
                if let saving = finding.saving, saving.isZero { finding.saving = nil }
                // Citations of the procedure's own field (civil status, business registration) join the general ones.
                finding.legal += procedure.field.flatMap { rule.sectorLegalBasis[$0] } ?? []
                finding.savingPerYear = finding.saving.map { scaled($0, by: procedure.volume.perYear) }
                findings.append(finding)
            }
        }
        return AnalysisReport(path: path ?? procedure.location.file, code: procedure.code, name: procedure.name,
                              findings: findings.sorted(), metrics: analysis.metrics)
    }

    private func scaled(_ s: Saving, by n: Double) -> Saving {
        var out = Saving()
        out.applicantHours = s.applicantHours * n
        out.agencyHours = s.agencyHours * n
        out.elapsedDays = s.elapsedDays * n
        out.visits = s.visits * n
        out.pages = s.pages * n
        out.applicantVND = s.applicantVND * n
        out.agencyVND = s.agencyVND * n
        return out
    }
}
