public import ProcmodModel

/// The applicant steps done during one visit: after a travel step, the chain of applicant steps
/// until the next travel or a step of someone else.
public func visitSegment(after travel: Int, in a: ProcedureAnalysis) -> [Int] {
    var segment: [Int] = []
    var current = travel
    while let next = a.flow.graph.successors[current].first, a.flow.graph.successors[current].count == 1,
          let step = a.procedure.flow.nodes[next].step, step.kind != .travel,
          a.procedure.actors[step.actor]?.kind == .applicant, !segment.contains(next) {
        segment.append(next)
        current = next
    }
    return segment
}

/// Travel steps of the applicant.
public func applicantTravels(_ a: ProcedureAnalysis) -> [Int] {
    a.stepNodes.filter { a.step($0).kind == .travel && a.procedure.actors[a.step($0).actor]?.kind == .applicant }
}

/// A visit whose only purpose is paying.
struct VisitToPayRule: Rule {
    let id = "visit-to-pay"
    let name = "Visit only to pay"
    let summary = "The applicant travels to an office only to pay a fee or charge."
    let rationale = """
        Fees can be paid online through the National Public Service Portal's payment platform and \
        payment intermediaries (Decree 45/2020/NĐ-CP; 54 of 63 provinces connected by 2020).
        """
    let category = RuleCategory.redundantPaper
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, flow: """
            <step id="go" kind="travel" actor="applicant"><work unit="minutes"><fixed value="30"/></work></step>
            <step id="pay" kind="pay" actor="applicant"><payment amount="50000" method="cash"/></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="pay" kind="pay" actor="applicant"><payment amount="50000" method="online"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        applicantTravels(a).compactMap { t in
            let segment = visitSegment(after: t, in: a)
            let kinds = Set(segment.map { a.step($0).kind })
            guard kinds.contains(.pay), kinds.isSubset(of: [.pay, .wait]) else { return nil }
            let removed = Set([t] + segment.filter { a.step($0).kind == .wait })
            return finding("step '\(a.step(t).id)' is a visit only to pay: take the payment online",
                           element: a.step(t).id, at: a.step(t).location, saving: a.saving(removing: removed))
        }
    }
}

/// A visit whose only purpose is collecting the result.
struct VisitToCollectRule: Rule {
    let id = "visit-to-collect"
    let name = "Visit only to collect the result"
    let summary = "The applicant travels to an office only to collect the result."
    let rationale = """
        An electronic result has the legal value of the paper one (Decree 45/2020/NĐ-CP) and can be stored \
        in the citizen's data store (VNeID, the national portal); a paper result can go by public post.
        """
    let category = RuleCategory.redundantPaper
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, flow: """
            <step id="go" kind="travel" actor="applicant"><work unit="minutes"><fixed value="30"/></work></step>
            <step id="collect" kind="collect" actor="applicant"><work unit="minutes"><fixed value="10"/></work></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="go" kind="travel" actor="applicant"/>
            <step id="submit" kind="submit" actor="applicant"><requires document="form" form="original"/></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        applicantTravels(a).compactMap { t in
            let segment = visitSegment(after: t, in: a)
            let kinds = Set(segment.map { a.step($0).kind })
            guard kinds.contains(.collect), kinds.isSubset(of: [.collect, .wait, .pay]) else { return nil }
            let removed = Set([t] + segment.filter { a.step($0).kind != .pay })
            return finding("step '\(a.step(t).id)' is a visit only to collect the result: deliver it electronically "
                           + "or by post", element: a.step(t).id, at: a.step(t).location,
                           saving: a.saving(removing: removed))
        }
    }
}
