import ProcmodModel

/// A visit whose only purpose is collecting the result.
struct VisitToCollectRule: Rule {
    let ruleID = RuleID.visitToCollect
    let name = "Visit only to collect the result"
    let summary = "The applicant travels to an office only to collect the result."
    let rationale = """
        An electronic result has the legal value of the paper one (Decree 45/2020/NĐ-CP) and can be stored \
        in the citizen's data store (VNeID, the national portal); a paper result can go by public post.
        """
    let category = RuleCategory.redundantPaper
    let legalBasis: [String] = ["Decree 61/2018/NĐ-CP Art. 20.3"]
    let sectorLegalBasis: [String: [String]] = ["civil-status": ["Decree 87/2020/NĐ-CP Art. 12.4(a)"]]
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "go", flow: """
            <step id="go" kind="travel" actor="applicant"><work unit="minutes"><fixed value="30"/></work></step>
            <step id="collect" kind="collect" actor="applicant"><work unit="minutes"><fixed value="10"/></work></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="go" kind="travel" actor="applicant"/>
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            """),
    ]
    let fix: RuleFix? = .lever(.electronicResult)
    let fixExamples = [
        RuleFixExample(before: """
            <step id="go" kind="travel" actor="applicant"><work unit="minutes"><fixed value="30"/></work></step>
            <step id="collect" kind="collect" actor="applicant"><work unit="minutes"><fixed value="10"/></work></step>
            """, after: """
            <step id="collect" kind="collect" actor="applicant"><work unit="minutes" assumed="true"><fixed value="5"/></work></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        visits(onlyFor: .collect, in: a).map { t, segment in
            // The trip and its waits go; collecting becomes a 5-minute download (the electronic-result fix).
            let removed = Set([t] + segment.filter { a.step($0).kind == .wait })
            var saving = a.saving(removing: removed)
            for k in segment where a.step(k).kind == .collect {
                var download = a.step(k)
                download.work = TimedQuantity(unit: .minutes, distribution: .fixed(value: 5))
                let hours = a.flow.visits[k] * max(0, a.time.workHours(a.step(k)) - a.time.workHours(download))
                saving.applicantHours += hours
                saving.applicantVND += hours * (a.procedure.actors[a.step(k).actor]?.tariff ?? 0)
                saving.elapsedDays += a.flow.visits[k] * max(0, a.time.workDays(a.step(k)) - a.time.workDays(download))
            }
            return finding("visitToCollect", ["step": a.step(t).id], element: a.step(t).id, at: a.step(t).location,
                           saving: saving)
        }
    }
}
