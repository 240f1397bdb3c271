import ProcmodModel

/// Consecutive steps of different agencies with no document passing between them.
struct CouldRunInParallelRule: Rule {
    let ruleID = RuleID.couldRunInParallel
    let name = "Could run in parallel"
    let summary = "Two consecutive steps of different agencies do not depend on each other and could run side by side."
    let rationale = "When the second step needs nothing the first produces, running them in parallel cuts lead time to the longer of the two. Steps that approve, sign or issue the result are taken to depend on everything before them."
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, element: "a", flow: """
            <step id="a" kind="verify" actor="officer"><delay unit="working-days"><fixed value="2"/></delay></step>
            <step id="b" kind="verify" actor="other"><delay unit="working-days"><fixed value="2"/></delay></step>
            """),
        RuleExample(triggers: false, documents: #"<document id="note" kind="internal" medium="paper"/>"#, flow: """
            <step id="a" kind="verify" actor="officer"><produces document="note" medium="paper"/></step>
            <step id="b" kind="verify" actor="other"><requires document="note" form="original"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for i in a.stepNodes {
            let first = a.step(i)
            guard a.flow.graph.successors[i].count == 1, let j = a.flow.graph.successors[i].first,
                  let second = a.procedure.flow.nodes[j].step, a.flow.graph.predecessors[j].count == 1,
                  let x = a.procedure.actors[first.actor], let y = a.procedure.actors[second.actor],
                  x.kind != .applicant, y.kind != .applicant, let ax = x.agency, let ay = y.agency, ax != ay
            else { continue }
            // Issuing the result, approving and signing depend on all the work before them.
            if [.sign, .approve].contains(second.kind) || second.produces.contains(where: { $0.document == a.procedure.result }) {
                continue
            }
            let produced = Set(first.produces.map(\.document))
            guard !second.requires.contains(where: { produced.contains($0.document) }), first.handoff?.to != second.actor
            else { continue }
            var saving = Saving()
            saving.elapsedDays = min(a.flow.visits[i] * a.nodeDays[i], a.flow.visits[j] * a.nodeDays[j])
            findings.append(finding("steps '\(first.id)' (\(ax)) and '\(second.id)' (\(ay)) share no document: run "
                                    + "them in parallel", element: first.id, at: first.location, saving: saving))
        }
        return findings
    }
}
