import ProcmodLocalization
import ProcmodModel

extension LeverState {
    /// The node indices of two consecutive steps: `a` leads only to `b`, and only `a` leads to `b`.
    private func consecutive(_ a: String, _ b: String) -> (Int, Int)? {
        let nodes = procedure.flow.nodes
        guard let i = procedure.node(a), let j = procedure.node(b), nodes[i].step != nil, nodes[j].step != nil else {
            return nil
        }
        let intoB = nodes.indices.filter { k in nodes[k].edges.contains { $0.target == j } }
        guard nodes[i].edges.count == 1, nodes[i].edges[0].target == j, intoB == [i], nodes[j].edges.count == 1 else {
            return nil
        }
        return (i, j)
    }

    mutating func parallelize(_ a: String, _ b: String, at location: SourceLocation) {
        guard let (i, j) = consecutive(a, b) else {
            return error(location, "parallelize: '\(a)' and '\(b)' are not two consecutive steps ('\(a)' leading only to '\(b)')")
        }
        if procedure.flow.nodes[j].step?.dependsOn.contains(a) == true {
            return error(location, "parallelize: '\(b)' depends on '\(a)' (depends-on): it cannot start before '\(a)' ends")
        }
        let after = procedure.flow.nodes[j].edges[0].target
        let split = procedure.flow.nodes.count, join = split + 1
        for k in procedure.flow.nodes.indices {
            for e in procedure.flow.nodes[k].edges.indices where procedure.flow.nodes[k].edges[e].target == i {
                procedure.flow.nodes[k].edges[e].target = split
            }
        }
        procedure.flow.nodes[i].edges = [FlowEdge(target: join)]
        procedure.flow.nodes[j].edges = [FlowEdge(target: join)]
        procedure.flow.nodes.append(FlowNode(id: "\(a)-and-\(b)", kind: .parallel, edges: [FlowEdge(target: i), FlowEdge(target: j)]))
        procedure.flow.nodes.append(FlowNode(id: "\(a)-and-\(b)-done", kind: .join(split: split), edges: [FlowEdge(target: after)]))
        if i == 0 { moveToFront(split) }
        note(a, Message("change.parallel", ["step": b]), resolves: .couldRunInParallel)
    }

    mutating func merge(_ a: String, _ b: String, at location: SourceLocation) {
        guard let (i, j) = consecutive(a, b),
              let first = procedure.flow.nodes[i].step, let second = procedure.flow.nodes[j].step,
              first.actor == second.actor else {
            return error(location, "merge: '\(a)' and '\(b)' are not two consecutive steps of the same actor")
        }
        if first.delay != nil && second.delay != nil {
            return error(location, "merge: '\(a)' and '\(b)' both have a delay; remove one first")
        }
        // The sum of the two works, matched on mean and variance by a gamma distribution (in minutes).
        func minutes(_ q: TimedQuantity?) -> (mean: Double, variance: Double)? {
            guard let q else { return nil }
            let scale: Double
            switch q.unit {
            case .minutes: scale = 1
            case .hours: scale = 60
            case .workingDays, .calendarDays: return nil
            }
            return (q.distribution.mean * scale, q.distribution.variance * scale * scale)
        }
        guard let x = minutes(first.work) ?? (first.work == nil ? (0, 0) : nil),
              let y = minutes(second.work) ?? (second.work == nil ? (0, 0) : nil) else {
            return error(location, "merge: only work in minutes or hours can be merged")
        }
        let mean = x.mean + y.mean, variance = x.variance + y.variance
        let distribution: Distribution = variance > 0 ? .gamma(shape: mean * mean / variance, scale: variance / mean) : .fixed(value: mean)
        procedure.updateStep(at: i) { s in
            s.work = mean > 0 ? TimedQuantity(unit: .minutes, distribution: distribution, provenance: Provenance(assumed: true)) : nil
            s.requires += second.requires
            s.produces += second.produces
            s.signature = s.signature ?? second.signature
            s.payment = s.payment ?? second.payment
            s.handoffs += second.handoffs.filter { h in !s.handoffs.contains { $0.to == h.to } }
            s.coActors += second.coActors.filter { !s.coActors.contains($0) && $0 != s.actor }
            s.presenceRequired = s.presenceRequired || second.presenceRequired
            s.dependsOn += second.dependsOn.filter { $0 != s.id && !s.dependsOn.contains($0) }
            if s.delay == nil { s.delay = second.delay }
        }
        procedure.removeStep(at: j)
        note(a, Message("change.merged", ["step": b, "minutes": decimalText(mean, decimals: 0)]))
    }
}
