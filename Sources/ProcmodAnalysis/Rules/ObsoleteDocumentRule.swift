import ProcmodModel

/// A document that no longer has legal validity.
struct ObsoleteDocumentRule: Rule {
    let ruleID = RuleID.obsoleteDocument
    let name = "Obsolete document"
    let summary = "A step asks for a document that has no legal validity any more."
    let rationale = """
        The household registration book (sổ hộ khẩu) lost its validity on 01/01/2023 (Residence Law \
        68/2020/QH14, Art. 38), yet services still asked for it in 2023. Asking for an obsolete document \
        cannot be met lawfully.
        """
    let category = RuleCategory.redundantPaper
    let legalBasis = ["Residence Law 68/2020/QH14 Art. 38.3 (household and temporary-residence books, to 31/12/2022)"]
    let defaultSeverity = Severity.error
    let examples = [
        RuleExample(triggers: true, element: "submit",
                    documents: #"<document id="book" kind="certificate" medium="paper" pages="4" obsolete-from="2023-01-01"/>"#,
                    flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="book" form="copy"/></step>
            """),
        // Lapses only in 2099: still valid at the date the model describes.
        RuleExample(triggers: false,
                    documents: #"<document id="book" kind="certificate" medium="paper" obsolete-from="2099-01-01"/>"#, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="book" form="copy"/></step>
            """),
        RuleExample(triggers: false, documents: #"<document id="book" kind="certificate" medium="paper"/>"#, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="book" form="copy"/></step>
            """),
    ]
    let fix: RuleFix? = .removeRequirement(because: "reason.obsolete",
                                           helpersGone: "reason.certifiedGone")
    let fixExamples = [
        RuleFixExample(before: """
            <step id="submit" kind="submit" actor="applicant"><requires document="book" form="copy"/></step>
            """, after: """
            <step id="submit" kind="submit" actor="applicant"/>
            """, documents: #"<document id="book" kind="certificate" medium="paper" pages="4" obsolete-from="2023-01-01"/>"#),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        // Judged at the date the model describes: a document that lapses later is still valid.
        let asOf = options.asOf(for: a.procedure)
        for i in a.stepNodes {
            let step = a.step(i)
            for (k, r) in step.requires.enumerated() {
                guard let obsolete = a.procedure.documents[r.document]?.obsoleteFrom, obsolete <= asOf else { continue }
                let saving = a.saving(dropping: r, at: i)
                findings.append(finding("obsoleteDocument", ["step": step.id, "document": r.document, "date": "\(obsolete)"], element: step.id, at: r.location, requirement: k, saving: saving))
            }
        }
        return findings
    }
}
