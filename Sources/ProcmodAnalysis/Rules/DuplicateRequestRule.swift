import ProcmodModel

/// The same document asked for in two steps of one path.
struct DuplicateRequestRule: Rule {
    let ruleID = RuleID.duplicateRequest
    let name = "Same document asked twice"
    let summary = "Two steps on one path ask the applicant for the same document."
    let rationale = """
        Agencies must not ask for papers beyond the regulations (Decree 63/2010/NĐ-CP, Art. 6.1.b) and \
        must share information with each other (Art. 18); a document handed in once can travel with the case.
        """
    let category = RuleCategory.redundantPaper
    let legalBasis: [String] = ["Decree 61/2018/NĐ-CP Art. 5.1(đ)", "Decree 47/2020/NĐ-CP Art. 9.3"]
    let sectorLegalBasis: [String: [String]] = ["civil-status": ["Decree 123/2015/NĐ-CP Art. 3.2"]]
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "resubmit", flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            <step id="resubmit" kind="submit" actor="applicant"><requires document="form" form="copy"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            """),
        // The applicant prints, signs and scans the form, then uploads it: handed in once.
        RuleExample(triggers: false, flow: """
            <step id="print-sign-scan" kind="digitize" actor="applicant"><requires document="form" form="original"/></step>
            <step id="upload" kind="submit" actor="portal"><requires document="form" form="electronic"/></step>
            """),
    ]
    let fix: RuleFix? = .removeRequirement(because: "reason.secondTime",
                                           helpersGone: "reason.certifiedGone")
    let fixExamples = [
        RuleFixExample(before: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            <step id="resubmit" kind="submit" actor="applicant"><requires document="form" form="copy"/></step>
            """, after: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            <step id="resubmit" kind="submit" actor="applicant"/>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        let documents = Array(a.procedure.documents.keys)
        let index = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1, $0) })
        let counted = { (i: Int) -> Bool in
            // The applicant's own work on a document (preparing, copying, printing and scanning it) hands
            // nothing in: only what reaches the state is asked.
            guard let step = a.procedure.flow.nodes[i].step,
                  ![.certify, .prepare, .copy, .digitize, .inform].contains(step.kind) else { return false }
            return a.procedure.actors[step.actor]?.kind == .applicant || step.kind == .submit
        }
        // Per channel: a case keeps its channel, so a document handed in on one channel's path is not
        // "asked again" by another channel's step.
        let asked = DocumentPaths.perChannel(a, documents: documents.count) { i in
            counted(i) ? a.step(i).requires.compactMap { index[$0.document] } : []
        }
        var findings: [Finding] = []
        for i in a.stepNodes where counted(i) {
            let step = a.step(i)
            for (k, r) in step.requires.enumerated() {
                guard let d = index[r.document], asked.contains(where: { $0.contains(d, at: i) }) else { continue }
                let saving = a.saving(dropping: r, at: i)
                findings.append(finding("duplicateRequest", ["step": step.id, "document": r.document], element: step.id, at: r.location, requirement: k, saving: saving))
            }
        }
        return findings
    }
}
