import ProcmodModel

/// One signer with one seat through whom every case passes.
struct SingleSignerRule: Rule {
    let ruleID = RuleID.singleSigner
    let name = "Single signer"
    let summary = "Every case waits for the same single signer."
    let rationale = """
        Leaders sign at set times and are often away; when one person with capacity 1 signs every case, \
        their absence stops the procedure. Delegating signature or signing digitally from anywhere removes \
        the single point of failure.
        """
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, element: "head", flow: """
            <step id="sign" kind="sign" actor="head"><signature kind="digital"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="sign" kind="sign" actor="officer"><signature kind="digital"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        a.procedure.actors.values.compactMap { actor in
            guard actor.kind == .signer, actor.capacity.servers == 1 else { return nil }
            let visits = a.stepNodes.filter { a.step($0).actor == actor.id }.map { a.flow.visits[$0] }.reduce(0, +)
            guard visits >= 0.999 else { return nil }
            return finding("singleSigner", ["actor": actor.id], element: actor.id,
                           at: actor.location)
        }
    }
}
