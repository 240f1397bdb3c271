import ProcmodModel

/// Waiting for a signing time or for a batch to fill.
struct SigningCadenceRule: Rule {
    let ruleID = RuleID.signingCadence
    let name = "Signing cadence or batch wait"
    let summary = "Cases wait for a signer's fixed signing times or for a batch to fill."
    let rationale = """
        Batch signing at set hours makes every case wait, on average, half the gap between signing times \
        (more when the signer's in-tray is reached by paper). Digital signature lets cases be signed as \
        they arrive.
        """
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, element: "chair",
                    actors: #"<actor id="chair" kind="signer" capacity="1" calendar="office"><cadence at="16:00" days="tue"/></actor>"#,
                    flow: """
            <step id="sign" kind="sign" actor="chair"/>
            """),
        RuleExample(triggers: false, flow: """
            <step id="sign" kind="sign" actor="head"/>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        a.loads.compactMap { load in
            guard load.cadenceWaitDays > 0, let actor = a.procedure.actors[load.actor] else { return nil }
            // What signing as cases arrive saves: the lead time without the wait, parallel blocks respected
            // (a signer on a branch that is not the slowest saves less than its wait, or nothing).
            var without = a.procedure
            without.actors[actor.id]?.cadence = nil
            without.actors[actor.id]?.batchSize = nil
            var saving = Saving()
            saving.elapsedDays = max(0, a.expectedLeadTimeDays - ProcedureAnalysis(without).expectedLeadTimeDays)
            // A signer signs at its times; another actor with a cadence (a courier) leaves at them.
            let key = actor.cadence == nil ? "cadenceBatch" : (actor.kind == .signer ? "cadenceSigning" : "cadenceSetTimes")
            return finding(key, ["days": decimalText(load.cadenceWaitDays, decimals: 4), "count": "\(actor.batchSize ?? 0)", "actor": actor.id],
                           element: actor.id, at: actor.cadence?.location ?? actor.location,
                           saving: saving)
        }
    }
}
