public import ProcmodModel

/// How often each flow node runs per case, from branch probabilities, channel shares and loops.
///
/// Expected visits solve `v = e_start + Pᵀv`. A choice by probability passes `p` to each branch; a
/// choice by channel passes the channel's share; a parallel split passes 1 to every branch; a join
/// runs as often as its split. A loop branch with probability p and a cap of m traversals is given the
/// probability p' whose geometric series has the same expected traversals: S = p + … + pᵐ,
/// p' = S / (1 + S), and the other branches are scaled to sum to 1 − p'.
public struct FlowAnalysis: Sendable {
    public let graph: FlowGraph
    /// Expected executions per case, per node.
    public let visits: [Double]
    /// Effective probability of each edge, per node (same order as `node.edges`).
    public let edgeProbabilities: [[Double]]
    /// Successors without loop-back edges (an edge inside a cycle that goes to an element earlier in
    /// the file): the flow as a DAG, each step once.
    public let forwardSuccessors: [[Int]]
    /// A topological order of that DAG.
    public let forwardOrder: [Int]

    public init(_ procedure: Procedure) {
        let flow = procedure.flow
        graph = FlowGraph(flow)
        var probabilities: [[Double]] = []
        for node in flow.nodes {
            switch node.kind {
            case .choice(.probability):
                probabilities.append(Self.effective(node.edges))
            case .choice(.channel):
                probabilities.append(node.edges.map { procedure.channels[$0.channel ?? ""]?.share ?? 0 })
            default:
                probabilities.append(node.edges.map { _ in 1 })
            }
        }
        edgeProbabilities = probabilities
        visits = Self.solveCountingRounds(procedure, graph) ?? Self.solve(flow, graph, probabilities)
        var componentOf = [Int](repeating: 0, count: graph.count)
        for (c, members) in graph.stronglyConnectedComponents().enumerated() { for m in members { componentOf[m] = c } }
        let graph = self.graph
        let forward = (0..<graph.count).map { i in
            graph.successors[i].filter { !(componentOf[$0] == componentOf[i] && $0 <= i) }
        }
        forwardSuccessors = forward
        var indegree = [Int](repeating: 0, count: graph.count)
        for targets in forward { for t in targets { indegree[t] += 1 } }
        var ready = (0..<graph.count).filter { indegree[$0] == 0 }.reversed() as [Int]
        var order: [Int] = []
        while let n = ready.popLast() {
            order.append(n)
            for t in forward[n] {
                indegree[t] -= 1
                if indegree[t] == 0 { ready.append(t) }
            }
        }
        forwardOrder = order
    }

    /// The forward successors of a case of one channel: at a choice by channel only that channel's
    /// branches (a case keeps its channel); nil channel: every branch.
    public func forwardSuccessors(channel: String?, in flow: Flow) -> [[Int]] {
        guard let channel else { return forwardSuccessors }
        return forwardSuccessors.indices.map { i in
            guard i < flow.nodes.count, case .choice(.channel) = flow.nodes[i].kind else { return forwardSuccessors[i] }
            return forwardSuccessors[i].filter { t in flow.nodes[i].edges.contains { $0.target == t && $0.channel == channel } }
        }
    }

    /// Nodes reachable from `node` along forward edges (the node included).
    public func forwardReachable(from node: Int) -> [Bool] { FlowGraph.search(from: [node], along: forwardSuccessors) }

    private static func effective(_ edges: [FlowEdge]) -> [Double] {
        var p = edges.map { $0.probability ?? 0 }
        for (i, edge) in edges.enumerated() {
            guard let cap = edge.maxCount, p[i] > 0 else { continue }
            var sum = 0.0, power = 1.0
            for _ in 0..<min(cap, Int(Limits.bound(element: "branch", attribute: "max")?.upperBound ?? 1_000)) {
                power *= p[i]; sum += power
            }
            let adjusted = sum / (1 + sum)
            let others = 1 - p[i]
            // Once the cap is used up the other branches share the case: in proportion to their
            // probabilities, or evenly when those are all 0 (as the simulator does).
            let rest = p.indices.filter { $0 != i }
            for j in rest { p[j] = others > 0 ? p[j] / others * (1 - adjusted) : (1 - adjusted) / Double(rest.count) }
            p[i] = adjusted
        }
        return p
    }

    /// Solves the visit equations component by component in topological order; inside a cycle,
    /// Gauss–Seidel sweeps until the change is below 1e-12. `inject` is the entries from outside (1 at
    /// the start by default); edges marked in `cut` carry nothing.
    private static func solve(_ flow: Flow, _ graph: FlowGraph, _ p: [[Double]], inject: [Double]? = nil,
                              cut: Set<EdgeKey> = []) -> [Double] {
        let n = flow.nodes.count
        var visits = [Double](repeating: 0, count: n)
        guard n > 0 else { return visits }
        let inject = inject ?? (0..<n).map { $0 == flow.start ? 1 : 0 }
        var splitOfJoin = [Int](repeating: -1, count: n)
        for (i, node) in flow.nodes.enumerated() { if case .join(let s) = node.kind { splitOfJoin[i] = s } }
        var inflow = [[(from: Int, probability: Double)]](repeating: [], count: n)
        for (i, node) in flow.nodes.enumerated() {
            for (k, edge) in node.edges.enumerated() where edge.target >= 0 && splitOfJoin[edge.target] < 0
                && !cut.contains(EdgeKey(node: i, edge: k)) {
                inflow[edge.target].append((i, p[i][k]))
            }
        }
        func value(_ j: Int) -> Double {
            if splitOfJoin[j] >= 0 { return visits[splitOfJoin[j]] }
            return inject[j] + inflow[j].reduce(0) { $0 + visits[$1.from] * $1.probability }
        }
        for component in topologicalComponents(graph) {
            if component.count == 1 && !graph.isCycle(component) {
                visits[component[0]] = value(component[0])
                continue
            }
            for _ in 0..<100_000 {
                var change = 0.0
                for j in component {
                    let v = value(j)
                    change = max(change, abs(v - visits[j]))
                    visits[j] = v
                }
                if change < 1e-12 { break }
            }
        }
        return visits
    }

    /// One edge: its node and its index in the node's edges.
    struct EdgeKey: Hashable {
        var node: Int
        var edge: Int
    }

    /// Expected visits when capped loop branches count their rounds per case, as the simulator does: a
    /// case that used up a branch's `max` takes the other branches from then on, however often it comes
    /// back to the choice (a capped loop inside another loop). The state is the node and how many times
    /// each capped branch has been taken; levels of equal counts are solved in order of their total,
    /// each a visit system without the capped branches, which feed the next levels. Nil when there is
    /// no capped branch, when one sits inside a parallel block (its branches would count apart), or when
    /// the counts would have more than 4,096 combinations: then each capped branch is replaced by the
    /// probability with the same expected traversals per entry to its choice (docs/analysis.md).
    static func solveCountingRounds(_ procedure: Procedure, _ graph: FlowGraph) -> [Double]? {
        let flow = procedure.flow
        var capped: [(key: EdgeKey, cap: Int)] = []
        for (i, node) in flow.nodes.enumerated() {
            guard case .choice(.probability) = node.kind else { continue }
            for (k, edge) in node.edges.enumerated() {
                if let cap = edge.maxCount, (edge.probability ?? 0) > 0 { capped.append((EdgeKey(node: i, edge: k), cap)) }
            }
        }
        guard !capped.isEmpty else { return nil }
        var combinations = 1
        for c in capped {
            combinations *= c.cap + 1
            if combinations > 4096 { return nil }
        }
        // A capped branch inside a parallel block: the branches of the block would each count on their own.
        for (s, node) in flow.nodes.enumerated() {
            guard case .parallel = node.kind else { continue }
            let inside = graph.reachable(from: [s])
            let joins = flow.nodes.indices.filter { if case .join(let split) = flow.nodes[$0].kind { return split == s }; return false }
            let after = graph.reachable(from: joins)
            if capped.contains(where: { inside[$0.key.node] && !after[$0.key.node] }) { return nil }
        }
        let cut = Set(capped.map(\.key))
        let index = Dictionary(uniqueKeysWithValues: capped.enumerated().map { ($1.key, $0) })
        // Levels: every count vector, by increasing total (a capped branch only ever raises one count).
        var vectors: [[Int]] = [[]]
        for c in capped { vectors = vectors.flatMap { v in (0...c.cap).map { v + [$0] } } }
        vectors.sort { $0.reduce(0, +) < $1.reduce(0, +) }
        let position = Dictionary(uniqueKeysWithValues: vectors.enumerated().map { ($1, $0) })
        var injections = [[Double]](repeating: [Double](repeating: 0, count: flow.nodes.count), count: vectors.count)
        injections[0][flow.start] = 1
        var total = [Double](repeating: 0, count: flow.nodes.count)
        for (level, counts) in vectors.enumerated() {
            guard injections[level].contains(where: { $0 != 0 }) else { continue }
            // Probabilities at this level: a used-up branch passes its share to the others, in proportion
            // to theirs (evenly when they are all 0), as the simulator does.
            var p: [[Double]] = []
            for (i, node) in flow.nodes.enumerated() {
                switch node.kind {
                case .choice(.probability):
                    var q = node.edges.map { $0.probability ?? 0 }
                    for k in q.indices {
                        guard let c = index[EdgeKey(node: i, edge: k)], counts[c] >= capped[c].cap else { continue }
                        let blocked = q[k]
                        q[k] = 0
                        let rest = q.indices.filter { $0 != k && !(index[EdgeKey(node: i, edge: $0)].map { counts[$0] >= capped[$0].cap } ?? false) }
                        let others = rest.reduce(0) { $0 + q[$1] }
                        for j in rest { q[j] += others > 0 ? blocked * q[j] / others : blocked / Double(rest.count) }
                    }
                    p.append(q)
                case .choice(.channel):
                    p.append(node.edges.map { procedure.channels[$0.channel ?? ""]?.share ?? 0 })
                default:
                    p.append(node.edges.map { _ in 1 })
                }
            }
            let visits = solve(flow, graph, p, inject: injections[level], cut: cut)
            for i in total.indices { total[i] += visits[i] }
            // Taking a capped branch moves the case to the level with that count one higher.
            for (c, entry) in capped.enumerated() where counts[c] < entry.cap {
                var next = counts
                next[c] += 1
                guard let target = position[next] else { continue }
                let edge = flow.nodes[entry.key.node].edges[entry.key.edge]
                injections[target][edge.target] += visits[entry.key.node] * p[entry.key.node][entry.key.edge]
            }
        }
        return total
    }

    /// Strongly connected components in an order where every edge between components goes forward.
    static func topologicalComponents(_ graph: FlowGraph) -> [[Int]] {
        let components = graph.stronglyConnectedComponents()
        var componentOf = [Int](repeating: 0, count: graph.count)
        for (c, members) in components.enumerated() { for m in members { componentOf[m] = c } }
        var indegree = [Int](repeating: 0, count: components.count)
        var next = [[Int]](repeating: [], count: components.count)
        for i in 0..<graph.count {
            for j in graph.successors[i] where componentOf[i] != componentOf[j] {
                next[componentOf[i]].append(componentOf[j])
                indegree[componentOf[j]] += 1
            }
        }
        var ready = (0..<components.count).filter { indegree[$0] == 0 }.reversed() as [Int]
        var order: [[Int]] = []
        while let c = ready.popLast() {
            order.append(components[c])
            for d in next[c] {
                indegree[d] -= 1
                if indegree[d] == 0 { ready.append(d) }
            }
        }
        return order
    }
}
