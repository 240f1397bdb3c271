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
    let legalBasis: [String] = ["Decree 47/2020/NĐ-CP Art. 9.3"]
    let sectorLegalBasis: [String: [String]] = ["civil-status": ["Decree 87/2020/NĐ-CP Art. 12.5", "Decree 123/2015/NĐ-CP Art. 3.5 (as amended by Decree 07/2025/NĐ-CP)"]]
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "submit", flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="id-card" form="copy"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            """),
        // Already asked only of the cases the register misses.
        RuleExample(triggers: false, documents: #"<document id="birth" name-en="Birth certificate" kind="certificate" medium="paper"><held-by register="civil-status" coverage="0.8"/></document>"#, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="birth" form="copy" unless-registered="true"/></step>
            """),
        // Shown at the desk, not handed in; and a notary's own check of the ID card.
        RuleExample(triggers: false, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="id-card" form="present"/></step>
            """),
        RuleExample(triggers: false, actors: #"<actor id="notary" name-en="Notary" kind="third-party" capacity="unlimited"/>"#, flow: """
            <step id="notarise" kind="certify" actor="notary"><requires document="id-card" form="copy"/></step>
            """),
    ]
    let fix: RuleFix? = .lookUpInRegister(because: "reason.readsRegister",
                                          partly: "reason.registerFirst",
                                          helpersGone: "reason.certifiedGone")
    let fixExamples = [
        RuleFixExample(before: """
            <step id="submit" kind="submit" actor="applicant"><requires document="id-card" form="copy"/><requires document="form" form="original"/></step>
            """, after: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            """),
        // The civil-status database holds 80% of birth records: the desk looks them up and asks the rest.
        RuleFixExample(before: """
            <step id="submit" kind="submit" actor="applicant"><requires document="birth" form="copy"/></step>
            """, after: """
            <step id="submit" kind="submit" actor="applicant"><requires document="birth" form="copy" unless-registered="true"/></step>
            """, documents: #"<document id="birth" name-en="Birth certificate" kind="certificate" medium="paper" pages="2"><held-by register="civil-status" coverage="0.8"/></document>"#),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for i in a.stepNodes {
            let step = a.step(i)
            // A notary or another third party asks for what its own act needs: not the state asking twice.
            if a.procedure.actors[step.actor]?.kind == .thirdParty { continue }
            // A document only shown costs the applicant presence, not paper: no saving to claim here.
            // Already asked only of the cases the registers miss (unless-registered): nothing left to claim.
            for (k, r) in step.requires.enumerated() where r.form != .present && !r.unlessRegistered {
                guard let document = a.procedure.documents[r.document], !document.registers.isEmpty else { continue }
                let coverage = document.registerCoverage
                let holders = document.registers.map(\.register).joined(separator: ",")
                var saving: Saving
                var key = "onceOnly"
                if coverage < 1 {
                    // Only the cases the register holds are spared; the helpers stay for the others.
                    saving = Saving()
                    saving.pages = a.handedInPages(of: r, at: i) * coverage
                    key += "Partly"
                } else {
                    saving = a.saving(dropping: r, at: i)
                }
                if r.issuedWithinDays != nil { key += "Fresh" }
                let values = ["step": step.id, "document": document.id, "form": r.form.rawValue, "registers": holders,
                              "share": decimalText(coverage, decimals: 4), "days": r.issuedWithinDays.map { "\($0)" } ?? ""]
                findings.append(finding(key, values, element: step.id, at: r.location, requirement: k, saving: saving))
            }
        }
        return findings
    }
}
