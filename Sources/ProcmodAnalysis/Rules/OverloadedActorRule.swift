import ProcmodModel

/// An actor offered more work than its capacity and hours allow.
struct OverloadedActorRule: Rule {
    let ruleID = RuleID.overloadedActor
    let name = "Overloaded actor"
    let summary = "An actor's offered load exceeds its capacity: utilisation of 1 or more."
    let rationale = """
        Offered load = annual volume × expected visits × work per visit; capacity = servers × open hours a \
        year. At utilisation 1 or more the queue grows without bound: deadlines will be missed whatever \
        else changes.
        """
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.error
    let examples = [
        RuleExample(triggers: true, element: "head", volume: 100_000, flow: """
            <step id="check" kind="verify" actor="head"><work unit="hours"><fixed value="1"/></work></step>
            """),
        RuleExample(triggers: false, volume: 1_000, flow: """
            <step id="check" kind="verify" actor="head"><work unit="hours"><fixed value="1"/></work></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        a.loads.compactMap { load in
            guard let u = load.utilisation, u >= 1, let actor = a.procedure.actors[load.actor] else { return nil }
            return finding("overloadedActor", ["actor": actor.id, "hours": decimalText(load.offeredHours, decimals: 0),
                                              "open": decimalText(load.capacityHours ?? 0, decimals: 0), "share": decimalText(u, decimals: 4)],
                           element: actor.id, at: actor.location)
        }
    }
}
