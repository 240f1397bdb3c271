/// Every rule, sorted by id. A test fails when this list or `docs/rules.md` is out of date.
public enum RuleCatalog {
    public static let all: [any Rule] = [
        CertifiedCopyRule(),
        CouldRunInParallelRule(),
        DeadlineInfeasibleRule(),
        DominantStepRule(),
        DuplicateRequestRule(),
        HeavyReworkRule(),
        HighUtilisationRule(),
        MultipleSetsRule(),
        ObsoleteDocumentRule(),
        OnceOnlyRule(),
        OverloadedActorRule(),
        PaperAlongsideElectronicRule(),
        PhysicalHandoffRule(),
        PrintSignScanRule(),
        ResultFromApplicantRule(),
        SigningCadenceRule(),
        SingleSignerRule(),
        SupplementCapRule(),
        TooManyHandoffsRule(),
        TooManyVisitsRule(),
        UnnamedElementRule(),
        UnusedDocumentRule(),
        VisitToCollectRule(),
        VisitToPayRule(),
        WetSignatureRule(),
    ]

    /// The rule with this id.
    public static func rule(_ id: String) -> (any Rule)? { all.first { $0.id == id } }
}

/// A named set of severities.
public enum Preset: String, Sendable, CaseIterable {
    /// Each rule at its default severity.
    case recommended
    /// Warnings become errors and notes become warnings: for procedures that claim to be reformed.
    case strict

    public func severity(of rule: any Rule) -> Severity {
        switch self {
        case .recommended: rule.defaultSeverity
        case .strict:
            switch rule.defaultSeverity {
            case .warning: .error
            case .note: .warning
            default: rule.defaultSeverity
            }
        }
    }
}

/// Which rules run at what severity, and their thresholds.
public struct AnalyzerConfiguration: Sendable {
    public var preset: Preset
    /// Per-rule severities that override the preset (`off` disables).
    public var overrides: [String: Severity]
    public var options: RuleOptions

    public init(preset: Preset = .recommended, overrides: [String: Severity] = [:], options: RuleOptions = .init()) {
        self.preset = preset
        self.overrides = overrides
        self.options = options
    }

    public func severity(of rule: any Rule) -> Severity {
        overrides[rule.id] ?? preset.severity(of: rule)
    }
}
