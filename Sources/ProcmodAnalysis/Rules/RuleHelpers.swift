import ProcmodModel

/// The applicant steps done during one visit: after a travel step, the chain of applicant steps
/// until the next travel or a step of someone else.
package func visitSegment(after travel: Int, in a: ProcedureAnalysis) -> [Int] {
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

/// True when the visit a travel step makes cannot be removed: the travel step, or a step the case can
/// reach on that visit (before the applicant travels again), needs the applicant in person
/// (`presence="required"`: a biometric capture, a medical examination, a ceremony).
package func isUnavoidableVisit(_ travel: Int, in a: ProcedureAnalysis) -> Bool {
    var stack = [travel]
    var seen: Set<Int> = [travel]
    while let current = stack.popLast() {
        if let step = a.procedure.flow.nodes[current].step {
            // The next trip is another visit: its own presence does not make this one unavoidable.
            if current != travel, step.kind == .travel, a.procedure.actors[step.actor]?.kind == .applicant { continue }
            if step.presenceRequired { return true }
        }
        for next in a.flow.graph.successors[current] where seen.insert(next).inserted { stack.append(next) }
    }
    return false
}

/// Travel steps of the applicant.
package func applicantTravels(_ a: ProcedureAnalysis) -> [Int] {
    a.stepNodes.filter { a.step($0).kind == .travel && a.procedure.actors[a.step($0).actor]?.kind == .applicant }
}

/// What a visit is only for: the one test that `visit-to-pay`, `visit-to-collect` and the levers that
/// remove such visits (online payment, electronic result) share.
package enum VisitPurpose: Sendable {
    /// Paying: the visit's steps are payments (and waits).
    case pay
    /// Collecting the result: collection, perhaps with a payment and waits.
    case collect

    /// True when a visit whose steps have these kinds serves only this purpose.
    package func isOnlyPurpose(of kinds: Set<StepKind>) -> Bool {
        switch self {
        case .pay: kinds.contains(.pay) && kinds.isSubset(of: [.pay, .wait])
        case .collect: kinds.contains(.collect) && kinds.isSubset(of: [.collect, .wait, .pay])
        }
    }
}

/// The applicant's visits only for `purpose`: each travel step with the steps done on that visit.
package func visits(onlyFor purpose: VisitPurpose, in a: ProcedureAnalysis) -> [(travel: Int, segment: [Int])] {
    applicantTravels(a).compactMap { t in
        guard !isUnavoidableVisit(t, in: a) else { return nil }
        let segment = visitSegment(after: t, in: a)
        return purpose.isOnlyPurpose(of: Set(segment.map { a.step($0).kind })) ? (t, segment) : nil
    }
}
