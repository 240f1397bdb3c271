import ProcmodModel

/// A document whose data a state register already holds.
struct OnceOnlyRule: Rule {
    let ruleID = RuleID.onceOnly
    let name = "Data the state already holds"
    let summary = "A step asks for a document whose data a named state register already holds."
    let rationale = """
        People must not be asked again for information already in the National Population Database or \
        another national register (Project 06, Decision 06/QĐ-TTg 2022; Decree 45/2020/NĐ-CP); a 2025 \
        resolution replaces dossier items with data in about 800 procedures. The agency looks the data up.
        """
    let category = RuleCategory.redundantPaper
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "submit", flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="id-card" form="copy"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            """),
        // Shown at the desk, not handed in; and a notary's own check of the ID card.
        RuleExample(triggers: false, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="id-card" form="present"/></step>
            """),
        RuleExample(triggers: false, actors: #"<actor id="notary" name-en="Notary" kind="third-party" capacity="unlimited"/>"#, flow: """
            <step id="notarise" kind="certify" actor="notary"><requires document="id-card" form="copy"/></step>
            """),
    ]
    let fix: RuleFix? = .removeRequirement(because: "no longer asked for: the agency reads the register",
                                           helpersGone: "the document it certified is no longer asked for")
    let fixExamples = [
        RuleFixExample(before: """
            <step id="submit" kind="submit" actor="applicant"><requires document="id-card" form="copy"/><requires document="form" form="original"/></step>
            """, after: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for i in a.stepNodes {
            let step = a.step(i)
            // A notary or another third party asks for what its own act needs: not the state asking twice.
            if a.procedure.actors[step.actor]?.kind == .thirdParty { continue }
            // A document only shown costs the applicant presence, not paper: no saving to claim here.
            for (k, r) in step.requires.enumerated() where r.form != .present {
                guard let document = a.procedure.documents[r.document], let register = document.register else { continue }
                let saving = a.saving(dropping: r, at: i)
                findings.append(finding(
                    "step '\(step.id)' asks for '\(document.id)' (\(r.form.rawValue)), whose data the \(register) "
                    + "register already holds: look it up instead", element: step.id, at: r.location, requirement: k,
                    saving: saving))
            }
        }
        return findings
    }
}
