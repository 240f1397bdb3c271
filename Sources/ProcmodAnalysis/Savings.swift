public import ProcmodModel

extension ProcedureAnalysis {
    /// What removing these nodes would save per case: their work, payments, visits and pages, and the
    /// lead time they add.
    public func saving(removing nodes: Set<Int>) -> Saving {
        var s = Saving()
        for i in nodes {
            guard let step = procedure.flow.nodes[i].step else { continue }
            let v = flow.visits[i]
            s = s + procedure.timeCost(of: step, hours: v * time.workHours(step))
            if step.kind == .travel && procedure.actors[step.actor]?.kind == .applicant { s.visits += v }
            if let payment = step.payment { s.applicantVND += v * payment.amount }
            for r in step.requires { s.pages += handedInPages(of: r, at: i) }
        }
        // Nothing removed saves no time; the lead time without nodes costs a pass over the flow.
        s.elapsedDays = nodes.isEmpty ? 0 : max(0, expectedLeadTimeDays - expectedDays(excluding: nodes))
        return s
    }

    /// The pages of paper one requirement hands in per case: copies × sets × pages (a translation
    /// doubles them), for the share of cases that hand it in.
    public func pages(of requirement: DocumentRequirement, at node: Int) -> Double {
        flow.visits[node] * procedure.caseShare(of: requirement)
            * Double(requirement.copies * requirement.sets * procedure.pagesPerCopy(of: requirement))
    }

    /// The pages of paper one requirement hands over per case: none when the original is only shown.
    public func handedInPages(of requirement: DocumentRequirement, at node: Int) -> Double {
        requirement.isPaper && requirement.form != .present ? pages(of: requirement, at: node) : 0
    }

    /// What no longer asking for `requirement` at `node` saves: the paper handed in, and the helper steps
    /// the fix removes with it (as `<fix>` does, docs/scenarios.md): the steps certifying that document
    /// once no certified copy of it is asked for, and the photocopy steps once no copy at all is.
    public func saving(dropping requirement: DocumentRequirement, at node: Int) -> Saving {
        var s = Saving()
        s.pages = handedInPages(of: requirement, at: node)
        return s + saving(removing: Set(helpersGone(droppingOrPlain: requirement, at: node, removing: true)))
    }

    /// The certify and photocopy steps that go when `requirement` at `node` is dropped (`removing`) or
    /// becomes a plain copy: the ones no other requirement needs any more.
    public func helpersGone(droppingOrPlain requirement: DocumentRequirement, at node: Int, removing: Bool) -> [Int] {
        // The other requirements are every step's but those equal to `requirement` at `node`, plus, when it
        // becomes a plain copy, that copy: counted from the tally, not listed (once per finding, this made
        // analysis quadratic in the steps).
        let here = step(node).requires.filter { $0 == requirement }.count
        let plainCopy = removing ? 0 : 1
        let d = requirement.document
        let othersAskFor = tally.byDocument[d, default: 0] - here + plainCopy
        let othersCertified = tally.certifiedByDocument[d, default: 0] - (requirement.form == .certifiedCopy ? here : 0)
        let othersCopies = tally.copies - (requirement.form == .copy || requirement.form == .certifiedCopy ? here : 0) + plainCopy
        var gone: [Int] = []
        // Dropped altogether: the steps that only fetched it go too (a trip for a certificate from
        // another office), unless another requirement still asks for it.
        if removing, othersAskFor <= 0 {
            gone += fetchingSteps(for: requirement.document)
        }
        if requirement.form == .certifiedCopy, othersCertified <= 0 {
            gone += certifyingSteps(for: requirement.document)
        }
        if othersCopies <= 0 {
            gone += stepNodes.filter { step($0).kind == .copy }
        }
        return gone
    }

    /// The steps that exist only to obtain `document` before it is handed in: the steps producing it
    /// (none producing anything else the procedure needs, nor its result), and the applicant's trips that
    /// lead straight to them (the steps after the trip up to the producer are the applicant's own or
    /// the producer). A document the applicant already holds has none.
    public func fetchingSteps(for document: String) -> [Int] {
        let p = procedure
        guard document != p.result else { return [] }
        let needed = Set(stepNodes.flatMap { step($0).requires.map(\.document) }).subtracting([document])
        let producers = stepNodes.filter { i in
            let s = step(i)
            return s.produces.contains { $0.document == document }
                && !s.produces.contains { $0.document == p.result || needed.contains($0.document) }
                && s.signature == nil && s.payment == nil && s.handoffs.isEmpty
        }
        guard !producers.isEmpty else { return [] }
        var trips: [Int] = []
        for t in stepNodes where step(t).kind == .travel && p.actors[step(t).actor]?.kind == .applicant {
            // Follow the single path from the trip through the applicant's own steps to a producer.
            var current = t
            var seen: Set<Int> = [t]
            while flow.graph.successors[current].count == 1, let next = flow.graph.successors[current].first, seen.insert(next).inserted {
                if producers.contains(next) { trips.append(t); break }
                guard let s = p.flow.nodes[next].step, s.kind != .travel, p.actors[s.actor]?.kind == .applicant,
                      s.requires.isEmpty, s.produces.isEmpty else { break }
                current = next
            }
        }
        return trips + producers
    }

    /// Node indices of steps, in flow order.
    public var stepNodes: [Int] { procedure.flow.nodes.indices.filter { procedure.flow.nodes[$0].step != nil } }

    /// The step at a node (callers pass step nodes).
    /// The step at a node index taken from `stepNodes` (package-only: the index must be a step node).
    package func step(_ node: Int) -> Step { procedure.flow.nodes[node].step! }

    /// Steps that certify copies of `document` (a `certify` step that requires it as `present`).
    public func certifyingSteps(for document: String) -> [Int] {
        stepNodes.filter { i in
            let s = step(i)
            return s.kind == .certify && s.requires.contains { $0.document == document }
        }
    }
}

/// The certification charge of one copy (Circular 226/2016/TT-BTC): 2,000 VND a page for the first two
/// pages, 1,000 from the third, at most 200,000.
public func certificationChargeVND(pages: Int) -> Double {
    let charge = Double(min(pages, 2)) * 2000 + Double(max(0, pages - 2)) * 1000
    return min(charge, 200_000)
}

/// Requirements counted over every step of a procedure: by document, certified copies by document, and
/// copies of any kind (plain or certified).
struct RequirementTally: Sendable {
    var byDocument: [String: Int] = [:]
    var certifiedByDocument: [String: Int] = [:]
    var copies = 0

    init(_ procedure: Procedure) {
        for node in procedure.flow.nodes {
            guard let step = node.step else { continue }
            for r in step.requires {
                byDocument[r.document, default: 0] += 1
                if r.form == .certifiedCopy { certifiedByDocument[r.document, default: 0] += 1 }
                if r.form == .copy || r.form == .certifiedCopy { copies += 1 }
            }
        }
    }
}
