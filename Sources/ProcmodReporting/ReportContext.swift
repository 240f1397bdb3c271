public import ProcmodLocalization
public import ProcmodModel
import ProcmodScenario

/// What a before/after report needs besides the comparison: the reader's language with the model's names,
/// the steps of both models for the drawing, the before-model's assumptions, and the date and version the
/// report is prepared with.
public struct ReportContext: Sendable {
    public var localizer: Localizer
    /// The before-model's steps in flow order (ids).
    public var beforeSteps: [String]
    /// How many values of the before-model are assumed rather than sourced (`assumed="true"`).
    public var assumedValues: Int?
    /// The date the report is prepared on; nil leaves it out.
    public var date: LocalDate?
    /// procmod's version; nil leaves it out.
    public var version: String?
    /// The before-model's statutory deadline, as the law states it.
    public var deadline: Deadline?
    /// The date the before-model describes (its `as-of`), when it says.
    public var asOf: LocalDate?
    /// Both models, for the diagrams of the HTML report.
    public var models: (before: Procedure, after: Procedure)?

    /// A context with the names of both models (the before-model's first).
    public init(language: Language, before: Procedure, after: Procedure, date: LocalDate? = nil, version: String? = nil) {
        localizer = Localizer(language, names: NameBook(before, after))
        beforeSteps = before.flow.steps.map(\.id)
        assumedValues = assumedValueCount(before)
        deadline = before.deadline
        asOf = before.asOf
        models = (before, after)
        self.date = date
        self.version = version
    }

    /// A context without a model: ids are shown quoted.
    public init(language: Language) {
        localizer = Localizer(language)
        beforeSteps = []
    }

    public var language: Language { localizer.language }
}

/// How many `Provenance` values in `value` say `assumed`: every figure the modeller assumed rather than took
/// from a cited source (volumes, durations, shares, fees, incomes, ...).
func assumedValueCount(_ value: Any) -> Int {
    if let p = value as? Provenance { return p.assumed ? 1 : 0 }
    let mirror = Mirror(reflecting: value)
    var count = 0
    for child in mirror.children { count += assumedValueCount(child.value) }
    return count
}
