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
        // Depth-first with an explicit stack (no recursion: a chain of any length is safe) and a budget,
        // so a flow with very many paths still answers quickly. Paths share their prefixes in `trail`:
        // each entry is a step id and the index of the entry before it.
        var trail: [(step: String, previous: Int)] = []
        var stack: [(node: Int, last: Int, p: Double, days: Double)] = [(0, -1, 1, 0)]
        var explored = 0
        func extend(_ last: Int, _ ids: [String]) -> Int {
            var last = last
            for id in ids { trail.append((id, last)); last = trail.count - 1 }
            return last
        }
        while let (node, previous, p, before) = stack.popLast() {
            explored += 1
            guard explored < 1_000_000 else { break }
            var last = previous, days = before
            if let step = nodes[node].step { last = extend(last, [step.id]); days += nodeDays[node] }
            var next: [(node: Int, last: Int, p: Double, days: Double)] = []
            switch nodes[node].kind {
            case .end:
                var steps: [String] = []
                var k = last
                while k >= 0 { steps.append(trail[k].step); k = trail[k].previous }
                found.append(ProcedurePath(steps: steps.reversed(), probability: p, days: days))
            case .parallel:
                guard let j = joinOf[node], let block = blocks.first(where: { $0.split == node }) else { continue }
                let branchDays = block.branches.map { $0.reduce(0.0) { $0 + nodeDays[$1] } }
                last = extend(last, block.branches.flatMap { $0.compactMap { nodes[$0].step?.id } })
                for t in flow.forwardSuccessors[j] { next.append((t, last, p, days + (branchDays.max() ?? 0))) }
            case .choice:
                for (k, edge) in nodes[node].edges.enumerated() where flow.forwardSuccessors[node].contains(edge.target) {
                    let q = flow.edgeProbabilities[node][k]
                    if q > 0 { next.append((edge.target, last, p * q, days)) }
                }
            default:
                for t in flow.forwardSuccessors[node] { next.append((t, last, p, days)) }
            }
            // Pushed in reverse so that branches are explored in document order, as before.
            stack.append(contentsOf: next.reversed())
        }
        found.sort { ($0.probability, $1.steps.joined(separator: " ")) > ($1.probability, $0.steps.joined(separator: " ")) }
        return Array(found.prefix(limit))
    }
}
