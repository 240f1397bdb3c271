import ProcmodAnalysis
import ProcmodLocalization
import ProcmodModel

extension LeverState {
    /// Adds an online channel: its cases skip from `before` (default: the applicant's first trip) to
    /// `joins` (default: the first reception step after it, or the first step of an agency), submitting
    /// electronically on a portal. The anchor must be a step every case takes: a trip on an optional
    /// branch (to fetch a paper only some cases need) would send some online cases through the trip and
    /// skip others' paper; then the lever refuses and asks for `before`.
    mutating func onlineSubmission(_ id: String, share: Double, level: OnlineLevel, minutes: Double,
                                   before: String? = nil, joins: String? = nil, at location: SourceLocation) {
        guard procedure.channels[id] == nil else {
            return error(location, "online-submission: channel '\(id)' exists already; use channel-share to change its share")
        }
        let nodes = procedure.flow.nodes
        let graph = FlowGraph(procedure.flow)
        let existing = nodes.indices.filter { nodes[$0].kind == .choice(.channel) }
        let travel: Int
        if let first = existing.first {
            // The procedure already branches by channel: the online branch is added there.
            if let before {
                return error(location, "online-submission: the procedure already branches by channel at choice '\(nodes[first].id)', "
                             + "where the online branch is added; drop before=\"\(before)\"")
            }
            travel = first
        } else if let before {
            guard let i = procedure.node(before), nodes[i].step != nil else {
                return error(location, "online-submission: before=\"\(before)\" names no step of the procedure")
            }
            travel = i
        } else {
            guard let first = procedure.stepIndices.first(where: {
                nodes[$0].step?.kind == .travel && procedure.actors[nodes[$0].step?.actor ?? ""]?.kind == .applicant
            }) else {
                return error(location, "online-submission: the procedure has no applicant trip to replace; "
                             + "name the step online cases skip from with before=\"…\"")
            }
            travel = first
        }
        guard Self.everyCaseTakes(travel, graph, procedure.flow) else {
            if !existing.isEmpty {
                return error(location, "online-submission: channel choice '\(nodes[travel].id)' is not on every case's path")
            }
            let trips = procedure.stepIndices.filter {
                nodes[$0].step?.kind == .travel && procedure.actors[nodes[$0].step?.actor ?? ""]?.kind == .applicant
                    && Self.everyCaseTakes($0, graph, procedure.flow)
            }.map { nodes[$0].id }
            return error(location, "online-submission: " + (before == nil ? "the applicant's first trip '\(nodes[travel].id)'" : "step '\(nodes[travel].id)'")
                         + " is not on every case's path (some cases never take it), so the online channel cannot branch "
                         + "off there: name with before=\"…\" a step every case takes"
                         + (trips.isEmpty ? "" : " (the applicant's trips every case takes: \(trips.joined(separator: ", ")))"))
        }
        // A trip the applicant must make in person (a ceremony, fingerprints) cannot be replaced online.
        let analysis = ProcedureAnalysis(procedure)
        let trips = procedure.stepIndices.filter {
            nodes[$0].step?.kind == .travel && procedure.actors[nodes[$0].step?.actor ?? ""]?.kind == .applicant
        }
        let after = graph.reachable(from: [travel])
        let agencyKinds: Set<ActorKind> = [.receptionDesk, .specialistOffice, .official, .signer, .agency]
        let actors = procedure.actors
        let agencySteps = nodes.indices.filter { i in
            nodes[i].step.flatMap { actors[$0.actor] }.map { agencyKinds.contains($0.kind) } ?? false
        }
        let reception: Int
        if let joins {
            guard let j = procedure.node(joins), nodes[j].step != nil else {
                return error(location, "online-submission: joins=\"\(joins)\" names no step of the procedure")
            }
            guard after[j], j != travel else {
                return error(location, "online-submission: joins=\"\(joins)\" does not come after '\(nodes[travel].id)'")
            }
            reception = j
        } else {
            guard let r = nodes.indices.first(where: { after[$0] && nodes[$0].step?.kind == .receive })
                    ?? agencySteps.first(where: { after[$0] }) else {
                return error(location, "online-submission: no reception or agency step follows '\(nodes[travel].id)'; "
                             + "name where online cases join with joins=\"…\"")
            }
            reception = r
        }
        // What the desk receives on paper, the portal receives electronically, asked of the same cases
        // (share, condition, alternatives, registers) and with the same legalisation, translation and
        // validity: uploading a scan does not legalise a foreign paper.
        let handedIn = nodes.indices.filter { after[$0] && graph.reachable(from: [$0])[reception] && $0 != reception }
            .filter { nodes[$0].step.map { procedure.actors[$0.actor]?.kind == .applicant } ?? false }
            .flatMap { i in (nodes[i].step?.requires ?? []).map { (node: i, requirement: $0) } }
            .filter { $0.requirement.form != .present }
        var seen = Set<String>()
        var groups: [String: Int] = [:]
        let requires = handedIn.filter { seen.insert($0.requirement.document).inserted }.map { entry -> DocumentRequirement in
            var r = entry.requirement
            r.form = .electronic
            r.copies = 1
            r.sets = 1
            r.location = .unknown
            // Alternatives keep their groups, renumbered for the one new step.
            if let group = r.alternatives {
                let key = "\(entry.node)/\(group)"
                r.alternatives = groups[key] ?? { let n = groups.count; groups[key] = n; return n }()
            }
            return r
        }
        let portal = procedure.actors.values.first { $0.kind == .onlineSystem }?.id ?? "portal"
        if procedure.actors[portal] == nil {
            procedure.actors[portal] = Actor(id: portal, name: LocalizedName(vi: "Cổng dịch vụ công", en: "Public service portal"),
                                             kind: .onlineSystem, capacity: .unlimited, calendar: alwaysOpenCalendarID)
            note(portal, Message("change.portal"))
        }
        let stepID = uniqueID("\(id)-submission")
        var submit = Step(id: stepID, name: LocalizedName(vi: "Nộp hồ sơ trực tuyến", en: "Submit the dossier online"),
                          kind: .submit, actor: portal, channel: id,
                          work: TimedQuantity(unit: .minutes, distribution: .fixed(value: minutes), provenance: Provenance(assumed: true)),
                          requires: requires)
        // The applicant fills in and uploads: its time is compliance cost (a second actor of the step).
        if let applicant = procedure.actors.values.first(where: { $0.kind == .applicant }) { submit.coActors = [applicant.id] }
        // The trips online cases skip: the applicant's trips on the way from the branch point to where they
        // join. One that the applicant must make in person is refused.
        let toJoin = graph.reaching([reception])
        for t in trips where after[t] && toJoin[t] && t != reception && isUnavoidableVisit(t, in: analysis) {
            return error(location, "online-submission: online cases would skip trip '\(nodes[t].id)', which the applicant must make "
                         + "in person (a step on that visit has presence=\"required\"); let online cases join after it with "
                         + "joins=\"…\", or model the in-person step on a trip of its own")
        }
        let submitIndex = procedure.flow.nodes.count
        procedure.flow.nodes.append(FlowNode(id: stepID, kind: .step(submit), edges: [FlowEdge(target: reception)]))
        // Route the new channel: add a branch to every channel choice, or put a choice before the trip.
        let choices = procedure.flow.nodes.indices.filter { procedure.flow.nodes[$0].kind == .choice(.channel) }
        if choices.isEmpty {
            let choiceID = uniqueID("channel")
            let choiceIndex = procedure.flow.nodes.count
            for k in procedure.flow.nodes.indices {
                for e in procedure.flow.nodes[k].edges.indices where procedure.flow.nodes[k].edges[e].target == travel {
                    procedure.flow.nodes[k].edges[e].target = choiceIndex
                }
            }
            let branches = procedure.channels.keys.map { FlowEdge(target: travel, channel: $0) }
                + [FlowEdge(target: submitIndex, channel: id)]
            procedure.flow.nodes.append(FlowNode(id: choiceID, kind: .choice(.channel), edges: branches))
            // In file order the choice comes just before the trip, the portal step just before the
            // reception: loops stay loops and every forward path reads in the order cases take it.
            place(choiceIndex, before: travel, submitIndex, before: reception)
        } else {
            for c in choices {
                let target = c == choices[0] ? submitIndex
                    : (procedure.flow.nodes[c].edges.first?.target ?? submitIndex)
                procedure.flow.nodes[c].edges.append(FlowEdge(target: target, channel: id))
            }
            place(nil, before: travel, submitIndex, before: reception)
        }
        let fees = procedure.channels.values.first?.fees ?? []
        let others = procedure.channels.values.reduce(0) { $0 + $1.share }
        for key in procedure.channels.keys { procedure.channels[key]?.share *= others > 0 ? (1 - share) / others : 0 }
        procedure.channels[id] = Channel(id: id, name: LocalizedName(vi: "Trực tuyến", en: "Online"), kind: .online,
                                         onlineLevel: level, share: share, fees: fees,
                                         provenance: Provenance(assumed: true))
        note(id, Message("change.onlineChannel", ["level": level.rawValue, "channel": id, "share": decimalText(share, decimals: 4)]))
        note(stepID, Message("change.onlineSubmit", ["minutes": decimalText(minutes)]))
    }

    /// True when every case passes `node` on its way from the start to an end: without it, no end is
    /// reachable.
    static func everyCaseTakes(_ node: Int, _ graph: FlowGraph, _ flow: Flow) -> Bool {
        guard node != flow.start else { return true }
        let successors = graph.successors.enumerated().map { i, next in i == node ? [] : next }
        let reached = FlowGraph.search(from: [flow.start], along: successors)
        return !flow.nodes.indices.contains { i in
            if case .end = flow.nodes[i].kind { return reached[i] }
            return false
        }
    }

    private func uniqueID(_ base: String) -> String {
        var id = base, n = 2
        while procedure.flow.nodes.contains(where: { $0.id == id }) { id = "\(base)-\(n)"; n += 1 }
        return id
    }

    /// Moves the new nodes `choice` (if any) to just before `travel` and `submit` to just before
    /// `reception` in file order.
    mutating func place(_ choice: Int?, before travel: Int, _ submit: Int, before reception: Int) {
        let moved = Set([submit] + (choice.map { [$0] } ?? []))
        var order: [Int] = []
        for i in procedure.flow.nodes.indices where !moved.contains(i) {
            if let choice, i == travel { order.append(choice) }
            if i == reception { order.append(submit) }
            order.append(i)
        }
        procedure.reorderNodes(order)
    }

    /// Moves node `i` to index 0 (the start).
    mutating func moveToFront(_ i: Int) {
        procedure.reorderNodes([i] + procedure.flow.nodes.indices.filter { $0 != i })
    }
}
