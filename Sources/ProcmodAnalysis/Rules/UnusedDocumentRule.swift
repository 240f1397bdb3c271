import ProcmodModel

/// Documents declared but never used.
struct UnusedDocumentRule: Rule {
    let ruleID = RuleID.unusedDocument
    let name = "Unused document"
    let summary = "A document is declared but no step requires or produces it."
    let rationale = "A declared document that no step uses is either a leftover or a requirement the model forgot; either way the dossier list and the steps disagree."
    let category = RuleCategory.structure
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, element: "extra", documents: #"<document id="extra" kind="evidence" medium="paper"/>"#, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/><requires document="id-card" form="present"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/><requires document="id-card" form="present"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var used = Set<String>()
        for step in a.procedure.flow.steps {
            for r in step.requires { used.insert(r.document) }
            for o in step.produces { used.insert(o.document) }
        }
        return a.procedure.documents.values.filter { !used.contains($0.id) }.map {
            finding("unusedDocument", ["document": $0.id], element: $0.id, at: $0.location)
        }
    }
}
