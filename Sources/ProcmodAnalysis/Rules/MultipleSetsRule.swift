import ProcmodModel

/// More than one set of the same dossier.
struct MultipleSetsRule: Rule {
    let ruleID = RuleID.multipleSets
    let name = "Several dossier sets"
    let summary = "A step asks for more than one set of the dossier."
    let rationale = """
        The number of dossier sets must be clear and reasonable (Decree 63/2010/NĐ-CP, Annex I, Q8). Extra \
        sets exist to circulate paper between units; one set, scanned at reception, can serve all of them. \
        No general provision fixes one set (each procedure's act sets its number, Decree 63/2010 Art. 8.2(d)): \
        outside civil status, where the law says one set, the finding asks to amend the procedure's own act.
        """
    let category = RuleCategory.redundantPaper
    let legalBasis: [String] = []
    let sectorLegalBasis: [String: [String]] = ["civil-status": ["Decree 123/2015/NĐ-CP Art. 3.1", "Joint Circular 05/2015/TTLT-BTP-BCA-BYT Art. 8.1 (chained procedures)"]]
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "submit", flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original" sets="2"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            """),
    ]
    let fix: RuleFix? = .editRequirement(because: "reason.oneSet", helpersGone: nil) { $0.sets = 1 }
    let fixExamples = [
        RuleFixExample(before: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original" sets="2"/></step>
            """, after: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for i in a.stepNodes {
            let step = a.step(i)
            for (k, r) in step.requires.enumerated() where r.sets > 1 {
                var saving = Saving()
                saving.pages = a.pages(of: r, at: i) * Double(r.sets - 1) / Double(r.sets)
                findings.append(finding("multipleSets", ["step": step.id, "sets": "\(r.sets)", "document": r.document],
                                        element: step.id, at: r.location, requirement: k, saving: saving))
            }
        }
        return findings
    }
}
