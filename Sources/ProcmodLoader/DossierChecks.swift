import ProcmodModel

/// Checks of the dossier and of the step constructs that name other parts of the model: conditional
/// and alternative requirements, registers and their coverage, several hand-offs, second actors and
/// `depends-on` (docs/dsl.md, "The dossier").
extension SemanticChecks {
    mutating func checkDossier(_ procedure: Procedure, _ graph: FlowGraph) {
        for document in procedure.documents.values {
            for holding in document.registers where holding.coverage <= 0 {
                context.error(holding.location, "document '\(document.id)': the \(holding.register) register covers no case "
                              + "(coverage 0): remove the <held-by>, or give the share of cases it holds", code: "register")
            }
        }
        // Built once, and only when some step has depends-on: per step it made the check quadratic.
        var dependencies: (index: [String: Int], nodesAreSteps: [Bool])?
        for (i, node) in procedure.flow.nodes.enumerated() {
            guard case .step(let step) = node.kind else { continue }
            for r in step.requires {
                if r.share <= 0 {
                    context.error(r.location, "step '\(step.id)' asks for '\(r.document)' with share 0: no case hands it in; "
                                  + "remove the requirement", code: "requirement-share")
                }
                if r.unlessRegistered, let d = procedure.documents[r.document], d.registers.isEmpty {
                    context.error(r.location, "step '\(step.id)' asks for '\(r.document)' unless-registered, but no register "
                                  + "holds it: add register=\"…\" or <held-by> to document '\(d.id)'", code: "register")
                }
            }
            var seen: Set<String> = []
            for h in step.handoffs {
                if !seen.insert(h.to).inserted {
                    context.error(h.location, "step '\(step.id)' hands the dossier to '\(h.to)' twice", code: "handoff")
                } else if h.to == step.actor {
                    context.error(h.location, "step '\(step.id)' hands the dossier to its own actor '\(h.to)': a hand-off goes to "
                                  + "another actor", code: "handoff")
                }
            }
            for r in step.requires where (r.issuedWithinDays ?? 0) > 36_500 {
                context.error(r.location, "step '\(step.id)': issued-within-days=\"\(r.issuedWithinDays ?? 0)\" is over 100 years; "
                              + "a validity window is at most 36500 days", code: "limit")
            }
            // Presence is the applicant's: on a step the applicant neither does nor takes part in, it says nothing.
            if step.presenceRequired, procedure.actors[step.actor]?.kind != .applicant,
               !step.coActors.contains(where: { procedure.actors[$0]?.kind == .applicant }) {
                context.warning(step.location, "step '\(step.id)' has presence=\"required\" but the applicant neither does it nor takes "
                                + "part in it (with=\"…\"): name the applicant in with=, or put presence on the applicant's step",
                                code: "presence")
            }
            checkCoActors(step, procedure)
            guard !step.dependsOn.isEmpty else { continue }
            if dependencies == nil {
                let nodes = procedure.flow.nodes
                dependencies = (Dictionary(nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                nodes.map { if case .step = $0.kind { true } else { false } })
            }
            if let (index, nodesAreSteps) = dependencies {
                checkDependencies(step, at: i, index: index, graph, nodesAreSteps: nodesAreSteps)
            }
        }
    }

    /// A second actor shares the step's work: it must differ from the step's actor and have no capacity
    /// limit, as the simulator holds only the step's own actor.
    private mutating func checkCoActors(_ step: Step, _ procedure: Procedure) {
        var seen: Set<String> = []
        for id in step.coActors {
            guard seen.insert(id).inserted else {
                context.error(step.location, "step '\(step.id)' names '\(id)' twice in with=", code: "co-actor")
                continue
            }
            if id == step.actor {
                context.error(step.location, "step '\(step.id)' names its own actor '\(id)' in with=: list only the other "
                              + "actors who take part", code: "co-actor")
            } else if let actor = procedure.actors[id], let servers = actor.capacity.servers {
                context.error(step.location, "step '\(step.id)' takes '\(id)' as a second actor, but '\(id)' has a capacity of "
                              + "\(servers): a second actor must have capacity=\"unlimited\" (the applicant, a witness); "
                              + "model a second officer as a step of its own", code: "co-actor")
            }
        }
    }

    /// Each step a step depends on must come before it on some path.
    private mutating func checkDependencies(_ step: Step, at i: Int, index: [String: Int], _ graph: FlowGraph, nodesAreSteps: [Bool]) {
        guard !step.dependsOn.isEmpty else { return }
        let ancestors = graph.reaching([i])
        var seen: Set<String> = []
        for id in step.dependsOn {
            guard let j = index[id] else { continue }  // unknown ids are reported with the references
            if !seen.insert(id).inserted {
                context.error(step.location, "step '\(step.id)' names '\(id)' twice in depends-on", code: "depends-on")
            } else if graph.count > j, nodesAreSteps[j] == false {
                context.error(step.location, "step '\(step.id)' depends on '\(id)', which is not a step (a choice, split, join or end "
                              + "has no outcome to wait for)", code: "depends-on")
            } else if j == i {
                context.error(step.location, "step '\(step.id)' depends on itself", code: "depends-on")
            } else if !ancestors[j] {
                context.error(step.location, "step '\(step.id)' depends on '\(id)', which no case reaches before it: "
                              + "a step can only depend on one that comes earlier in the flow", code: "depends-on")
            }
        }
    }
}
