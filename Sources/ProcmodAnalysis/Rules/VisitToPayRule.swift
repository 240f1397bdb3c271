import ProcmodModel

/// A visit whose only purpose is paying.
struct VisitToPayRule: Rule {
    let ruleID = RuleID.visitToPay
    let name = "Visit only to pay"
    let summary = "The applicant travels to an office only to pay a fee or charge."
    let rationale = """
        Fees can be paid online through the National Public Service Portal's payment platform and \
        payment intermediaries (Decree 45/2020/NĐ-CP; 54 of 63 provinces connected by 2020).
        """
    let category = RuleCategory.redundantPaper
    let legalBasis = ["Decree 61/2018/NĐ-CP Art. 22.1(c)"]
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "go", flow: """
            <step id="go" kind="travel" actor="applicant"><work unit="minutes"><fixed value="30"/></work></step>
            <step id="pay" kind="pay" actor="applicant"><payment amount="50000" method="cash"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="pay" kind="pay" actor="applicant"><payment amount="50000" method="online"/></step>
            """),
    ]
    let fix: RuleFix? = .lever(.onlinePayment)
    let fixExamples = [
        RuleFixExample(before: """
            <step id="go" kind="travel" actor="applicant"><work unit="minutes"><fixed value="30"/></work></step>
            <step id="pay" kind="pay" actor="applicant"><payment amount="50000" method="cash"/></step>
            """, after: """
            <step id="pay" kind="pay" actor="applicant"><payment amount="50000" method="online"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        visits(onlyFor: .pay, in: a).map { t, segment in
            let removed = Set([t] + segment.filter { a.step($0).kind == .wait })
            return finding("visitToPay", ["step": a.step(t).id],
                           element: a.step(t).id, at: a.step(t).location, saving: a.saving(removing: removed))
        }
    }
}
