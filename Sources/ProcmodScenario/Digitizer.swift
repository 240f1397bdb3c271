public import ProcmodModel
public import ProcmodLocalization
import ProcmodAnalysis

/// One change a lever made to the procedure.
public struct Change: Sendable, Hashable, Codable {
    /// The lever's element name (`share-data`, `fix`, ...).
    public var lever: String
    /// The element changed (a step, actor, document or channel id, or the procedure's code).
    public var element: String
    /// What changed, in English with ids (for logs and JSON readers); reports say ``message`` in the
    /// reader's language with the model's names.
    public var description: String
    /// What changed, as a catalog message (ProcmodLocalization).
    public var message: Message
    /// The analyzer rule whose finding the change removes, when there is one.
    public var resolves: String?

    public init(lever: String, element: String, message: Message, resolves: String? = nil) {
        self.lever = lever
        self.element = element
        self.message = message
        self.description = Localizer(.en).render(message)
        self.resolves = resolves
    }
}

/// The after-procedure and what was done to get it.
public struct DigitizationResult: Sendable {
    public var after: Procedure
    public var changes: [Change]
    /// Levers that could not be applied (unknown ids, a rule with no automatic fix).
    public var diagnostics: [Diagnostic]
}

/// Applies a scenario's levers, in order, to a procedure.
public struct Digitizer: Sendable {
    public init() {}

    public func apply(_ scenario: Scenario, to procedure: Procedure) -> DigitizationResult {
        var state = LeverState(procedure: procedure)
        if scenario.procedure != procedure.code {
            state.error(scenario.location, "the scenario is for procedure \(scenario.procedure), not \(procedure.code)")
        }
        for lever in scenario.levers { state.apply(lever) }
        state.removeUnusedDocuments()
        return DigitizationResult(after: state.procedure, changes: state.changes, diagnostics: state.diagnostics.sorted())
    }

    /// The procedure after each lever in turn: element 0 is the original, element k has levers 1…k.
    public func steps(_ scenario: Scenario, from procedure: Procedure) -> [Procedure] {
        var state = LeverState(procedure: procedure)
        var out = [procedure]
        for lever in scenario.levers {
            state.apply(lever)
            out.append(state.procedure)
        }
        return out
    }
}

/// The procedure being changed, with the change log.
struct LeverState {
    var procedure: Procedure
    /// Documents some step asked for before any lever ran: a step that fetched one of them goes once
    /// nothing asks for it any more (a document nobody asked for to begin with keeps its producer).
    var askedAtFirst: Set<String> = []

    init(procedure: Procedure) {
        self.procedure = procedure
        askedAtFirst = Set(procedure.flow.steps.flatMap { $0.requires.map(\.document) })
    }
    var changes: [Change] = []
    var diagnostics: [Diagnostic] = []
    var lever = ""

    mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, location, message, code: "scenario"))
    }

    mutating func note(_ element: String, _ message: Message, resolves: RuleID? = nil) {
        changes.append(Change(lever: lever, element: element, message: message, resolves: resolves?.rawValue))
    }

    mutating func apply(_ lever: Lever) {
        self.lever = lever.name
        switch lever.kind {
        case .channelShare(let channel, let share, let level): channelShare(channel, share, level, at: lever.location)
        case .onlineSubmission(let channel, let share, let level, let minutes, let before, let joins):
            onlineSubmission(channel, share: share, level: level, minutes: minutes, before: before, joins: joins, at: lever.location)
        case .shareData(let registers): shareData(Set(registers))
        case .electronicCopies: electronicCopies()
        case .electronicResult: electronicResult()
        case .digitalSignature(let signers, let keep):
            for id in signers where procedure.actors[id] == nil {
                error(lever.location, "digital-signature: no actor '\(id)' in procedure \(procedure.code)")
            }
            digitalSignature(Set(signers), keepCadence: keep)
        case .electronicTransfer(let minutes): electronicTransfer(minutes: minutes)
        case .onlinePayment: onlinePayment()
        case .postalDelivery(let days, let fee): postalDelivery(days: days, fee: fee)
        case .capacity(let actor, let capacity): setCapacity(actor, capacity, at: lever.location)
        case .deadline(let channel, let days, let inDays, let cutOff, let legal):
            setDeadline(channel: channel, limit: days, calendarDays: inDays, cutOff: cutOff, legal: legal, at: lever.location)
        case .duration(let step, let work, let delay): setDuration(step, work, delay, at: lever.location)
        case .removeStep(let step): remove(step, at: lever.location)
        case .parallelize(let a, let b): parallelize(a, b, at: lever.location)
        case .merge(let a, let b): merge(a, b, at: lever.location)
        case .fixRule(let rule): fix(rule, at: lever.location)
        }
    }

    /// Documents that no step requires or produces any more (and that are not the result) are dropped.
    mutating func removeUnusedDocuments() {
        lever = "cleanup"
        var used = Set([procedure.result])
        for s in procedure.flow.steps {
            used.formUnion(s.requires.map(\.document))
            used.formUnion(s.produces.map(\.document))
        }
        for id in procedure.documents.keys where !used.contains(id) {
            procedure.documents.removeValue(forKey: id)
            note(id, Message("change.documentGone", ["document": id]))
        }
    }
}
