import ProcmodModel

/// Paper required for a document that exists, or is also required, electronically.
struct PaperAlongsideElectronicRule: Rule {
    let ruleID = RuleID.paperAlongsideElectronic
    let name = "Paper alongside electronic"
    let summary = "A document is required on paper as well as electronically, or on paper although it is electronic."
    let rationale = """
        A digitally signed electronic document has the legal value of the paper original (Decree \
        30/2020/NĐ-CP, Art. 5), and an electronic result that of a paper one (Decree 45/2020/NĐ-CP). \
        Asking for both costs double.
        """
    let category = RuleCategory.redundantPaper
    let legalBasis: [String] = ["Decree 30/2020/NĐ-CP Art. 5.1"]
    let sectorLegalBasis: [String: [String]] = ["business-registration": ["Enterprise Law 59/2020/QH14 Art. 26.2"]]
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "submit", flow: """
            <step id="upload" kind="submit" actor="portal"><requires document="form" form="electronic"/></step>
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            """),
        RuleExample(triggers: true, element: "submit", documents: #"<document id="e-cert" kind="certificate" medium="electronic"/>"#, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="e-cert" form="copy"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="upload" kind="submit" actor="portal"><requires document="form" form="electronic"/></step>
            """),
    ]
    let fix: RuleFix? = .removeRequirement(because: "reason.paperVersion",
                                           helpersGone: "reason.certifiedGone")
    let fixExamples = [
        RuleFixExample(before: """
            <step id="upload" kind="submit" actor="portal"><requires document="form" form="electronic"/></step>
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            """, after: """
            <step id="upload" kind="submit" actor="portal"><requires document="form" form="electronic"/></step>
            <step id="submit" kind="submit" actor="applicant"/>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        let documents = Array(a.procedure.documents.keys)
        let index = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1, $0) })
        let electronic = { (i: Int) -> [Int] in
            a.procedure.flow.nodes[i].step?.requires.filter { $0.form == .electronic }.compactMap { index[$0.document] } ?? []
        }
        // Per channel: a case keeps its channel, so another channel's electronic copy is not "the same path".
        let before = DocumentPaths.perChannel(a, documents: documents.count, marks: electronic)
        let after = DocumentPaths.perChannel(a, documents: documents.count, reversed: true, marks: electronic)
        var findings: [Finding] = []
        for i in a.stepNodes {
            let step = a.step(i)
            let here = Set(electronic(i))
            for (k, r) in step.requires.enumerated() where r.isPaper && r.form != .present {
                var saving = Saving()
                saving.pages = a.pages(of: r, at: i)
                if a.procedure.documents[r.document]?.medium == .electronic {
                    findings.append(finding("paperOfElectronic", ["step": step.id, "form": r.form.rawValue, "document": r.document], element: step.id, at: r.location, requirement: k,
                                            saving: saving))
                } else if let d = index[r.document],
                          here.contains(d) || zip(before, after).contains(where: { $0.contains(d, at: i) || $1.contains(d, at: i) }) {
                    findings.append(finding("paperAlongside", ["step": step.id, "document": r.document, "form": r.form.rawValue], element: step.id,
                                            at: r.location, requirement: k, saving: saving))
                }
            }
        }
        return findings
    }
}
