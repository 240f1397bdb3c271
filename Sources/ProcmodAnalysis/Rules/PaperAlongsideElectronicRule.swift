import ProcmodModel

/// Paper required for a document that exists, or is also required, electronically.
struct PaperAlongsideElectronicRule: Rule {
    let id = "paper-alongside-electronic"
    let name = "Paper alongside electronic"
    let summary = "A document is required on paper as well as electronically, or on paper although it is electronic."
    let rationale = """
        A digitally signed electronic document has the legal value of the paper original (Decree \
        30/2020/NĐ-CP, Art. 5), and an electronic result that of a paper one (Decree 45/2020/NĐ-CP). \
        Asking for both costs double.
        """
    let category = RuleCategory.redundantPaper
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, flow: """
            <step id="upload" kind="submit" actor="portal"><requires document="form" form="electronic"/></step>
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            """),
        RuleExample(triggers: true, documents: #"<document id="e-cert" kind="certificate" medium="electronic"/>"#, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="e-cert" form="copy"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="upload" kind="submit" actor="portal"><requires document="form" form="electronic"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        var electronic: [String: [Int]] = [:]
        for i in a.stepNodes {
            for r in a.step(i).requires where r.form == .electronic { electronic[r.document, default: []].append(i) }
        }
        for i in a.stepNodes {
            let step = a.step(i)
            for r in step.requires where r.isPaper && r.form != .present {
                let saving = { () -> Saving in var s = Saving(); s.pages = a.pages(of: r, at: i); return s }()
                if a.procedure.documents[r.document]?.medium == .electronic {
                    findings.append(finding("step '\(step.id)' asks for a paper \(r.form.rawValue) of '\(r.document)', "
                                            + "which is an electronic document", element: step.id, at: r.location,
                                            saving: saving))
                    continue
                }
                let related = electronic[r.document, default: []].filter { e in
                    e == i || a.flow.forwardReachable(from: e)[i] || a.flow.forwardReachable(from: i)[e]
                }
                if let e = related.first {
                    findings.append(finding("step '\(step.id)' asks for '\(r.document)' on paper (\(r.form.rawValue)) "
                                            + "although step '\(a.step(e).id)' takes it electronically", element: step.id,
                                            at: r.location, saving: saving))
                }
            }
        }
        return findings
    }
}
