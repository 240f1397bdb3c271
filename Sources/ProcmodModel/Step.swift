/// What a step does: a closed vocabulary that the analyzer reasons about.
public enum StepKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Find out what the procedure requires.
    case inform
    /// Prepare the dossier: fill in forms, gather papers.
    case prepare
    /// Photocopy documents.
    case copy
    /// Have copies certified (chứng thực).
    case certify
    /// The applicant travels to an office (each travel step is one visit).
    case travel
    /// Hand in the dossier.
    case submit
    /// The desk receives and checks the dossier for completeness.
    case receive
    /// Verify facts against registers or with other bodies.
    case verify
    /// Inspect on site.
    case inspect
    /// Field survey or measurement (đo đạc).
    case survey
    /// Scan or enter paper into a system (số hóa).
    case digitize
    /// Enter the case in a register or a database.
    case record
    /// Publish or post a list publicly.
    case publish
    /// Approve the substance (ký duyệt, phê duyệt).
    case approve
    /// Sign the result.
    case sign
    /// Move the dossier between units or agencies.
    case transfer
    /// Pay a fee or charge.
    case pay
    /// Notify the applicant.
    case notify
    /// Deliver the result (by post, online, at the desk).
    case deliver
    /// The applicant collects the result.
    case collect
    /// Wait: for an appointment, an in-tray, a posting period.
    case wait
}

/// A wet (ink) or digital signature.
public enum SignatureKind: String, Sendable, Hashable, CaseIterable, Codable {
    case wet, digital
}

/// A signature that a step applies.
public struct Signature: Sendable, Hashable, Codable {
    /// The actor who signs.
    public var signer: String
    public var kind: SignatureKind
    public var location: SourceLocation

    public init(signer: String, kind: SignatureKind, location: SourceLocation = .unknown) {
        self.signer = signer
        self.kind = kind
        self.location = location
    }
}

/// How a payment is made.
public enum PaymentMethod: String, Sendable, Hashable, CaseIterable, Codable {
    case cash
    case bankTransfer = "bank-transfer"
    case online
    case card
    case postal
}

/// A payment that a step makes.
public struct Payment: Sendable, Hashable, Codable {
    /// Amount in VND.
    public var amount: Double
    public var method: PaymentMethod
    /// What the payment is for (lệ phí, phí, a certification charge).
    public var purpose: String?
    /// Where the amount comes from (`source`, `assumed`).
    public var provenance = Provenance()
    public var legal: [String]
    public var location: SourceLocation

    public init(amount: Double, method: PaymentMethod, purpose: String? = nil, legal: [String] = [],
                location: SourceLocation = .unknown) {
        self.amount = amount
        self.method = method
        self.purpose = purpose
        self.legal = legal
        self.location = location
    }
}

/// A transfer of the dossier to another actor, on paper or electronically.
public struct Handoff: Sendable, Hashable, Codable {
    /// The receiving actor.
    public var to: String
    public var medium: Medium
    public var location: SourceLocation

    public init(to: String, medium: Medium, location: SourceLocation = .unknown) {
        self.to = to
        self.medium = medium
        self.location = location
    }
}

/// How a step's time stands on the statutory clock (docs/simulation.md, "The statutory clock").
public enum ClockRole: String, Sendable, Hashable, CaseIterable, Codable, BitwiseCopyable {
    /// The complete dossier is received when this step ends: the clock starts, or restarts from zero
    /// (Decree 61/2018/NĐ-CP Art. 19.4). The default of `receive` steps.
    case start
    /// The step's time counts (the default of steps of the state's actors).
    case counted
    /// The step's time does not count: the applicant's own time (the default of applicant steps),
    /// paying financial obligations, public posting, verification or appraisal the law excludes.
    case excluded
}

/// One step of the procedure, performed by one actor.
public struct Step: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedName
    public var kind: StepKind
    /// The actor who performs the step.
    public var actor: String
    /// The channel this step belongs to, if it is channel-specific.
    public var channel: String?
    /// Work content: time the actor is busy on the case.
    public var work: TimedQuantity?
    /// Elapsed delay that holds no resource (mail, field survey, posting period).
    public var delay: TimedQuantity?
    public var requires: [DocumentRequirement]
    public var produces: [DocumentOutput]
    public var signature: Signature?
    public var payment: Payment?
    /// Transfers of the dossier this step makes, to one or several actors at once.
    public var handoffs: [Handoff] = []
    /// The first hand-off; setting it replaces them all.
    public var handoff: Handoff? {
        get { handoffs.first }
        set { handoffs = newValue.map { [$0] } ?? [] }
    }
    /// Other actors busy on the step for its whole work time (`with="applicant"`: the declarer signs the
    /// register with the officer). They have no capacity limit (the loader checks it).
    public var coActors: [String] = []
    /// Steps whose results this step needs (`depends-on`), beyond the documents it requires: they may
    /// not be run in parallel with it.
    public var dependsOn: [String] = []
    /// True when the applicant must be present in person (a biometric capture, a medical examination, a
    /// ceremony): the visit for it cannot be removed.
    public var presenceRequired = false
    /// The step's role on the statutory clock when written (`clock="..."`); nil for the default
    /// (``Procedure/clockRole(of:)``).
    public var clock: ClockRole?
    public var legal: [String]
    public var provenance: Provenance
    public var location: SourceLocation

    public init(id: String, name: LocalizedName = .init(), kind: StepKind, actor: String, channel: String? = nil,
                work: TimedQuantity? = nil, delay: TimedQuantity? = nil, requires: [DocumentRequirement] = [],
                produces: [DocumentOutput] = [], signature: Signature? = nil, payment: Payment? = nil,
                handoff: Handoff? = nil, legal: [String] = [], provenance: Provenance = .init(),
                location: SourceLocation = .unknown) {
        self.id = id
        self.name = name
        self.kind = kind
        self.actor = actor
        self.channel = channel
        self.work = work
        self.delay = delay
        self.requires = requires
        self.produces = produces
        self.signature = signature
        self.payment = payment
        self.handoffs = handoff.map { [$0] } ?? []
        self.legal = legal
        self.provenance = provenance
        self.location = location
    }
}
