import ProcmodModel

/// An actor above the high-utilisation threshold.
struct HighUtilisationRule: Rule {
    let ruleID = RuleID.highUtilisation
    let name = "High utilisation"
    let summary = "An actor's utilisation is above the threshold (default 0.85) but below 1."
    let rationale = """
        Queueing delay grows as 1/(1 − ρ): near full utilisation small surges (deadline seasons, portal \
        outages) turn into long waits. The M/M/c estimate of the wait is given.
        """
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "head", volume: 1_800, flow: """
            <step id="check" kind="verify" actor="head"><work unit="hours"><fixed value="1"/></work></step>
            """),
        RuleExample(triggers: false, volume: 1_000, flow: """
            <step id="check" kind="verify" actor="head"><work unit="hours"><fixed value="1"/></work></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        a.loads.compactMap { load in
            guard let u = load.utilisation, u >= options.highUtilisation, u < 1,
                  let actor = a.procedure.actors[load.actor] else { return nil }
            let values = ["actor": actor.id, "share": decimalText(u, decimals: 4), "days": load.meanWaitDays.map { decimalText($0, decimals: 4) } ?? ""]
            return finding(load.meanWaitDays == nil ? "highUtilisation" : "highUtilisationWait", values, element: actor.id,
                           at: actor.location)
        }
    }
}
