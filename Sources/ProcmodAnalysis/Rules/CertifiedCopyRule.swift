import ProcmodModel

/// A certified copy where the law requires the agency to accept a plain copy.
struct CertifiedCopyRule: Rule {
    let ruleID = RuleID.certifiedCopy
    let name = "Certified copy required"
    let summary = "A step requires a certified copy where a plain copy, checked against the original, is lawful."
    let rationale = """
        Where a law requires a copy, the agency must accept a plain copy and may ask to see the original to \
        compare; it may not demand a certified copy (Decree 23/2015/NĐ-CP, Art. 6). Certification costs \
        2,000 VND a page (1,000 from page 3) and a trip to a certifier.
        """
    let category = RuleCategory.redundantPaper
    let legalBasis = ["Decree 23/2015/NĐ-CP Art. 6.1", "Decree 23/2015/NĐ-CP Art. 6.2"]
    let defaultSeverity = Severity.warning
    let examples = [
        // The model cites the provision that demands certification: the finding says to amend it.
        RuleExample(triggers: true, element: "submit", message: "must be amended", legal: #"<provision id="d152" act="Decree 152/2020/NĐ-CP" article="9"/>"#, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="certified-copy" legal="d152"/></step>
            """),
        RuleExample(triggers: true, element: "submit", flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="certified-copy"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="copy"/></step>
            """),
    ]
    let fix: RuleFix? = .editRequirement(because: "reason.plainCopy",
                                         helpersGone: "reason.plainCopies") { $0.form = .copy }
    let fixExamples = [
        // The certification step and its charge go with the certified copy (and are saved once).
        RuleFixExample(before: """
            <step id="certify" kind="certify" actor="other"><work unit="minutes"><fixed value="15"/></work><requires document="form" form="present"/><payment amount="4000" method="cash"/></step>
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="certified-copy"/></step>
            """, after: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="copy"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for i in a.stepNodes {
            let step = a.step(i)
            for (k, r) in step.requires.enumerated() where r.form == .certifiedCopy {
                // The certify steps that go with the certified copy, their time and charges included (the
                // charge is the one the model puts on them, never added a second time).
                let saving = a.saving(removing: Set(a.helpersGone(droppingOrPlain: r, at: i, removing: false)))
                // Where the model cites the provision that demands the certification, the desk cannot simply
                // accept a plain copy: that provision has to be amended.
                let cited = citations(r.legal, in: a.procedure)
                let values = ["step": step.id, "document": r.document, "citations": cited.joined(separator: "; ")]
                findings.append(finding(cited.isEmpty ? "certifiedCopy" : "certifiedCopyCited", values, element: step.id,
                                        at: r.location, requirement: k, saving: saving))
            }
        }
        return findings
    }
}
