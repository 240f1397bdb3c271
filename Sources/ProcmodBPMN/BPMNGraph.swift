import ProcmodDiagram
import ProcmodLocalization
import ProcmodModel

/// The BPMN elements of a procedure, with their places from procmod's diagram layout: what
/// ``BPMNExporter`` writes. A flow node of the model becomes one BPMN node, with an explicit merge before
/// it when several flows enter it, a timer before it when its actor works at set times, and a timer
/// after it when it has a delay.
struct BPMNGraph {
    struct Box { var x: Double, y: Double, width: Double, height: Double }

    struct Timer { var expression: String; var cycle: Bool }

    struct Node {
        var index: Int
        var id: String
        var type: String
        var name: String?
        var lane: Int
        var box: Box
        var documentation: String?
        var direction: String?
        var timer: Timer?
        var defaultFlow: Int?
        var inputs: [Int] = []
        var outputs: [Int] = []
    }

    struct Flow {
        var id: String
        var source: Int
        var target: Int
        var name: String?
        var condition: String?
        var probability: Double?
        var channel: String?
        var loop: LoopKind?
        var maxCount: Int?
        var points: [(x: Double, y: Double)]
    }

    struct LaneInfo { var index: Int; var id: String; var name: String; var box: Box }
    struct DocumentInfo { var id: String; var reference: String; var name: String; var box: Box }
    struct Annotation { var id: String; var association: String; var node: Int; var text: String; var box: Box }

    var nodes: [Node] = []
    var flows: [Flow] = []
    var lanes: [LaneInfo] = []
    var documents: [DocumentInfo] = []
    var annotations: [Annotation] = []
    var pool = Box(x: 0, y: 0, width: 0, height: 0)

    /// Each node's incoming and outgoing flows, indexed once the flows are laid (asked per node, a search
    /// of every flow made exports quadratic in the steps); a search while the index is out of date.
    private var incomingFlows: [[Int]] = [], outgoingFlows: [[Int]] = []
    private var indexedFlows = -1

    func incoming(_ node: Int) -> [Int] {
        indexedFlows == flows.count && incomingFlows.indices.contains(node) ? incomingFlows[node] : flows.indices.filter { flows[$0].target == node }
    }

    func outgoing(_ node: Int) -> [Int] {
        indexedFlows == flows.count && outgoingFlows.indices.contains(node) ? outgoingFlows[node] : flows.indices.filter { flows[$0].source == node }
    }

    private mutating func indexFlows() {
        incomingFlows = Array(repeating: [], count: nodes.count)
        outgoingFlows = Array(repeating: [], count: nodes.count)
        for (f, flow) in flows.enumerated() {
            if incomingFlows.indices.contains(flow.target) { incomingFlows[flow.target].append(f) }
            if outgoingFlows.indices.contains(flow.source) { outgoingFlows[flow.source].append(f) }
        }
        indexedFlows = flows.count
    }

    init(_ p: Procedure, language: Language) {
        let layout = DiagramLayout(p)
        let l = Localizer(language, names: NameBook(p))
        let laneLeft = 50.0
        // Pool and lanes.
        let top = layout.lanes.first?.y ?? DiagramLayout.top
        let bottom = (layout.lanes.last.map { $0.y + $0.height }) ?? top + 100
        // A band at the pool's foot holds the documents (inside the pool, as BPMN tools expect).
        let band = 90.0
        pool = Box(x: 20, y: top, width: layout.width - 20, height: bottom - top + band)
        for (k, lane) in layout.lanes.enumerated() {
            var name = l.label(lane.actor, kind: "actor")
            if let agency = lane.agency { name += " (" + l.label(agency, kind: "agency") + ")" }
            let height = lane.height + (k == layout.lanes.count - 1 ? band : 0)
            lanes.append(LaneInfo(index: k, id: "Lane_" + ncName(lane.actor), name: name,
                                  box: Box(x: laneLeft, y: lane.y, width: layout.width - laneLeft, height: height)))
        }
        // Documents: a reference each, in a row under the pool.
        var documentIndex: [String: Int] = [:]
        let used = Set(p.flow.steps.flatMap { $0.requires.map(\.document) + $0.produces.map(\.document) })
        for (id, _) in p.documents where used.contains(id) {
            documentIndex[id] = documents.count
            documents.append(DocumentInfo(id: ncName(id), reference: "DataObjectReference_" + ncName(id), name: l.label(id, kind: "document"),
                                          box: Box(x: DiagramLayout.header + Double(documents.count) * 64, y: bottom + 20, width: 36, height: 50)))
        }
        // Nodes: the start event, then each flow node with its merge, cadence timer and delay timer.
        let placed = layout.nodes
        var entry = [Int](repeating: 0, count: p.flow.nodes.count), exit = entry
        var inDegree = [Int](repeating: 0, count: p.flow.nodes.count)
        for node in p.flow.nodes { for e in node.edges { inDegree[e.target] += 1 } }
        if let first = placed.first {
            nodes.append(Node(index: 0, id: "StartEvent_1", type: "startEvent", name: l("bpmn.start"), lane: first.lane,
                              box: Box(x: first.x - 46, y: first.midY - 18, width: 36, height: 36)))
        }
        for (i, node) in p.flow.nodes.enumerated() {
            let at = placed[i]
            let id = ncName(node.id)
            var prefix: [Node] = []
            let isJoin: Bool = { if case .join = node.kind { return true }; return false }()
            if inDegree[i] + (i == 0 ? 1 : 0) > 1 && !isJoin {
                prefix.append(Node(index: 0, id: "Merge_" + id, type: "exclusiveGateway", name: l("bpmn.merge"), lane: at.lane,
                                   box: Box(x: 0, y: at.midY - 8, width: 16, height: 16), direction: "Converging"))
            }
            if let step = node.step, let cadence = p.actors[step.actor]?.cadence, let first = cadence.times.first {
                let times = cadence.times.map(\.description).joined(separator: ", ")
                prefix.append(Node(index: 0, id: "Timer_cadence_" + id, type: "intermediateCatchEvent",
                                   name: l.text("diagram.signsAt", ["text": times]), lane: at.lane,
                                   box: Box(x: 0, y: at.midY - 8, width: 16, height: 16),
                                   timer: Timer(expression: "R/2026-01-05T\(first.description):00/P1D", cycle: true)))
            }
            // Prefixes stand right to left in the gap before the node.
            var x = at.x - 2
            for k in prefix.indices.reversed() {
                x -= prefix[k].box.width
                prefix[k].box.x = x
                x -= 3
            }
            for var n in prefix {
                n.index = nodes.count
                nodes.append(n)
            }
            var main = Node(index: nodes.count, id: "", type: "", name: nil, lane: at.lane,
                            box: Box(x: at.x, y: at.y, width: at.width, height: at.height))
            switch node.kind {
            case .step(let s):
                main.id = "Task_" + id
                main.type = Self.taskType(s, p)
                main.name = s.name.text(language, fallback: s.id)
                main.inputs = Array(Set(s.requires.compactMap { documentIndex[$0.document] })).sorted()
                main.outputs = Array(Set(s.produces.compactMap { documentIndex[$0.document] })).sorted()
            case .choice:
                main.id = "Gateway_" + id
                main.type = "exclusiveGateway"
                main.name = l.label(node.id, kind: "step")
                main.direction = "Diverging"
            case .parallel:
                main.id = "Gateway_" + id
                main.type = "parallelGateway"
                main.name = l("bpmn.split")
                main.direction = "Diverging"
            case .join:
                main.id = "Gateway_" + id
                main.type = "parallelGateway"
                main.name = l("bpmn.join")
                main.direction = "Converging"
            case .end:
                main.id = "Event_" + id
                main.type = "endEvent"
                main.name = l("bpmn.end")
                main.box = Box(x: at.midX - 18, y: at.midY - 18, width: 36, height: 36)
            }
            nodes.append(main)
            entry[i] = prefix.isEmpty ? main.index : main.index - prefix.count
            exit[i] = main.index
            if let step = node.step, let delay = step.delay {
                nodes.append(Node(index: nodes.count, id: "Timer_delay_" + id, type: "intermediateCatchEvent",
                                  name: l.text("bpmn.delay", ["text": Self.durationText(delay, l)]), lane: at.lane,
                                  box: Box(x: at.x + at.width + 2, y: at.midY - 8, width: 16, height: 16),
                                  timer: Timer(expression: Self.isoDuration(delay), cycle: false)))
                exit[i] = nodes.count - 1
            }
            // The chain within: merge → timer → node → timer.
            for k in entry[i]..<exit[i] {
                let a = nodes[k].box, b = nodes[k + 1].box
                flows.append(Flow(id: "Flow_\(nodes[k].id)_next", source: k, target: k + 1,
                                  points: [(a.x + a.width, a.y + a.height / 2), (b.x, b.y + b.height / 2)]))
            }
        }
        // The start, then the model's edges along the layout's routes.
        if !p.flow.nodes.isEmpty {
            let a = nodes[0].box, b = nodes[entry[0]].box
            flows.append(Flow(id: "Flow_start", source: 0, target: entry[0], points: [(a.x + a.width, a.y + a.height / 2), (b.x, b.y + b.height / 2)]))
        }
        for route in layout.edges {
            let node = p.flow.nodes[route.from], e = node.edges[route.edge]
            let source = exit[route.from], target = entry[route.to]
            let a = nodes[source].box, b = nodes[target].box
            var points = route.points
            points[0] = (a.x + a.width, a.y + a.height / 2)
            points[points.count - 1] = (b.x, b.y + b.height / 2)
            if points.count >= 3 { points[points.count - 2].y = b.y + b.height / 2 }
            var flow = Flow(id: "Flow_\(ncName(node.id))_\(route.edge)", source: source, target: target, points: points)
            if case .choice(let rule) = node.kind {
                flow.probability = e.probability
                flow.channel = e.channel
                flow.loop = e.loop
                flow.maxCount = e.maxCount
                flow.name = rule == .channel ? e.channel.map { l.label($0, kind: "channel") } : e.probability.map { l.numbers.percent($0) }
            }
            flows.append(flow)
        }
        indexFlows()
        // An exclusive split takes its likeliest branch by default; the others carry the literal condition
        // False (the probabilities are in the extension), so tools that run the model finish it.
        for i in nodes.indices where nodes[i].type == "exclusiveGateway" && nodes[i].direction == "Diverging" {
            let out = outgoing(i)
            guard let best = out.max(by: { weight(flows[$0], p) < weight(flows[$1], p) }) else { continue }
            nodes[i].defaultFlow = best
            for f in out where f != best { flows[f].condition = "False" }
        }
        // The legal basis of each step that cites one, in a row of notes above the pool.
        var taken: [Double: Int] = [:]
        let lookup = NodeLookup(p)
        for node in nodes where node.type.hasSuffix("Task") {
            guard let i = lookup.index(node.id, prefix: "Task_"), let s = p.flow.nodes[i].step, !s.legal.isEmpty else { continue }
            let text = s.legal.map { l.citation(p.legal[$0]?.citation ?? $0) }.joined(separator: "; ")
            let row = taken[node.box.x, default: 0]
            taken[node.box.x] = row + 1
            annotations.append(Annotation(id: "Annotation_" + node.id, association: "Association_" + node.id, node: node.index, text: text,
                                          box: Box(x: node.box.x, y: top - 70 - Double(row) * 40, width: node.box.width, height: 34)))
        }
    }

    private func weight(_ f: Flow, _ p: Procedure) -> Double {
        if let q = f.probability { return q }
        if let c = f.channel { return p.channels[c]?.share ?? 0 }
        return 0
    }

    /// A step's BPMN task type: what an applicant or a third party does by hand is a manual task; sending
    /// and receiving the dossier are send and receive tasks; an official's work is a user task.
    static func taskType(_ s: Step, _ p: Procedure) -> String {
        switch s.kind {
        case .receive: return "receiveTask"
        case .submit, .transfer, .deliver, .notify, .publish: return "sendTask"
        default:
            let kind = p.actors[s.actor]?.kind
            return kind == .applicant || kind == .thirdParty || kind == .postalService ? "manualTask" : "userTask"
        }
    }

    /// An ISO 8601 duration of a delay's mean: `PT10M`, `PT2H`, `P3D` (a working day counted as a day).
    static func isoDuration(_ q: TimedQuantity) -> String {
        let mean = q.distribution.mean
        switch q.unit {
        case .minutes: return "PT" + decimalText(mean, decimals: 2) + "M"
        case .hours: return "PT" + decimalText(mean, decimals: 2) + "H"
        case .workingDays, .calendarDays: return "P" + decimalText(mean, decimals: 2) + "D"
        }
    }

    static func durationText(_ q: TimedQuantity, _ l: Localizer) -> String {
        l.text("unit." + q.unit.rawValue, ["count": l.numbers.number(q.distribution.mean)])
    }
}

/// A procedure's flow nodes by their BPMN name (the id as an NCName; the first node wins) and by id, built
/// once per export: looked up per BPMN element, a search of the flow made exports quadratic in the steps.
struct NodeLookup {
    private var byName: [String: Int] = [:]
    private var byID: [String: Int] = [:]

    init(_ p: Procedure) {
        for (i, node) in p.flow.nodes.enumerated() {
            let name = ncName(node.id)
            if byName[name] == nil { byName[name] = i }
            if byID[node.id] == nil { byID[node.id] = i }
        }
    }

    /// The node behind a BPMN id made of `prefix` and the node's name (`Task_`, `Timer_delay_`).
    func index(_ bpmnID: String, prefix: String) -> Int? {
        let raw = String(bpmnID.dropFirst(prefix.count))
        return byName[raw] ?? byID[raw]
    }
}
