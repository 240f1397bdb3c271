/// A digitization scenario: levers applied, in order, to a procedure.
public struct Scenario: Sendable, Hashable, Codable {
    /// The code of the procedure the scenario is for (checked when applied).
    public var procedure: String
    public var name: LocalizedName
    public var summary: String?
    public var levers: [Lever]
    public var location: SourceLocation

    public init(procedure: String, name: LocalizedName, summary: String? = nil, levers: [Lever],
                location: SourceLocation = .unknown) {
        self.procedure = procedure
        self.name = name
        self.summary = summary
        self.levers = levers
        self.location = location
    }
}

/// One digitization lever (docs/scenarios.md).
public struct Lever: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        /// Set a channel's share of cases (the others shrink in proportion) and optionally its online level.
        case channelShare(channel: String, share: Double, level: OnlineLevel?)
        /// Add an online channel taking `share` of cases: they submit the dossier electronically on a
        /// portal instead of travelling to the desk, and join the flow at the desk's reception step.
        /// `before`: the step the online cases skip from (the channel choice goes just before it; default: the
        /// applicant's first trip, when every case takes it); `joins`: where they join (default: the first
        /// reception after it).
        case onlineSubmission(channel: String, share: Double, level: OnlineLevel, minutes: Double, before: String? = nil,
                              joins: String? = nil)
        /// The agencies read these registers: requirements of documents they hold disappear, with the
        /// steps that only existed to copy or certify them.
        case shareData(registers: [String])
        /// Certified copies become electronic certified copies; certify steps that served them go.
        case electronicCopies
        /// The result is electronic; visits only to collect it go.
        case electronicResult
        /// Signers sign digitally; their signing cadence goes unless kept; paper to them goes electronic.
        case digitalSignature(signers: [String], keepCadence: Bool)
        /// Paper hand-offs between agencies go over the document axis, taking `minutes`.
        case electronicTransfer(minutes: Double)
        /// Payments are made online; visits only to pay go.
        case onlinePayment
        /// Visits only to collect the result are replaced by delivery by post taking `days` calendar days.
        case postalDelivery(days: Double, fee: Double)
        /// A new statutory deadline for the whole procedure or one channel (working days; an optional new
        /// cut-off), as the reform's legal act sets it.
        case deadline(channel: String?, workingDays: Double, calendarDays: Bool, cutOff: TimeOfDay?, legal: [String])
        /// An actor's capacity changes.
        case capacity(actor: String, capacity: Capacity)
        /// A step's work or delay is replaced.
        case duration(step: String, work: TimedQuantity?, delay: TimedQuantity?)
        /// A step is removed; its predecessors go straight to its successor.
        case removeStep(step: String)
        /// Two consecutive steps run side by side: a parallel split before them, a join after.
        case parallelize(first: String, second: String)
        /// Two consecutive steps of the same actor become one, with the sum of their work.
        case merge(first: String, second: String)
        /// Every finding of an analyzer rule is fixed in the way docs/scenarios.md gives for that rule.
        case fixRule(rule: String)
    }

    public var kind: Kind
    /// The lever's element name in the scenario file (`share-data`, `fix`, ...).
    public var name: String
    public var location: SourceLocation

    /// The lever as a short label: its name and what it acts on (`remove to-police`, `fix certified-copy`).
    public var label: String {
        switch kind {
        case .channelShare(let c, let share, _): "\(name) \(c) \(Int((share * 100).rounded()))%"
        case .onlineSubmission(let c, let share, _, _, _, _): "\(name) \(c) \(Int((share * 100).rounded()))%"
        case .shareData(let registers): "\(name) " + registers.joined(separator: " ")
        case .digitalSignature(let signers, _): signers.isEmpty ? name : "\(name) " + signers.joined(separator: " ")
        case .capacity(let actor, _): "\(name) \(actor)"
        case .deadline(let channel, let days, let inDays, _, _):
            "\(name) \(channel.map { $0 + " " } ?? "")\(decimalText(days)) \(inDays ? "days" : "working days")"
        case .duration(let step, _, _), .removeStep(let step): "\(name) \(step)"
        case .parallelize(let a, let b), .merge(let a, let b): "\(name) \(a) \(b)"
        case .fixRule(let rule): "\(name) \(rule)"
        default: name
        }
    }

    /// What the lever acts on, as the scenario names it: ids of channels, registers, signers, actors or
    /// steps, a rule id, or a deadline's days; empty for levers that act on the whole procedure.
    public var targets: [String] {
        switch kind {
        case .channelShare(let c, _, _), .onlineSubmission(let c, _, _, _, _, _): [c]
        case .shareData(let registers): registers
        case .digitalSignature(let signers, _): signers
        case .capacity(let actor, _): [actor]
        case .deadline(_, let days, _, _, _): [decimalText(days)]
        case .duration(let step, _, _), .removeStep(let step): [step]
        case .parallelize(let a, let b), .merge(let a, let b): [a, b]
        case .fixRule(let rule): [rule]
        default: []
        }
    }

    public init(_ kind: Kind, name: String, location: SourceLocation = .unknown) {
        self.kind = kind
        self.name = name
        self.location = location
    }
}
