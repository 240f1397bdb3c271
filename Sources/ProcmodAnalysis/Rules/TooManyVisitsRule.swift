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
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        let visits = a.metrics.applicantVisits
        guard visits > options.maxVisits + 1e-9 else { return [] }
        let travels = applicantTravels(a)
        var saving = Saving()
        saving.visits = visits - options.maxVisits
        return [finding("the applicant makes \(decimalText(visits)) visits per case (target at most "
                        + "\(decimalText(options.maxVisits)))", element: a.procedure.code,
                        at: travels.first.map { a.step($0).location } ?? a.procedure.location, saving: saving)]
    }
}
