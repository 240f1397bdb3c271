import ProcmodModel

/// One step that takes most of the lead time.
struct DominantStepRule: Rule {
    let id = "dominant-step"
    let name = "Dominant step"
    let summary = "One step accounts for more than half (by default) of the expected lead time."
    let rationale = "The step that dominates lead time is where a reform saves most; everything else is second order."
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, flow: """
            <step id="survey" kind="survey" actor="officer"><delay unit="working-days"><fixed value="3"/></delay></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="a" kind="verify" actor="officer"><delay unit="working-days"><fixed value="1"/></delay></step>
            <step id="b" kind="verify" actor="other"><delay unit="working-days"><fixed value="1"/></delay></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        let total = a.expectedLeadTimeDays
        guard total > 0 else { return [] }
        return a.stepNodes.compactMap { i in
            let share = a.flow.visits[i] * a.nodeDays[i] / total
            guard share > options.dominantShare else { return nil }
            let step = a.step(i)
            return finding("step '\(step.id)' takes \(decimalText(share * 100))% of the expected lead time "
                           + "(\(decimalText(a.flow.visits[i] * a.nodeDays[i])) of \(decimalText(total)) working days)",
                           element: step.id, at: step.location)
        }
    }
}

/// More applicant visits than the target.
struct TooManyVisitsRule: Rule {
    let id = "too-many-visits"
    let name = "Too many visits"
    let summary = "The applicant must come in person more often than the target (default 1 visit)."
    let rationale = """
        Every visit costs the applicant travel and waiting time; Hà Nội's re-engineering of 293 procedures \
        saved over 15 million travel hours a year. The Standard Cost Model counts them at the time tariff.
        """
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, flow: """
            <step id="go" kind="travel" actor="applicant"/>
            <step id="submit" kind="submit" actor="applicant"/>
            <step id="go-again" kind="travel" actor="applicant"/>
            <step id="collect" kind="collect" actor="applicant"/>
            """),
        RuleExample(triggers: false, flow: """
            <step id="go" kind="travel" actor="applicant"/>
            <step id="submit" kind="submit" actor="applicant"/>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        let visits = a.metrics.applicantVisits
        guard visits > options.maxVisits + 1e-9 else { return [] }
        let travels = applicantTravels(a)
        var saving = Saving()
        saving.visits = visits - options.maxVisits
        return [finding("the applicant makes \(decimalText(visits)) visits per case (target at most "
                        + "\(decimalText(options.maxVisits)))", element: a.procedure.code,
                        at: travels.first.map { a.step($0).location } ?? a.procedure.location, saving: saving)]
    }
}

/// More hand-offs between agencies than the target.
struct TooManyHandoffsRule: Rule {
    let id = "too-many-handoffs"
    let name = "Too many hand-offs"
    let summary = "The dossier changes agency more often than the target (default 2 hand-offs)."
    let rationale = "Each hand-off between agencies adds transit, an in-tray and a new queue; one-stop and inter-agency one-stop mechanisms (Decree 118/2025/NĐ-CP) exist to cut them."
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, flow: """
            <step id="a" kind="transfer" actor="officer"><handoff to="other" medium="electronic"/></step>
            <step id="b" kind="transfer" actor="other"><handoff to="officer" medium="electronic"/></step>
            <step id="c" kind="transfer" actor="officer"><handoff to="other" medium="electronic"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="a" kind="transfer" actor="officer"><handoff to="other" medium="electronic"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        let handoffs = a.metrics.agencyHandoffs
        guard handoffs > options.maxHandoffs + 1e-9 else { return [] }
        return [finding("the dossier changes agency \(decimalText(handoffs)) times per case (target at most "
                        + "\(decimalText(options.maxHandoffs)))", element: a.procedure.code, at: a.procedure.location)]
    }
}

/// A loop taken often.
struct HeavyReworkRule: Rule {
    let id = "heavy-rework"
    let name = "Heavy rework"
    let summary = "A rework or supplementation branch is taken with a probability at or above the threshold (default 0.2)."
    let rationale = """
        Frequent returns mean the requirements are unclear or checked too late; one-time written guidance \
        (hướng dẫn một lần) and checks at reception cut them.
        """
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, flow: """
            <step id="check" kind="receive" actor="desk"/>
            <choice id="complete">
              <branch to="issue" probability="0.7"/>
              <branch to="check" probability="0.3" loop="rework" max="2"/>
            </choice>
            """),
        RuleExample(triggers: false, flow: """
            <step id="check" kind="receive" actor="desk"/>
            <choice id="complete">
              <branch to="issue" probability="0.95"/>
              <branch to="check" probability="0.05" loop="rework" max="2"/>
            </choice>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for node in a.procedure.flow.nodes {
            for edge in node.edges where edge.loop != nil {
                guard let p = edge.probability, p >= options.heavyRework else { continue }
                findings.append(finding("\(decimalText(p * 100))% of cases at choice '\(node.id)' go back "
                                        + "(\(edge.loop!.rawValue))", element: node.id, at: edge.location))
            }
        }
        return findings
    }
}

/// Consecutive steps of different agencies with no document passing between them.
struct ParallelizableStepsRule: Rule {
    let id = "could-run-in-parallel"
    let name = "Could run in parallel"
    let summary = "Two consecutive steps of different agencies do not depend on each other and could run side by side."
    let rationale = "When the second step needs nothing the first produces, running them in parallel cuts lead time to the longer of the two. Steps that approve, sign or issue the result are taken to depend on everything before them."
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, flow: """
            <step id="a" kind="verify" actor="officer"><delay unit="working-days"><fixed value="2"/></delay></step>
            <step id="b" kind="verify" actor="other"><delay unit="working-days"><fixed value="2"/></delay></step>
            """),
        RuleExample(triggers: false, documents: #"<document id="note" kind="internal" medium="paper"/>"#, flow: """
            <step id="a" kind="verify" actor="officer"><produces document="note" medium="paper"/></step>
            <step id="b" kind="verify" actor="other"><requires document="note" form="original"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for i in a.stepNodes {
            let first = a.step(i)
            guard a.flow.graph.successors[i].count == 1, let j = a.flow.graph.successors[i].first,
                  let second = a.procedure.flow.nodes[j].step, a.flow.graph.predecessors[j].count == 1,
                  let x = a.procedure.actors[first.actor], let y = a.procedure.actors[second.actor],
                  x.kind != .applicant, y.kind != .applicant, let ax = x.agency, let ay = y.agency, ax != ay
            else { continue }
            // Issuing the result, approving and signing depend on all the work before them.
            if [.sign, .approve].contains(second.kind) || second.produces.contains(where: { $0.document == a.procedure.result }) {
                continue
            }
            let produced = Set(first.produces.map(\.document))
            guard !second.requires.contains(where: { produced.contains($0.document) }), first.handoff?.to != second.actor
            else { continue }
            var saving = Saving()
            saving.elapsedDays = min(a.flow.visits[i] * a.nodeDays[i], a.flow.visits[j] * a.nodeDays[j])
            findings.append(finding("steps '\(first.id)' (\(ax)) and '\(second.id)' (\(ay)) share no document: run "
                                    + "them in parallel", element: first.id, at: first.location, saving: saving))
        }
        return findings
    }
}

/// Elements without a name in either language.
struct UnnamedElementRule: Rule {
    let id = "unnamed-element"
    let name = "Unnamed element"
    let summary = "A step, actor or document has no name in Vietnamese or English."
    let rationale = "Reports show names to decision makers; an id such as 'step-7' means nothing to a minister."
    let category = RuleCategory.structure
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, flow: """
            <step id="submit" kind="submit" actor="applicant"/>
            """),
        RuleExample(triggers: false, flow: """
            <step id="submit" kind="submit" actor="applicant" name="Nộp hồ sơ" name-en="Submit"/>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        let actors = a.procedure.actors.values.filter(\.name.isEmpty).map {
            finding("actor '\($0.id)' has no name", element: $0.id, at: $0.location)
        }
        let documents = a.procedure.documents.values.filter(\.name.isEmpty).map {
            finding("document '\($0.id)' has no name", element: $0.id, at: $0.location)
        }
        let steps = a.procedure.flow.steps.filter(\.name.isEmpty).map {
            finding("step '\($0.id)' has no name", element: $0.id, at: $0.location)
        }
        return actors + documents + steps
    }
}

/// Documents declared but never used.
struct UnusedDocumentRule: Rule {
    let id = "unused-document"
    let name = "Unused document"
    let summary = "A document is declared but no step requires or produces it."
    let rationale = "A declared document that no step uses is either a leftover or a requirement the model forgot; either way the dossier list and the steps disagree."
    let category = RuleCategory.structure
    let defaultSeverity = Severity.note
    let examples = [
        RuleExample(triggers: true, documents: #"<document id="extra" kind="evidence" medium="paper"/>"#, flow: """
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
            finding("document '\($0.id)' is declared but no step requires or produces it", element: $0.id, at: $0.location)
        }
    }
}
