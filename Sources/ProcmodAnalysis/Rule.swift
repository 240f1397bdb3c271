public import ProcmodModel
import ProcmodLocalization

/// What a rule looks for.
public enum RuleCategory: String, Sendable, Codable, CaseIterable {
    case redundantPaper = "redundant-paper"
    case bottleneck
    case structure
}

/// Thresholds that rules read; set from the command line or a preset.
public struct RuleOptions: Sendable {
    /// Utilisation from which `high-utilisation` reports (default 0.85).
    public var highUtilisation = 0.85
    /// Most applicant visits per case before `too-many-visits` reports (default 1).
    public var maxVisits = 1.0
    /// Most hand-offs between agencies per case before `too-many-handoffs` reports (default 2).
    public var maxHandoffs = 2.0
    /// Share of lead time from which one step `dominant-step` reports (default 0.5).
    public var dominantShare = 0.5
    /// Probability of a rework or supplement branch from which `heavy-rework` reports (default 0.2).
    public var heavyRework = 0.2
    /// The date obsolescence is judged at, overriding the model's `as-of` (`procmod analyze --as-of`).
    public var asOf: LocalDate?

    /// The date a model describes when neither `--as-of` nor its `as-of` says: the simulator's default
    /// start, Monday 5 January 2026.
    public static let defaultAsOf = LocalDate(year: 2026, month: 1, day: 5) ?? LocalDate(dayNumber: 20_458)

    /// The date a procedure's findings are judged at.
    public func asOf(for procedure: Procedure) -> LocalDate { asOf ?? procedure.asOf ?? Self.defaultAsOf }

    public init() {}
}

/// A small procedure that shows a rule triggering or not. The fragments are placed into
/// ``ExampleProcedure`` (standard actors, documents and one in-person channel); the test suite loads
/// every example and runs its rule on it.
public struct RuleExample: Sendable {
    public var triggers: Bool
    /// For a triggering example: the element (step, choice, actor, document id, or the procedure code)
    /// that the one finding must name.
    public var element: String?
    /// For a triggering example: words the finding's message must contain.
    public var message: String?
    /// `<provision>` elements the example's flow cites (`legal="…"`).
    public var legal: String
    public var documents: String
    public var flow: String
    public var actors: String
    public var volume: Int
    public var file: String
    public var filePath: String
    public var line: Int

    public init(triggers: Bool, element: String? = nil, message: String? = nil, legal: String = "", documents: String = "",
                actors: String = "", volume: Int = 10_000, flow: String, file: String = #fileID, filePath: String = #filePath,
                line: Int = #line) {
        self.triggers = triggers
        self.element = element
        self.message = message
        self.legal = legal
        self.filePath = filePath
        self.documents = documents
        self.actors = actors
        self.volume = volume
        self.flow = flow
        self.file = file
        self.line = line
    }

    /// The whole example procedure as XML.
    public var xml: String { ExampleProcedure.xml(self) }
}

/// One check of the catalog: its documentation, its examples and its logic.
public protocol Rule: Sendable {
    /// The rule's identifier (``RuleID``); its kebab-case text is ``id``.
    var ruleID: RuleID { get }
    var name: String { get }
    /// One sentence: what the rule finds.
    var summary: String { get }
    /// Why it matters, citing the legal basis where there is one.
    var rationale: String { get }
    var category: RuleCategory { get }
    /// The acts and articles the rule rests on, each as it is cited ("Decree 23/2015/NĐ-CP Art. 6.1");
    /// every finding carries them. docs/legal-basis.md says which were read in the legal text.
    var legalBasis: [String] { get }
    /// Citations that apply only to procedures of one field (`field` of the procedure: `civil-status`,
    /// `business-registration`, …): a finding carries them beside ``legalBasis`` when its procedure is of
    /// that field, never elsewhere.
    var sectorLegalBasis: [String: [String]] { get }
    /// The severity in the `recommended` preset.
    var defaultSeverity: Severity { get }
    var examples: [RuleExample] { get }
    /// How `<fix rule>` fixes the rule's findings (nil: no automatic fix), beside the rule.
    var fix: RuleFix? { get }
    /// The fix shown before → after; the tests run them.
    var fixExamples: [RuleFixExample] { get }
    /// Findings, with the rule's default severity (the analyzer applies the configured one).
    func check(_ analysis: ProcedureAnalysis, _ options: RuleOptions) -> [Finding]
}

extension Rule {
    /// Kebab-case identifier, e.g. `certified-copy`.
    public var id: String { ruleID.rawValue }

    /// A finding of this rule at its default severity.
    func finding(_ message: String, element: String, at location: SourceLocation, requirement: Int? = nil,
                 saving: Saving? = nil) -> Finding {
        var f = Finding(rule: id, severity: defaultSeverity, message: message, element: element, location: location,
                        saving: saving)
        f.requirement = requirement
        f.legal = legalBasis
        return f
    }

    /// A finding said by a catalog message (`finding.<key>`, ProcmodLocalization): its English text is the
    /// finding's `message`, and reports in another language say `text` with the model's names.
    func finding(_ key: String, _ values: [String: String], element: String, at location: SourceLocation,
                 requirement: Int? = nil, saving: Saving? = nil) -> Finding {
        let text = Message("finding." + key, values)
        var f = finding(Localizer(.en).render(text), element: element, at: location, requirement: requirement, saving: saving)
        f.text = text
        return f
    }

    /// The citations of provisions the model gives for an element (`legal="…"`), as text.
    func citations(_ ids: [String], in procedure: Procedure) -> [String] {
        ids.map { procedure.legal[$0]?.citation ?? $0 }
    }
}

extension Rule {
    /// No legal basis: the rule measures time or structure rather than applying a provision.
    public var legalBasis: [String] { [] }
    /// No sector-specific citations.
    public var sectorLegalBasis: [String: [String]] { [:] }
}
