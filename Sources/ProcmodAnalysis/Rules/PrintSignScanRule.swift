import ProcmodModel

/// Printing, signing and scanning inside an online channel.
struct PrintSignScanRule: Rule {
    let ruleID = RuleID.printSignScan
    let name = "Print, sign and scan online"
    let summary = "An online channel makes the applicant print a form, sign it in ink and scan it back."
    let rationale = """
        An online service that needs paper is "end-to-end on paper" (toàn trình trên giấy). Forms filled in \
        online and an electronic identity (VNeID) or digital signature replace the round trip \
        (Decree 45/2020/NĐ-CP; Decree 42/2022/NĐ-CP, Art. 11).
        """
    let category = RuleCategory.redundantPaper
    let legalBasis: [String] = []
    let sectorLegalBasis: [String: [String]] = ["business-registration": ["Enterprise Law 59/2020/QH14 Art. 26.2", "Enterprise Law 59/2020/QH14 Art. 26.3"]]
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "scan", flow: """
            <step id="scan" kind="digitize" actor="applicant"><requires document="form" form="original"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="scan" kind="digitize" actor="desk"/>
            """),
    ]
    let fix: RuleFix? = .removeStep(because: "reason.printSignScan")
    let fixExamples = [
        RuleFixExample(before: """
            <step id="fill" kind="prepare" actor="applicant"/>
            <step id="scan" kind="digitize" actor="applicant"><requires document="form" form="original"/></step>
            """, after: """
            <step id="fill" kind="prepare" actor="applicant"/>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        a.stepNodes.compactMap { i in
            let step = a.step(i)
            let online = step.channel.map { a.procedure.channels[$0]?.kind == .online } ?? false
            let byApplicant = a.procedure.actors[step.actor]?.kind == .applicant
            guard step.kind == .digitize, byApplicant, online || step.channel == nil else { return nil }
            return finding("printSignScan", ["step": step.id], element: step.id, at: step.location, saving: a.saving(removing: [i]))
        }
    }
}
