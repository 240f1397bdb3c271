import ProcmodModel

/// The result of an earlier procedure supplied by the applicant.
struct ResultFromApplicantRule: Rule {
    let ruleID = RuleID.resultFromApplicant
    let name = "Earlier result carried by the applicant"
    let summary = "The applicant supplies the result of another procedure instead of the agencies passing it between them."
    let rationale = """
        Chaining procedures (liên thông) passes results between agencies instead of through the applicant \
        (Decree 63/2010/NĐ-CP, Annex I, Q11; Decision 296/QĐ-VPCP 2024 chains birth, residence and health \
        insurance); results of earlier procedures must not be asked for again (Decree 45/2020/NĐ-CP).
        """
    let category = RuleCategory.redundantPaper
    let legalBasis = ["Decree 61/2018/NĐ-CP Art. 19.6(a)", "Decree 61/2018/NĐ-CP Art. 20.5", "Decree 47/2020/NĐ-CP Art. 9.3"]
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, element: "submit", documents: #"<document id="birth" kind="certificate" medium="paper" result-of="1.001193"/>"#,
                    flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="birth" form="copy"/></step>
            """),
        RuleExample(triggers: false, documents: #"<document id="birth" kind="certificate" medium="paper"/>"#, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="birth" form="copy"/></step>
            """),
    ]
    let fix: RuleFix? = .removeRequirement(because: "reason.agenciesPass",
                                           helpersGone: "reason.certifiedGone")
    let fixExamples = [
        RuleFixExample(before: """
            <step id="copy" kind="copy" actor="applicant"><work unit="minutes"><fixed value="10"/></work></step>
            <step id="submit" kind="submit" actor="applicant"><requires document="birth" form="copy"/></step>
            """, after: """
            <step id="submit" kind="submit" actor="applicant"/>
            """, documents: #"<document id="birth" kind="certificate" medium="paper" result-of="1.001193"/>"#),
        // The trip to fetch a copy of the earlier result goes with it (its time and the visit are saved).
        RuleFixExample(before: """
            <step id="go-fetch" kind="travel" actor="applicant"><work unit="minutes"><fixed value="45"/></work></step>
            <step id="issue-copy" kind="record" actor="other"><work unit="minutes"><fixed value="15"/></work><produces document="birth" medium="paper"/></step>
            <step id="submit" kind="submit" actor="applicant"><requires document="birth" form="copy"/></step>
            """, after: """
            <step id="submit" kind="submit" actor="applicant"/>
            """, documents: #"<document id="birth" kind="certificate" medium="paper" result-of="1.001193"/>"#),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for i in a.stepNodes {
            let step = a.step(i)
            for (k, r) in step.requires.enumerated() {
                guard let earlier = a.procedure.documents[r.document]?.resultOf else { continue }
                let saving = a.saving(dropping: r, at: i)
                findings.append(finding("resultFromApplicant", ["step": step.id, "document": r.document, "procedure": earlier],
                                        element: step.id, at: r.location, requirement: k, saving: saving))
            }
        }
        return findings
    }
}
