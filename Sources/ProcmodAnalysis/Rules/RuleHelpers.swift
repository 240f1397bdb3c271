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

/// Travel steps of the applicant.
package func applicantTravels(_ a: ProcedureAnalysis) -> [Int] {
    a.stepNodes.filter { a.step($0).kind == .travel && a.procedure.actors[a.step($0).actor]?.kind == .applicant }
}
