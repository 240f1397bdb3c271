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
        // 'long' takes 5 of the 6 days, but beside the longer branch: removing it would not shorten the
        // procedure, so only 'longer' is reported.
        RuleExample(triggers: true, element: "longer", flow: """
            <parallel id="split"><branch to="long"/><branch to="longer"/></parallel>
            <step id="long" kind="verify" actor="officer" next="join"><delay unit="working-days"><fixed value="5"/></delay></step>
            <step id="longer" kind="verify" actor="other" next="join"><delay unit="working-days"><fixed value="6"/></delay></step>
            <join id="join" split="split" next="issue"/>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        let total = a.expectedLeadTimeDays
        guard total > 0 else { return [] }
        return a.stepNodes.compactMap { i in
            let days = a.flow.visits[i] * a.nodeDays[i]
            let share = days / total
            guard share > options.dominantShare else { return nil }
            // A step on a parallel branch that is not the slowest adds nothing to the lead time: removing
            // it would not shorten the procedure, so it is never dominant. (Asked only of the few steps over
            // the share: the lead time without a step costs a pass over the flow.)
            guard total - a.expectedDays(excluding: [i]) > 1e-9 else { return nil }
            let step = a.step(i)
            return finding("dominantStep", ["step": step.id, "share": decimalText(share, decimals: 4),
                                           "days": decimalText(days, decimals: 4), "total": decimalText(total, decimals: 4)],
                           element: step.id, at: step.location)
        }
    }
}
