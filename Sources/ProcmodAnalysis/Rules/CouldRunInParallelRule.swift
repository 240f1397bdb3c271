import ProcmodModel

/// Consecutive steps of different agencies with no document passing between them.
struct CouldRunInParallelRule: Rule {
    let ruleID = RuleID.couldRunInParallel
    let name = "Could run in parallel"
    let summary = "Two consecutive steps of different agencies do not depend on each other and could run side by side."
    let rationale = "When the second step needs nothing the first produces, running them in parallel cuts lead time to the longer of the two. Signing and issuing the result are taken to depend on everything before them, and a step that only carries the dossier (transfer, delivery) is the hand-off itself; a hand-off to another agency for its opinion or approval does not stop the finding: an electronic dossier goes to every agency at once (Decree 61/2018/NĐ-CP Art. 19.6(b))."
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, element: "a", flow: """
            <step id="a" kind="verify" actor="officer"><delay unit="working-days"><fixed value="2"/></delay></step>
            <step id="b" kind="verify" actor="other"><delay unit="working-days"><fixed value="2"/></delay></step>
            """),
        // A sequential consultation: the dossier is handed to the other agency, whose opinion needs nothing
        // the first step produced; electronically both get the dossier at once (Decree 61/2018 Art. 19.6(b)).
        RuleExample(triggers: true, element: "a", flow: """
            <step id="a" kind="verify" actor="officer"><delay unit="working-days"><fixed value="2"/></delay><handoff to="other" medium="paper"/></step>
            <step id="b" kind="approve" actor="other"><delay unit="working-days"><fixed value="3"/></delay></step>
            """),
        // The model says the second needs the first's outcome (a decision, not a document).
        RuleExample(triggers: false, flow: """
            <step id="a" kind="verify" actor="officer"><delay unit="working-days"><fixed value="2"/></delay></step>
            <step id="b" kind="approve" actor="other" depends-on="a"><delay unit="working-days"><fixed value="3"/></delay></step>
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
            // Signing and issuing the result depend on all the work before them. A hand-off does not: a
            // dossier handed on for another agency's opinion can go to both at once (Decree 61/2018/NĐ-CP
            // Art. 19.6(b), electronic dossiers sent to every agency together); an approval by another
            // agency is such an opinion.
            // A step that only carries the dossier (transfer, delivery) is the hand-off itself, not work
            // that could overlap.
            if second.kind == .sign || second.produces.contains(where: { $0.document == a.procedure.result })
                || [.transfer, .deliver].contains(first.kind) || [.transfer, .deliver].contains(second.kind) { continue }
            // A dependency the model states (depends-on) keeps them in order.
            if second.dependsOn.contains(first.id) { continue }
            let produced = Set(first.produces.map(\.document))
            guard !second.requires.contains(where: { produced.contains($0.document) }) else { continue }
            var saving = Saving()
            saving.elapsedDays = min(a.flow.visits[i] * a.nodeDays[i], a.flow.visits[j] * a.nodeDays[j])
            findings.append(finding("couldRunInParallel", ["step": second.id, "agency": ay, "first": first.id, "firstAgency": ax],
                                    element: first.id,
                                    at: first.location, saving: saving))
        }
        return findings
    }
}
