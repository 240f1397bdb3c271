import ProcmodModel

extension LeverState {
    /// Adds an online channel: its cases submit electronically on a portal and join the flow at the
    /// first reception step after the applicant's first trip to the desk (or, without one, the first
    /// step of an agency).
    mutating func onlineSubmission(_ id: String, share: Double, level: OnlineLevel, minutes: Double,
                                   at location: SourceLocation) {
        guard procedure.channels[id] == nil else {
            return error(location, "online-submission: channel '\(id)' exists already; use channel-share to change its share")
        }
        let nodes = procedure.flow.nodes
        guard let travel = procedure.stepIndices.first(where: {
            nodes[$0].step?.kind == .travel && procedure.actors[nodes[$0].step?.actor ?? ""]?.kind == .applicant
        }) else {
            return error(location, "online-submission: the procedure has no applicant trip to replace")
        }
        let graph = FlowGraph(procedure.flow)
        let after = graph.reachable(from: [travel])
        let agencyKinds: Set<ActorKind> = [.receptionDesk, .specialistOffice, .official, .signer, .agency]
        let actors = procedure.actors
        let agencySteps = nodes.indices.filter { i in
            nodes[i].step.flatMap { actors[$0.actor] }.map { agencyKinds.contains($0.kind) } ?? false
        }
        guard let reception = nodes.indices.first(where: { after[$0] && nodes[$0].step?.kind == .receive })
                ?? agencySteps.first(where: { after[$0] }) else {
            return error(location, "online-submission: no reception or agency step follows the applicant's trip")
        }
        // What the desk receives on paper, the portal receives electronically.
        let handedIn = nodes.indices.filter { after[$0] && graph.reachable(from: [$0])[reception] && $0 != reception }
            .compactMap { nodes[$0].step }.filter { procedure.actors[$0.actor]?.kind == .applicant }
            .flatMap(\.requires).filter { $0.form != .present }
        var seen = Set<String>()
        let requires = handedIn.filter { seen.insert($0.document).inserted }.map {
            DocumentRequirement(document: $0.document, form: .electronic, copies: 1, sets: 1, legal: $0.legal)
        }
        let portal = procedure.actors.values.first { $0.kind == .onlineSystem }?.id ?? "portal"
        if procedure.actors[portal] == nil {
            procedure.actors[portal] = Actor(id: portal, name: LocalizedName(vi: "Cổng dịch vụ công", en: "Public service portal"),
                                             kind: .onlineSystem, capacity: .unlimited, calendar: alwaysOpenCalendarID)
            note(portal, "adds the public service portal")
        }
        let stepID = uniqueID("\(id)-submission")
        let submit = Step(id: stepID, name: LocalizedName(vi: "Nộp hồ sơ trực tuyến", en: "Submit the dossier online"),
                          kind: .submit, actor: portal, channel: id,
                          work: TimedQuantity(unit: .minutes, distribution: .fixed(value: minutes), provenance: Provenance(assumed: true)),
                          requires: requires)
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
            if travel == 0 { moveToFront(choiceIndex) }
        } else {
            for c in choices {
                let target = c == choices[0] ? submitIndex
                    : (procedure.flow.nodes[c].edges.first?.target ?? submitIndex)
                procedure.flow.nodes[c].edges.append(FlowEdge(target: target, channel: id))
            }
        }
        let fees = procedure.channels.values.first?.fees ?? []
        let others = procedure.channels.values.reduce(0) { $0 + $1.share }
        for key in procedure.channels.keys { procedure.channels[key]?.share *= others > 0 ? (1 - share) / others : 0 }
        procedure.channels[id] = Channel(id: id, name: LocalizedName(vi: "Trực tuyến", en: "Online"), kind: .online,
                                         onlineLevel: level, share: share, fees: fees,
                                         provenance: Provenance(assumed: true))
        note(id, "adds the \(level.rawValue) online channel '\(id)' for \(percentText(share)) of cases")
        note(stepID, "online cases submit on the portal (\(Int(minutes)) minutes, assumed) instead of travelling to the desk")
    }

    private func uniqueID(_ base: String) -> String {
        var id = base, n = 2
        while procedure.flow.nodes.contains(where: { $0.id == id }) { id = "\(base)-\(n)"; n += 1 }
        return id
    }

    /// Moves node `i` to index 0 (the start).
    mutating func moveToFront(_ i: Int) {
        procedure.reorderNodes([i] + procedure.flow.nodes.indices.filter { $0 != i })
    }
}
