public import ProcmodModel

/// One way through the procedure, loops left out, with how likely it is.
public struct ProcedurePath: Sendable, Hashable, Codable {
    /// The step ids along the path, in order (gateways left out; a parallel block's branches are
    /// listed one after the other).
    public var steps: [String]
    /// The product of the branch probabilities and channel shares chosen along it: the chance that a
    /// case follows exactly this path with no rework or supplementation loop.
    public var probability: Double
    /// Expected working days along the path (parallel branches counted as the slowest).
    public var days: Double
}

extension ProcedureAnalysis {
    /// The most likely paths from start to an end over the flow without loop-back edges, at most
    /// `limit` of them, most likely first (ties by step ids). A parallel split is one path through all
    /// its branches; only exclusive choices multiply paths.
    public func likelyPaths(limit: Int = 10) -> [ProcedurePath] {
        let nodes = procedure.flow.nodes
        guard !nodes.isEmpty else { return [] }
        var joinOf: [Int: Int] = [:]
        for (i, node) in nodes.enumerated() { if case .join(let s) = node.kind, s >= 0 { joinOf[s] = i } }
        var found: [ProcedurePath] = []
        var explored = 0
        // Depth-first with a budget, so a flow with very many paths still answers quickly.
        func walk(_ node: Int, _ steps: [String], _ p: Double, _ days: Double) {
            explored += 1
            guard explored < 100_000 else { return }
            var steps = steps, days = days, node = node
            if let step = nodes[node].step { steps.append(step.id); days += nodeDays[node] }
            switch nodes[node].kind {
            case .end:
                found.append(ProcedurePath(steps: steps, probability: p, days: days))
            case .parallel:
                guard let j = joinOf[node], let block = blocks.first(where: { $0.split == node }) else { return }
                let branchDays = block.branches.map { $0.reduce(0.0) { $0 + nodeDays[$1] } }
                for branch in block.branches {
                    steps += branch.compactMap { nodes[$0].step?.id }
                }
                node = j
                for t in flow.forwardSuccessors[node] { walk(t, steps, p, days + (branchDays.max() ?? 0)) }
            case .choice:
                for (k, edge) in nodes[node].edges.enumerated() where flow.forwardSuccessors[node].contains(edge.target) {
                    let q = flow.edgeProbabilities[node][k]
                    if q > 0 { walk(edge.target, steps, p * q, days) }
                }
            default:
                for t in flow.forwardSuccessors[node] { walk(t, steps, p, days) }
            }
        }
        walk(0, [], 1, 0)
        found.sort { ($0.probability, $1.steps.joined(separator: " ")) > ($1.probability, $0.steps.joined(separator: " ")) }
        return Array(found.prefix(limit))
    }
}
