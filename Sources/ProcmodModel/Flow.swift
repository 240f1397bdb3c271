/// Why a flow edge goes back to an earlier step.
public enum LoopKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The dossier goes back to the applicant to be supplemented (bổ sung hồ sơ).
    case supplement
    /// Work is redone inside the agencies.
    case rework
}

/// An edge of the flow graph from one node to another.
public struct FlowEdge: Sendable, Hashable, Codable {
    /// Index of the target node in ``Flow/nodes``.
    public var target: Int
    /// Probability of taking this branch of a probabilistic choice.
    public var probability: Double?
    /// The channel whose cases take this branch of a channel choice.
    public var channel: String?
    /// Set when this edge is a loop back for supplementation or rework.
    public var loop: LoopKind?
    /// How many times one case may take this edge; afterwards its probability goes to the other branches.
    public var maxCount: Int?
    /// The statutory deadline, in working days, of a case that takes this branch (case-dependent
    /// deadlines: marriage needing verification, 5 working days instead of the same day).
    public var deadlineWorkingDays: Double?
    /// The same, in calendar days ("ngày") when the law counts them (`deadline-days`).
    public var deadlineCalendarDays: Double?
    /// Provisions behind the branch (its deadline's legal basis).
    public var legal: [String] = []
    /// Where the branch's probability comes from (`source`, `assumed`).
    public var provenance = Provenance()
    public var location: SourceLocation

    public init(target: Int, probability: Double? = nil, channel: String? = nil, loop: LoopKind? = nil,
                maxCount: Int? = nil, deadlineWorkingDays: Double? = nil, location: SourceLocation = .unknown) {
        self.target = target
        self.deadlineWorkingDays = deadlineWorkingDays
        self.probability = probability
        self.channel = channel
        self.loop = loop
        self.maxCount = maxCount
        self.location = location
    }
}

/// How an exclusive choice picks its branch.
public enum ChoiceRule: String, Sendable, Hashable, Codable {
    /// By the probabilities on the branches.
    case probability
    /// By the case's channel.
    case channel
}

/// A node of the flow graph.
public enum FlowNodeKind: Sendable, Hashable, Codable {
    /// A step; its single successor is the edge.
    indirect case step(Step)
    /// An exclusive choice (XOR split).
    case choice(ChoiceRule)
    /// A parallel split (AND split): every branch runs.
    case parallel
    /// A join (AND join) that waits for every branch of `split` (a node index).
    case join(split: Int)
    /// The end of the procedure.
    case end

    private enum Keys: String, CodingKey { case type, step, by, split }

    /// JSON as a reader expects it (docs/reports.md, "JSON"): `{"type": "step", "step": {…}}`,
    /// `{"type": "choice", "by": "probability"}`, `{"type": "parallel"}`, `{"type": "join", "split": 3}`,
    /// `{"type": "end"}`; never the compiler's `_0` keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .step(let s): try c.encode("step", forKey: .type); try c.encode(s, forKey: .step)
        case .choice(let rule): try c.encode("choice", forKey: .type); try c.encode(rule, forKey: .by)
        case .parallel: try c.encode("parallel", forKey: .type)
        case .join(let split): try c.encode("join", forKey: .type); try c.encode(split, forKey: .split)
        case .end: try c.encode("end", forKey: .type)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "step": self = .step(try c.decode(Step.self, forKey: .step))
        case "choice": self = .choice(try c.decode(ChoiceRule.self, forKey: .by))
        case "parallel": self = .parallel
        case "join": self = .join(split: try c.decode(Int.self, forKey: .split))
        case "end": self = .end
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown node type '\(other)'")
        }
    }
}

/// A node of the flow: a step, a gateway or an end, with its outgoing edges.
public struct FlowNode: Sendable, Hashable, Codable {
    public var id: String
    public var kind: FlowNodeKind
    public var edges: [FlowEdge]
    public var location: SourceLocation

    public init(id: String, kind: FlowNodeKind, edges: [FlowEdge], location: SourceLocation = .unknown) {
        self.id = id
        self.kind = kind
        self.edges = edges
        self.location = location
    }

    /// The step at this node, if it is one.
    public var step: Step? {
        if case .step(let s) = kind { return s }
        return nil
    }
}

/// The procedure's flow: nodes in document order; the first is the start.
public struct Flow: Sendable, Hashable, Codable {
    public var nodes: [FlowNode]

    public init(nodes: [FlowNode]) { self.nodes = nodes }

    /// Index of the start node.
    public var start: Int { 0 }

    /// All steps in document order.
    public var steps: [Step] { nodes.compactMap(\.step) }

    /// The node index for an id, if any.
    public func index(of id: String) -> Int? { nodes.firstIndex { $0.id == id } }
}
