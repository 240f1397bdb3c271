import ProcmodModel

/// More returns for supplementation than the law allows.
struct SupplementCapRule: Rule {
    let ruleID = RuleID.supplementCap
    let name = "Returns for supplementation over the cap"
    let summary = "A supplementation loop allows more than two returns, or has no cap."
    let rationale = """
        Staff must guide applicants so that they do not come back to supplement the dossier more than \
        twice (Decree 63/2010/NĐ-CP, Art. 20.4), with written guidance given once.
        """
    let category = RuleCategory.redundantPaper
    let legalBasis = ["Decree 61/2018/NĐ-CP Art. 15.3", "Decree 61/2018/NĐ-CP Art. 11.2(c)", "Decree 63/2010/NĐ-CP Art. 20.4"]
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "complete", flow: """
            <step id="check" kind="receive" actor="desk"/>
            <choice id="complete">
              <branch to="issue" probability="0.7"/>
              <branch to="check" probability="0.3" loop="supplement" max="3"/>
            </choice>
            """),
        RuleExample(triggers: false, flow: """
            <step id="check" kind="receive" actor="desk"/>
            <choice id="complete">
              <branch to="issue" probability="0.9"/>
              <branch to="check" probability="0.1" loop="supplement" max="2"/>
            </choice>
            """),
    ]
    let fix: RuleFix? = .capSupplementLoops(max: 2, because: "reason.supplementCap")
    let fixExamples = [
        RuleFixExample(before: """
            <step id="check" kind="receive" actor="desk"/>
            <choice id="complete">
              <branch to="issue" probability="0.7"/>
              <branch to="check" probability="0.3" loop="supplement" max="3"/>
            </choice>
            """, after: """
            <step id="check" kind="receive" actor="desk"/>
            <choice id="complete">
              <branch to="issue" probability="0.7"/>
              <branch to="check" probability="0.3" loop="supplement" max="2"/>
            </choice>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for node in a.procedure.flow.nodes {
            for edge in node.edges where edge.loop == .supplement {
                if let max = edge.maxCount, max <= 2 { continue }
                findings.append(finding(edge.maxCount == nil ? "supplementUncapped" : "supplementCap",
                                        ["step": node.id, "count": edge.maxCount.map { "\($0)" } ?? ""],
                                        element: node.id, at: edge.location))
            }
        }
        return findings
    }
}
