import ProcmodModel

/// Elements without a name in either language.
struct UnnamedElementRule: Rule {
    let ruleID = RuleID.unnamedElement
    let name = "Unnamed element"
    let summary = "A step, actor or document has no name in Vietnamese or English."
    let rationale = "Reports show names to decision makers; an id such as 'step-7' means nothing to a minister."
    let category = RuleCategory.structure
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, element: "submit", flow: """
            <step id="submit" kind="submit" actor="applicant"/>
            """),
        RuleExample(triggers: false, flow: """
            <step id="submit" kind="submit" actor="applicant" name="Nộp hồ sơ" name-en="Submit"/>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        let actors = a.procedure.actors.values.filter(\.name.isEmpty).map {
            finding("unnamedActor", ["id": $0.id], element: $0.id, at: $0.location)
        }
        let documents = a.procedure.documents.values.filter(\.name.isEmpty).map {
            finding("unnamedDocument", ["id": $0.id], element: $0.id, at: $0.location)
        }
        let steps = a.procedure.flow.steps.filter(\.name.isEmpty).map {
            finding("unnamedStep", ["id": $0.id], element: $0.id, at: $0.location)
        }
        return actors + documents + steps
    }
}
