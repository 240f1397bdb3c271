public import ProcmodModel
public import ProcmodLocalization

/// How serious a finding is; `off` disables a rule.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case error, warning, note, off

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        case .off: 3
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// What removing the waste behind a finding would save, per case; per year is × the annual volume.
public struct Saving: Sendable, Hashable, Codable {
    public var applicantHours: Double = 0
    public var agencyHours: Double = 0
    /// Expected lead time, in working days.
    public var elapsedDays: Double = 0
    public var visits: Double = 0
    public var pages: Double = 0
    /// Standard Cost Model cost: applicant time × tariff + out-of-pocket.
    public var applicantVND: Double = 0
    /// Agency staff time × tariff.
    public var agencyVND: Double = 0

    public init() {}

    public var isZero: Bool {
        applicantHours == 0 && agencyHours == 0 && elapsedDays == 0 && visits == 0 && pages == 0
            && applicantVND == 0 && agencyVND == 0
    }

    public static func + (a: Saving, b: Saving) -> Saving {
        var s = Saving()
        s.applicantHours = a.applicantHours + b.applicantHours
        s.agencyHours = a.agencyHours + b.agencyHours
        s.elapsedDays = a.elapsedDays + b.elapsedDays
        s.visits = a.visits + b.visits
        s.pages = a.pages + b.pages
        s.applicantVND = a.applicantVND + b.applicantVND
        s.agencyVND = a.agencyVND + b.agencyVND
        return s
    }
}

/// One finding of one rule on one element.
public struct Finding: Sendable, Hashable, Codable, Comparable {
    public var rule: String
    public var severity: Severity
    public var message: String
    /// The id of the element the finding is about.
    public var element: String
    public var location: SourceLocation
    /// Per case; nil when the rule does not estimate one.
    public var saving: Saving?
    /// Per year (saving × annual volume).
    public var savingPerYear: Saving?
    /// For a finding about one document requirement: its index in the step's `requires`. Fixes address
    /// the requirement by this (step id and index), never by source location, which a model built in
    /// code or edited by a lever does not have.
    public var requirement: Int?
    /// The legal basis of the rule (acts and articles), for the reader to check the finding against.
    public var legal: [String] = []
    /// The finding as a catalog message (ProcmodLocalization), for reports in the reader's language;
    /// `message` is its English text with ids.
    public var text: Message?

    public init(rule: String, severity: Severity, message: String, element: String, location: SourceLocation,
                saving: Saving? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.element = element
        self.location = location
        self.saving = saving
    }

    public static func < (a: Finding, b: Finding) -> Bool {
        (a.location, a.rule, a.element, a.message) < (b.location, b.rule, b.element, b.message)
    }
}
