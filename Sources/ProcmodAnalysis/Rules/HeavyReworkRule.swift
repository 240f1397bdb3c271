import ProcmodModel

/// A loop taken often.
struct HeavyReworkRule: Rule {
    let ruleID = RuleID.heavyRework
    let name = "Heavy rework"
    let summary = "A rework or supplementation branch is taken with a probability at or above the threshold (default 0.2)."
    let rationale = """
        Frequent returns mean the requirements are unclear or checked too late; one-time written guidance \
        (hướng dẫn một lần) and checks at reception cut them.
        """
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "complete", flow: """
            <step id="check" kind="receive" actor="desk"/>
            <choice id="complete">
              <branch to="issue" probability="0.7"/>
              <branch to="check" probability="0.3" loop="rework" max="2"/>
            </choice>
            """),
        RuleExample(triggers: false, flow: """
            <step id="check" kind="receive" actor="desk"/>
            <choice id="complete">
              <branch to="issue" probability="0.95"/>
              <branch to="check" probability="0.05" loop="rework" max="2"/>
            </choice>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for node in a.procedure.flow.nodes {
            for edge in node.edges {
                guard let loop = edge.loop, let p = edge.probability, p >= options.heavyRework else { continue }
                findings.append(finding(loop == .supplement ? "heavyReworkSupplement" : "heavyRework",
                                        ["share": decimalText(p, decimals: 4), "step": node.id], element: node.id, at: edge.location))
            }
        }
        return findings
    }
}
