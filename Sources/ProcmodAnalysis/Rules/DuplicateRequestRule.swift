import ProcmodModel

/// The same document asked for in two steps of one path.
struct DuplicateRequestRule: Rule {
    let id = "duplicate-request"
    let name = "Same document asked twice"
    let summary = "Two steps on one path ask the applicant for the same document."
    let rationale = """
        Agencies must not ask for papers beyond the regulations (Decree 63/2010/NĐ-CP, Art. 6.1.b) and \
        must share information with each other (Art. 18); a document handed in once can travel with the case.
        """
    let category = RuleCategory.redundantPaper
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            <step id="resubmit" kind="submit" actor="applicant"><requires document="form" form="copy"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        var firstAsked: [String: [Int]] = [:]
        for i in a.stepNodes where a.step(i).kind != .certify {
            let step = a.step(i)
            let actorKind = a.procedure.actors[step.actor]?.kind
            guard actorKind == .applicant || step.kind == .submit else { continue }
            for r in step.requires {
                let earlier = firstAsked[r.document, default: []].first { $0 != i && a.flow.forwardReachable(from: $0)[i] }
                if let e = earlier {
                    var saving = Saving()
                    saving.pages = r.isPaper && r.form != .present ? a.pages(of: r, at: i) : 0
                    findings.append(finding("step '\(step.id)' asks again for '\(r.document)', already handed in at "
                                            + "step '\(a.step(e).id)'", element: step.id, at: r.location, saving: saving))
                }
                firstAsked[r.document, default: []].append(i)
            }
        }
        return findings
    }
}
