import OrderedCollections
import ProcmodLoader
import ProcmodModel
import ProcmodXML

/// Maps one BPMN process to a procedure (see ``BPMNImporter``).
struct BPMNMapper {
    let root: ParsedElement
    let path: String
    var processID: String?
    var diagnostics: [Diagnostic] = []
    var fromExtension = false

    init(root: ParsedElement, path: String, processID: String? = nil) {
        self.root = root
        self.path = path
        self.processID = processID
    }

    private func bpmn(_ e: ParsedElement) -> Bool { e.namespace == BPMNNamespace.model }
    private mutating func note(_ e: ParsedElement, _ message: String) {
        diagnostics.append(Diagnostic(.note, e.location, message, code: "bpmn-unmapped"))
    }
    private mutating func assumed(_ e: ParsedElement, _ message: String) {
        diagnostics.append(Diagnostic(.note, e.location, message, code: "bpmn-assumed"))
    }
    private mutating func error(_ e: ParsedElement, _ message: String) {
        diagnostics.append(Diagnostic(.error, e.location, message, code: "bpmn"))
    }

    static let taskKinds: [String: StepKind] = [
        "task": .verify, "userTask": .verify, "manualTask": .prepare, "sendTask": .transfer, "receiveTask": .receive,
        "serviceTask": .record, "scriptTask": .record, "businessRuleTask": .verify, "callActivity": .verify, "subProcess": .verify,
        "transaction": .verify, "adHocSubProcess": .verify,
    ]
    static let gateways: Set<String> = ["exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway"]
    static let events: Set<String> = ["startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"]

    mutating func map() -> Procedure? {
        let processes = root.children.filter { bpmn($0) && $0.name == "process" }
        guard !processes.isEmpty else {
            error(root, "the file has no <process>")
            return nil
        }
        let hasNodes = { (p: ParsedElement) in p.children.contains { Self.taskKinds[$0.name] != nil || Self.events.contains($0.name) } }
        let referenced = root.children.filter { bpmn($0) && $0.name == "collaboration" }
            .flatMap { $0.children(named: "participant") }.compactMap { $0.attribute("processRef")?.value }
        let chosen: ParsedElement
        if let wanted = processID {
            guard let p = processes.first(where: { $0.attribute("id")?.value == wanted }) else {
                error(root, "there is no process '\(wanted)'; the file has " + processes.compactMap { $0.attribute("id")?.value }.joined(separator: ", "))
                return nil
            }
            chosen = p
        } else {
            chosen = processes.first { p in referenced.contains(p.attribute("id")?.value ?? "") && hasNodes(p) }
                ?? processes.first(where: hasNodes) ?? processes[0]
        }
        for p in processes where p.attribute("id")?.value != chosen.attribute("id")?.value {
            note(p, "process '\(p.attribute("id")?.value ?? "?")' not imported: one procedure per process (choose it with --process)")
        }
        for c in root.children where bpmn(c) && c.name == "collaboration" {
            for flow in c.children(named: "messageFlow") {
                note(flow, "message flow '\(flow.attribute("id")?.value ?? "")' not mapped: procmod has one process per procedure")
            }
        }
        for c in root.children where bpmn(c) && !["process", "collaboration"].contains(c.name) {
            if ["message", "signal", "error", "escalation", "itemDefinition", "dataStore", "resource", "category"].contains(c.name) {
                note(c, "<\(c.name)> '\(c.attribute("id")?.value ?? "")' not mapped")
            }
        }
        if let embedded = extensionModel(chosen) { return embedded }
        return mapProcess(chosen)
    }

    /// The model procmod exported with the file, when the process's tasks are still the ones it wrote.
    private mutating func extensionModel(_ process: ParsedElement) -> Procedure? {
        guard let model = process.child(named: "extensionElements")?.children.first(where: { $0.name == "model" && $0.namespace == BPMNNamespace.procmod }),
              let dsl = model.children.first(where: { $0.name == "procedure" }) else { return nil }
        let loaded = ProcedureLoader().load(bytes: Array(dsl.outerXML.utf8), path: path)
        guard let p = loaded.procedure else {
            note(model, "procmod's extension could not be read (\(loaded.diagnostics.first?.message ?? "")); the BPMN process is mapped instead")
            return nil
        }
        let tasks = Set(process.children.filter { Self.taskKinds[$0.name] != nil }.compactMap { $0.attribute("id")?.value })
        let steps = Set(p.flow.steps.map { "Task_" + ncName($0.id) })
        guard tasks == steps else {
            note(model, "the process's tasks changed since procmod exported it: procmod's extension is ignored and the BPMN process is mapped")
            return nil
        }
        fromExtension = true
        return p
    }

    // MARK: Mapping a process

    private struct Element {
        var id: String
        var type: String
        var name: String?
        var element: ParsedElement
    }

    private struct Arc {
        var id: String
        var source: String
        var target: String
        var probability: Double?
        var channel: String?
        var loop: LoopKind?
        var maxCount: Int?
    }

    private mutating func mapProcess(_ process: ParsedElement) -> Procedure? {
        let processID = process.attribute("id")?.value ?? "process"
        // Lanes, nested or not: the lane of each flow node.
        var laneOf: [String: String] = [:]
        var laneNames: OrderedDictionary<String, String> = [:]
        func lanes(_ set: ParsedElement) {
            for lane in set.children(named: "lane") {
                let id = ncName(lane.attribute("id")?.value ?? "lane")
                if let child = lane.child(named: "childLaneSet") { lanes(child) }
                laneNames[id] = lane.attribute("name")?.value ?? id
                for ref in lane.children(named: "flowNodeRef") where laneOf[ref.text] == nil { laneOf[ref.text] = id }
            }
        }
        for set in process.children(named: "laneSet") { lanes(set) }
        // Flow nodes, arcs, data.
        var nodes: OrderedDictionary<String, Element> = [:]
        var arcs: [Arc] = []
        var dataObjects: [String: String] = [:]     // object id → name
        var references: [String: String] = [:]      // reference id → object id
        var referenceNames: [String: String] = [:]
        for e in process.children where bpmn(e) {
            let id = e.attribute("id")?.value ?? ""
            switch e.name {
            case "sequenceFlow":
                var arc = Arc(id: id, source: e.attribute("sourceRef")?.value ?? "", target: e.attribute("targetRef")?.value ?? "")
                if let branch = e.child(named: "extensionElements")?.children.first(where: { $0.name == "branch" && $0.namespace == BPMNNamespace.procmod }) {
                    arc.probability = branch.attribute("probability").flatMap { Double($0.value) }
                    arc.channel = branch.attribute("channel")?.value
                    arc.loop = branch.attribute("loop").flatMap { LoopKind(rawValue: $0.value) }
                    arc.maxCount = branch.attribute("max").flatMap { Int($0.value) }
                }
                arcs.append(arc)
            case "dataObject": dataObjects[id] = e.attribute("name")?.value ?? id
            case "dataObjectReference":
                references[id] = e.attribute("dataObjectRef")?.value ?? id
                referenceNames[id] = e.attribute("name")?.value
            case "laneSet", "extensionElements", "documentation", "ioSpecification", "property": break
            case "textAnnotation", "association", "group", "dataStoreReference":
                note(e, "<\(e.name)> '\(id)' not mapped")
            default:
                if Self.taskKinds[e.name] != nil || Self.gateways.contains(e.name) || Self.events.contains(e.name) {
                    nodes[id] = Element(id: id, type: e.name, name: e.attribute("name")?.value, element: e)
                } else {
                    note(e, "<\(e.name)> '\(id)' not mapped")
                }
            }
        }
        // Events and gateways procmod has no element for: boundary events, non-timer intermediate events,
        // merges. Their arcs are joined around them.
        for (id, n) in nodes {
            switch n.type {
            case "boundaryEvent":
                note(n.element, "boundary event '\(id)' not mapped: its flow is left out")
                arcs.removeAll { $0.source == id }
                nodes[id] = nil
            case "intermediateCatchEvent", "intermediateThrowEvent":
                if n.element.child(named: "timerEventDefinition") == nil {
                    note(n.element, "intermediate event '\(id)' not mapped: the flow passes through it")
                    bypass(id, &arcs)
                    nodes[id] = nil
                }
            case "exclusiveGateway", "inclusiveGateway", "complexGateway", "eventBasedGateway":
                if n.type != "exclusiveGateway" { note(n.element, "\(n.type) '\(id)' read as an exclusive choice") }
                if arcs.filter({ $0.source == id }).count <= 1 {
                    bypass(id, &arcs)
                    nodes[id] = nil
                }
            default: break
            }
        }
        // The start: the first start event's successor.
        let starts = nodes.values.filter { $0.type == "startEvent" }
        guard let start = starts.first else {
            error(process, "process '\(processID)' has no start event")
            return nil
        }
        for extra in starts.dropFirst() { note(extra.element, "start event '\(extra.id)' not mapped: a procedure has one start") }
        let firstArcs = arcs.filter { $0.source == start.id }
        guard !firstArcs.isEmpty else {
            error(start.element, "the start event has no outgoing flow")
            return nil
        }
        // Order: depth first from the start; what it does not reach is left out, and said.
        var order: [String] = []
        var seen: Set<String> = [start.id]
        var back: Set<String> = []
        func visit(_ id: String, _ onPath: inout Set<String>) {
            seen.insert(id)
            onPath.insert(id)
            order.append(id)
            for arc in arcs where arc.source == id {
                if onPath.contains(arc.target) { back.insert(arc.id) } else if !seen.contains(arc.target), nodes[arc.target] != nil {
                    visit(arc.target, &onPath)
                }
            }
            onPath.remove(id)
        }
        var onPath: Set<String> = []
        if firstArcs.count > 1 { note(start.element, "the start event's \(firstArcs.count) flows are read as a parallel split") }
        for arc in firstArcs where !seen.contains(arc.target) && nodes[arc.target] != nil { visit(arc.target, &onPath) }
        for (id, n) in nodes where !seen.contains(id) && n.type != "startEvent" {
            note(n.element, "\(n.type) '\(id)' is not reachable from the start: left out")
        }
        // Documents.
        var documents: OrderedDictionary<String, Document> = [:]
        func document(forReference ref: String) -> String? {
            guard let object = references[ref] ?? (dataObjects[ref] != nil ? ref : nil) else { return nil }
            let id = ncName(object)
            if documents[id] == nil {
                let name = referenceNames[ref] ?? dataObjects[object] ?? object
                documents[id] = Document(id: id, name: Self.name(name), kind: .evidence, medium: .paper, provenance: Provenance(assumed: true))
            }
            return id
        }
        // Actors: one per lane, and one for nodes in no lane.
        var actors: OrderedDictionary<String, Actor> = [:]
        func actor(of id: String) -> String {
            let lane = laneOf[id] ?? "unassigned"
            if actors[lane] == nil {
                actors[lane] = Actor(id: lane, name: Self.name(laneNames[lane] ?? (lane == "unassigned" ? "Unassigned" : lane)), kind: .official,
                                     capacity: .unlimited, calendar: "office", provenance: Provenance(assumed: true))
            }
            return lane
        }
        // Nodes in order, with a parallel split before a node with several outgoing flows.
        var flowNodes: [FlowNode] = []
        var indexOf: [String: Int] = [:]
        let hour = TimedQuantity(unit: .hours, distribution: .fixed(value: 1), provenance: Provenance(assumed: true))
        for id in order {
            guard let n = nodes[id] else { continue }
            let nodeID = ncName(id)
            indexOf[id] = flowNodes.count
            var kind: FlowNodeKind
            if let stepKind = Self.taskKinds[n.type] {
                if n.type == "subProcess" || n.type == "transaction" || n.type == "adHocSubProcess" {
                    note(n.element, "sub-process '\(id)' imported as one step: its content is not mapped")
                } else if n.type == "callActivity" {
                    note(n.element, "call activity '\(id)' imported as one step: the process it calls is not mapped")
                }
                var step = Step(id: nodeID, name: Self.name(n.name ?? id), kind: stepKind, actor: actor(of: id), work: hour,
                                provenance: Provenance(assumed: true))
                for association in n.element.children(named: "dataInputAssociation") {
                    for source in association.children(named: "sourceRef") {
                        if let d = document(forReference: source.text) { step.requires.append(DocumentRequirement(document: d, form: .original)) }
                    }
                }
                for association in n.element.children(named: "dataOutputAssociation") {
                    if let target = association.child(named: "targetRef"), let d = document(forReference: target.text) {
                        step.produces.append(DocumentOutput(document: d, medium: .paper))
                    }
                }
                kind = .step(step)
            } else if n.type == "intermediateCatchEvent" || n.type == "intermediateThrowEvent" {
                let duration = n.element.child(named: "timerEventDefinition")?.children.first { $0.name == "timeDuration" }?.text
                let delay = duration.flatMap(Self.isoDuration)
                if delay == nil { note(n.element, "timer '\(id)' has no ISO 8601 duration procmod reads: waits no time") }
                kind = .step(Step(id: nodeID, name: Self.name(n.name ?? id), kind: .wait, actor: actor(of: id), delay: delay,
                                  provenance: Provenance(assumed: delay == nil)))
            } else if n.type == "endEvent" {
                kind = .end
            } else if n.type == "parallelGateway" {
                kind = arcs.filter({ $0.source == id }).count > 1 ? .parallel : .join(split: 0)
            } else {
                kind = .choice(.probability)
            }
            flowNodes.append(FlowNode(id: nodeID, kind: kind, edges: [], location: n.element.location))
        }
        guard !flowNodes.isEmpty else {
            error(start.element, "nothing follows the start event")
            return nil
        }
        // Edges.
        var extra: [FlowNode] = []
        for (i, node) in flowNodes.enumerated() {
            let id = order.first { indexOf[$0] == i } ?? ""
            let out = arcs.filter { $0.source == id && indexOf[$0.target] != nil }
            guard !out.isEmpty else {
                if case .end = node.kind {} else if case .step = node.kind {
                    // A task the flow leaves without an end event: an implicit end.
                    extra.append(FlowNode(id: node.id + "_end", kind: .end, edges: []))
                    flowNodes[i].edges = [FlowEdge(target: flowNodes.count + extra.count - 1)]
                }
                continue
            }
            switch node.kind {
            case .choice:
                let known = out.compactMap(\.probability).reduce(0, +)
                let unknown = out.filter { $0.probability == nil }.count
                let share = unknown > 0 ? max(0, 1 - known) / Double(unknown) : 0
                if unknown > 0 && known == 0 {
                    assumed(nodes[id]!.element, "exclusive gateway '\(nodes[id]?.name ?? id)': its \(out.count) branches are taken as equally likely (assumed)")
                }
                flowNodes[i].edges = out.map { arc in
                    var e = FlowEdge(target: indexOf[arc.target]!, probability: arc.probability ?? share, loop: arc.loop,
                                     maxCount: arc.maxCount)
                    if back.contains(arc.id) && e.loop == nil { e.loop = .rework; e.maxCount = e.maxCount ?? 3 }
                    e.provenance = Provenance(assumed: arc.probability == nil)
                    return e
                }
            case .parallel:
                flowNodes[i].edges = out.map { FlowEdge(target: indexOf[$0.target]!) }
            default:
                if out.count > 1 {
                    // An implicit parallel split made explicit.
                    note(nodes[id]!.element, "'\(id)' has \(out.count) outgoing flows: read as a parallel split after it")
                    extra.append(FlowNode(id: node.id + "_split", kind: .parallel, edges: out.map { FlowEdge(target: indexOf[$0.target]!) }))
                    flowNodes[i].edges = [FlowEdge(target: flowNodes.count + extra.count - 1)]
                } else {
                    flowNodes[i].edges = [FlowEdge(target: indexOf[out[0].target]!)]
                }
            }
        }
        flowNodes += extra
        // A join waits for the nearest parallel split behind it.
        for i in flowNodes.indices {
            guard case .join = flowNodes[i].kind else { continue }
            var frontier = [i], visited: Set<Int> = [i]
            var split: Int?
            while split == nil, !frontier.isEmpty {
                var next: [Int] = []
                for j in frontier {
                    for (k, n) in flowNodes.enumerated() where n.edges.contains(where: { $0.target == j }) && !visited.contains(k) {
                        if case .parallel = n.kind { split = k; break }
                        visited.insert(k)
                        next.append(k)
                    }
                    if split != nil { break }
                }
                frontier = next
            }
            if let split { flowNodes[i].kind = .join(split: split) } else {
                note(nodes.values.first { ncName($0.id) == flowNodes[i].id }?.element ?? root,
                     "parallel join '\(flowNodes[i].id)' has no parallel split before it: read as a merge")
                flowNodes[i].kind = .choice(.probability)
            }
        }
        // The result: the last document produced, else one the last task produces.
        var result = flowNodes.reversed().compactMap { $0.step?.produces.last?.document }.first
        if result == nil, let last = flowNodes.lastIndex(where: { $0.step != nil }), var step = flowNodes[last].step {
            documents["result"] = Document(id: "result", name: LocalizedName(vi: "Kết quả", en: "Result"), kind: .result, medium: .paper,
                                           provenance: Provenance(assumed: true))
            step.produces.append(DocumentOutput(document: "result", medium: .paper))
            flowNodes[last].kind = .step(step)
            result = "result"
            assumed(process, "no data object is produced: the last task, '\(step.name.en ?? step.name.vi ?? step.id)', produces the result, 'result' (assumed)")
        }
        if let r = result, documents[r] != nil { documents[r]?.kind = .result }
        let office = WorkCalendar(id: "office", name: LocalizedName(vi: "Giờ hành chính", en: "Office hours"),
                                  hours: [WeeklyHours(days: [.mon, .tue, .wed, .thu, .fri], start: TimeOfDay(minutes: 450), end: TimeOfDay(minutes: 1_020))],
                                  holidays: [])
        assumed(process, "BPMN holds no durations, volumes, calendars or capacities: every task takes 1 hour, 1,000 cases a year, office "
             + "hours 07:30–17:00 on weekdays, unlimited capacity, all assumed (edit the model)")
        let name = process.attribute("name")?.value ?? root.attribute("name")?.value ?? processID
        var p = Procedure(code: ncName(processID), name: Self.name(name), level: .province,
                          volume: Volume(perYear: 1_000, provenance: Provenance(assumed: true)), result: result ?? "result",
                          channels: ["in-person": Channel(id: "in-person", kind: .inPerson, share: 1, provenance: Provenance(assumed: true))],
                          calendars: ["office": office], actors: actors, documents: documents, flow: Flow(nodes: flowNodes))
        p.location = process.location
        // Every check a file gets.
        let checked = ProcedureLoader().check(p, name: path + " (imported)")
        diagnostics += checked.diagnostics
        return checked.procedure == nil ? nil : p
    }

    /// Joins the arcs into and out of `id` and removes it.
    private func bypass(_ id: String, _ arcs: inout [Arc]) {
        let into = arcs.filter { $0.target == id }, out = arcs.filter { $0.source == id }
        arcs.removeAll { $0.target == id || $0.source == id }
        for a in into {
            for b in out {
                var arc = a
                arc.target = b.target
                arc.id = a.id + "+" + b.id
                arc.probability = a.probability ?? b.probability
                arc.loop = a.loop ?? b.loop
                arc.maxCount = a.maxCount ?? b.maxCount
                arcs.append(arc)
            }
        }
    }

    /// A name in the language it is written in: Vietnamese when it has a non-ASCII letter, else English.
    static func name(_ text: String) -> LocalizedName {
        text.unicodeScalars.contains { !$0.isASCII } ? LocalizedName(vi: text) : LocalizedName(en: text)
    }

    /// An ISO 8601 duration (`PT30M`, `PT2H`, `P3D`, `P1DT2H`) as a fixed delay.
    static func isoDuration(_ text: String) -> TimedQuantity? {
        var s = Substring(text.trimmingWhitespace)
        guard s.hasPrefix("P") else { return nil }
        s = s.dropFirst()
        var minutes = 0.0, inTime = false, number = ""
        for ch in s {
            if ch == "T" { inTime = true; continue }
            if ch.isNumber || ch == "." { number.append(ch); continue }
            guard let value = Double(number) else { return nil }
            number = ""
            switch (ch, inTime) {
            case ("D", false): minutes += value * 1_440
            case ("W", false): minutes += value * 7 * 1_440
            case ("H", true): minutes += value * 60
            case ("M", true): minutes += value
            case ("S", true): minutes += value / 60
            default: return nil
            }
        }
        guard number.isEmpty, minutes > 0 else { return nil }
        if minutes.truncatingRemainder(dividingBy: 1_440) == 0 {
            return TimedQuantity(unit: .calendarDays, distribution: .fixed(value: minutes / 1_440))
        }
        return TimedQuantity(unit: .minutes, distribution: .fixed(value: minutes))
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
