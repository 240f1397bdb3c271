/// A promise a procedure must keep, checked by `procmod check` and the ProcmodTesting library.
public struct Invariant: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        /// At most this many applicant visits per case (expected).
        case maxVisits(Double)
        /// At most this many hand-offs between agencies per case (expected).
        case maxHandoffs(Double)
        /// No step asks for a certified copy.
        case noCertifiedCopies
        /// No step asks for a document whose data one of these registers holds.
        case onceOnly(registers: [String])
        /// No document is asked for on paper where it is, or is also taken, electronically.
        case noPaperAlongsideElectronic
        /// Every path from the start to an end passes an approve or sign step by this actor.
        case approvalOnEveryPath(actor: String)
        /// Every document requirement cites a legal basis (on the requirement or the document).
        case legalBasisForRequirements
        /// The Standard Cost Model cost per case is at most this many VND.
        case maxCostPerCase(Double)
        /// No finding of this analyzer rule.
        case rule(String)
        /// Simulated: the p-th percentile of lead time is within this many working days.
        case leadTimePercentile(percentile: Int, maxWorkingDays: Double)
        /// Simulated: at least this share of cases meets the statutory deadline.
        case onTimeShare(minimum: Double)

        /// True for the invariants the simulator decides.
        public var isSimulated: Bool {
            switch self {
            case .leadTimePercentile, .onTimeShare: true
            default: false
            }
        }
    }

    public var kind: Kind
    /// The element name in the file (`max-visits`, ...).
    public var name: String
    /// A label the author gave, if any.
    public var label: String?
    public var location: SourceLocation

    public init(_ kind: Kind, name: String, label: String? = nil, location: SourceLocation = .unknown) {
        self.kind = kind
        self.name = name
        self.label = label
        self.location = location
    }

    /// How the invariant is shown: the author's label, or the element and its parameter.
    public var title: String {
        if let label { return label }
        switch kind {
        case .maxVisits(let n), .maxHandoffs(let n): return "\(name) \(trim(n))"
        case .onceOnly(let registers): return "\(name) " + registers.joined(separator: " ")
        case .approvalOnEveryPath(let actor): return "\(name) \(actor)"
        case .maxCostPerCase(let v): return "\(name) \(trim(v)) VND"
        case .rule(let id): return "\(name) \(id)"
        case .leadTimePercentile(let p, let d): return "\(name) p\(p) ≤ \(trim(d)) working days"
        case .onTimeShare(let m): return "\(name) ≥ \(trim(m * 100))%"
        default: return name
        }
    }

    private func trim(_ x: Double) -> String { decimalText(x, decimals: 4) }
}

/// Invariants for many procedures: they apply to the procedures that match every given condition.
public struct InvariantSuite: Sendable, Hashable, Codable {
    public struct Applies: Sendable, Hashable, Codable {
        /// A glob over the procedure's path as given (`procedures/*.xml`, `**` for any depth).
        public var path: String?
        public var field: String?
        public var level: AdministrativeLevel?

        public init(path: String?, field: String?, level: AdministrativeLevel?) {
            self.path = path
            self.field = field
            self.level = level
        }
    }

    public var name: String?
    /// When empty, the suite applies to every procedure; otherwise to those matching any entry.
    public var applies: [Applies]
    public var invariants: [Invariant]
    public var location: SourceLocation

    public init(name: String?, applies: [Applies], invariants: [Invariant], location: SourceLocation = .unknown) {
        self.name = name
        self.applies = applies
        self.invariants = invariants
        self.location = location
    }
}
