public import ProcmodModel
import HeapModule

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
        // Best-first: partial paths in a heap by probability, so complete paths come out most likely first
        // (extending a path never raises its probability). It stops once `limit` paths are found and no
        // partial path could tie the last of them, or after a budget of expansions: a flow with
        // astronomically many paths (a chain of two hundred choices) still answers at once. Paths share
        // their prefixes in `trail` (a step id and the index of the entry before it); no recursion.
        var trail: [(step: String, previous: Int)] = []
        var heap = Heap<PartialPath>()
        var sequence = 0
        heap.insert(PartialPath(probability: 1, sequence: 0, node: 0, last: -1, days: 0, channel: nil))
        var expanded = 0
        func extend(_ last: Int, _ ids: [String]) -> Int {
            var last = last
            for id in ids { trail.append((id, last)); last = trail.count - 1 }
            return last
        }
        func push(_ node: Int, _ last: Int, _ p: Double, _ days: Double, _ channel: String?) {
            sequence += 1
            heap.insert(PartialPath(probability: p, sequence: sequence, node: node, last: last, days: days, channel: channel))
        }
        while let best = heap.popMax() {
            if found.count >= limit, let worst = found.map(\.probability).min(), best.probability < worst { break }
            expanded += 1
            guard expanded <= 200_000 else { break }
            let node = best.node, p = best.probability
            var last = best.last, days = best.days
            if let step = nodes[node].step { last = extend(last, [step.id]); days += nodeDays[node] }
            switch nodes[node].kind {
            case .end:
                var steps: [String] = []
                var k = last
                while k >= 0 { steps.append(trail[k].step); k = trail[k].previous }
                found.append(ProcedurePath(steps: steps.reversed(), probability: p, days: days))
            case .parallel:
                guard let j = joinOf[node], let block = blocks.first(where: { $0.split == node }) else { continue }
                // Inside the block: the steps every case through the split runs (an optional step on a
                // choice within a branch is left out), each branch taking its expected days.
                let runs = max(flow.visits[node], 1e-12)
                let branchDays = block.branches.map { $0.reduce(0.0) { $0 + flow.visits[$1] / runs * nodeDays[$1] } }
                last = extend(last, block.branches.flatMap { branch in
                    branch.filter { flow.visits[$0] >= runs - 1e-9 }.compactMap { nodes[$0].step?.id }
                })
                for t in flow.forwardSuccessors[j] { push(t, last, p, days + (branchDays.max() ?? 0), best.channel) }
            case .choice(.channel) where best.channel != nil:
                // A case keeps its channel: a later channel choice sends it down its own branch.
                for edge in nodes[node].edges where edge.channel == best.channel && flow.forwardSuccessors[node].contains(edge.target) {
                    push(edge.target, last, p, days, best.channel)
                }
            case .choice(let rule):
                for (k, edge) in nodes[node].edges.enumerated() where flow.forwardSuccessors[node].contains(edge.target) {
                    let q = flow.edgeProbabilities[node][k]
                    if q > 0 { push(edge.target, last, p * q, days, rule == .channel ? edge.channel : best.channel) }
                }
            default:
                for t in flow.forwardSuccessors[node] { push(t, last, p, days, best.channel) }
            }
        }
        found.sort { ($0.probability, $1.steps.joined(separator: " ")) > ($1.probability, $0.steps.joined(separator: " ")) }
        return Array(found.prefix(limit))
    }
}

/// A path under construction: the heap orders by probability, then by discovery (earlier first).
private struct PartialPath: Comparable {
    var probability: Double
    var sequence: Int
    var node: Int
    var last: Int
    var days: Double
    /// The channel chosen at the first channel choice, which the case keeps.
    var channel: String?

    static func < (a: PartialPath, b: PartialPath) -> Bool {
        a.probability != b.probability ? a.probability < b.probability : a.sequence > b.sequence
    }

    static func == (a: PartialPath, b: PartialPath) -> Bool { a.sequence == b.sequence }
}
