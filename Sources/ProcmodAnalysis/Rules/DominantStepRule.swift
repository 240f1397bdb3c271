import ProcmodModel

/// One step that takes most of the lead time.
struct DominantStepRule: Rule {
    let ruleID = RuleID.dominantStep
    let name = "Dominant step"
    let summary = "One step accounts for more than half (by default) of the expected lead time."
    let rationale = "The step that dominates lead time is where a reform saves most; everything else is second order."
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, element: "survey", flow: """
            <step id="survey" kind="survey" actor="officer"><delay unit="working-days"><fixed value="3"/></delay></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="a" kind="verify" actor="officer"><delay unit="working-days"><fixed value="1"/></delay></step>
            <step id="b" kind="verify" actor="other"><delay unit="working-days"><fixed value="1"/></delay></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        let total = a.expectedLeadTimeDays
        guard total > 0 else { return [] }
        return a.stepNodes.compactMap { i in
            let share = a.flow.visits[i] * a.nodeDays[i] / total
            guard share > options.dominantShare else { return nil }
            let step = a.step(i)
            return finding("step '\(step.id)' takes \(decimalText(share * 100))% of the expected lead time "
                           + "(\(decimalText(a.flow.visits[i] * a.nodeDays[i])) of \(decimalText(total)) working days)",
                           element: step.id, at: step.location)
        }
    }
}
