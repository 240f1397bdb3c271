import ProcmodModel

/// Paper carried or posted between agencies.
struct PhysicalHandoffRule: Rule {
    let ruleID = RuleID.physicalHandoff
    let name = "Paper hand-off between agencies"
    let summary = "A step hands the dossier on paper to an actor of another agency."
    let rationale = """
        The national document interconnection axis (trục liên thông văn bản quốc gia, since 2019) carries \
        electronic documents between agencies in minutes, and a digitally signed e-document equals the \
        paper original (Decree 30/2020/NĐ-CP, Art. 5). Paper in transit is where dossiers sit.
        """
    let category = RuleCategory.redundantPaper
    let legalBasis = ["Decree 61/2018/NĐ-CP Art. 19.6(b)", "Decree 61/2018/NĐ-CP Art. 18.1"]
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "send", flow: """
            <step id="send" kind="transfer" actor="officer"><delay unit="working-days"><fixed value="2"/></delay><handoff to="other" medium="paper"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="send" kind="transfer" actor="officer"><handoff to="other" medium="electronic"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="pass" kind="transfer" actor="desk"><handoff to="officer" medium="paper"/></step>
            """),
    ]
    let fix: RuleFix? = .lever(.electronicTransfer(minutes: 10))
    let fixExamples = [
        RuleFixExample(before: """
            <step id="send" kind="transfer" actor="officer"><delay unit="working-days"><fixed value="2"/></delay><handoff to="other" medium="paper"/></step>
            """, after: """
            <step id="send" kind="transfer" actor="officer"><delay unit="minutes" assumed="true"><fixed value="10"/></delay><handoff to="other" medium="electronic"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for i in a.stepNodes {
            let step = a.step(i)
            guard let from = a.procedure.actors[step.actor] else { continue }
            // A step may send the dossier to several agencies at once: one finding per paper hand-off, the
            // transit saved (once) on the first.
            let paper = step.handoffs.filter { h in
                h.medium == .paper && a.procedure.actors[h.to].map { $0.agency != from.agency } == true
            }
            for (n, h) in paper.enumerated() {
            let to = a.procedure.actors[h.to]!
            var saving = Saving()
            // Only a transfer's own delay is transit that the document axis removes.
            // The axis takes its own 10 minutes (the electronic-transfer lever's default), which stay.
            if n == 0, step.kind == .transfer || step.kind == .deliver, step.delay != nil {
                var electronic = step
                electronic.delay = TimedQuantity(unit: .minutes, distribution: .fixed(value: 10))
                saving.elapsedDays = a.flow.visits[i] * max(0, a.time.delayDays(step) - a.time.delayDays(electronic))
            }
            findings.append(finding("physicalHandoff", ["step": step.id, "from": from.agency ?? from.id, "to": to.agency ?? to.id],
                                    element: step.id,
                                    at: h.location, saving: saving))
            }
        }
        return findings
    }
}
