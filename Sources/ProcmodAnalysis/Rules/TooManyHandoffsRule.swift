import ProcmodModel

/// More hand-offs between agencies than the target.
struct TooManyHandoffsRule: Rule {
    let ruleID = RuleID.tooManyHandoffs
    let name = "Too many hand-offs"
    let summary = "The dossier changes agency more often than the target (default 2 hand-offs)."
    let rationale = "Each hand-off between agencies adds transit, an in-tray and a new queue; one-stop and inter-agency one-stop mechanisms (Decree 118/2025/NĐ-CP) exist to cut them."
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, element: "EXAMPLE", flow: """
            <step id="a" kind="transfer" actor="officer"><handoff to="other" medium="electronic"/></step>
            <step id="b" kind="transfer" actor="other"><handoff to="officer" medium="electronic"/></step>
            <step id="c" kind="transfer" actor="officer"><handoff to="other" medium="electronic"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="a" kind="transfer" actor="officer"><handoff to="other" medium="electronic"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        let handoffs = a.metrics.agencyHandoffs
        guard handoffs > options.maxHandoffs + 1e-9 else { return [] }
        return [finding("tooManyHandoffs", ["times": decimalText(handoffs, decimals: 4), "target": decimalText(options.maxHandoffs, decimals: 4)],
                        element: a.procedure.code, at: a.procedure.location)]
    }
}
