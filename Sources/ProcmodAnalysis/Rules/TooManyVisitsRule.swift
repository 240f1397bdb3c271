import ProcmodModel

/// More applicant visits than the target.
struct TooManyVisitsRule: Rule {
    let ruleID = RuleID.tooManyVisits
    let name = "Too many visits"
    let summary = "The applicant must come in person more often than the target (default 1 visit)."
    let rationale = """
        Every visit costs the applicant travel and waiting time; Hà Nội's re-engineering of 293 procedures \
        saved over 15 million travel hours a year. The Standard Cost Model counts them at the time tariff.
        """
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "EXAMPLE", flow: """
            <step id="go" kind="travel" actor="applicant"/>
            <step id="submit" kind="submit" actor="applicant"/>
            <step id="go-again" kind="travel" actor="applicant"/>
            <step id="collect" kind="collect" actor="applicant"/>
            """),
        RuleExample(triggers: false, flow: """
            <step id="go" kind="travel" actor="applicant"/>
            <step id="submit" kind="submit" actor="applicant"/>
            """),
        // The second visit is for fingerprints, which need the applicant in person.
        RuleExample(triggers: false, flow: """
            <step id="go" kind="travel" actor="applicant"/>
            <step id="submit" kind="submit" actor="applicant"/>
            <step id="go-again" kind="travel" actor="applicant"/>
            <step id="fingerprints" kind="verify" actor="officer" with="applicant" presence="required"/>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        // Visits the applicant must make in person (presence="required") are not counted against the target.
        let travels = applicantTravels(a)
        let unavoidable = travels.filter { isUnavoidableVisit($0, in: a) }.reduce(0) { $0 + a.flow.visits[$1] }
        let visits = a.metrics.applicantVisits - unavoidable
        guard visits > options.maxVisits + 1e-9 else { return [] }
        var saving = Saving()
        saving.visits = visits - options.maxVisits
        let values = ["visits": decimalText(visits, decimals: 4), "unavoidable": decimalText(unavoidable, decimals: 4),
                      "target": decimalText(options.maxVisits, decimals: 4)]
        return [finding(unavoidable > 1e-9 ? "tooManyVisitsBesides" : "tooManyVisits", values, element: a.procedure.code,
                        at: travels.first.map { a.step($0).location } ?? a.procedure.location, saving: saving)]
    }
}
