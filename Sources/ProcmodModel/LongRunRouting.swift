/// The branches a case can still take once every capped loop has used up its `max`: the flow as a
/// case of one channel sees it in the long run.
///
/// A choice by probability keeps its uncapped branches of positive probability (when it has none, its
/// uncapped branches share the probability evenly, as the simulator does); a choice by channel keeps
/// the branch of the case's channel; every other node keeps all its edges. A case can leave every
/// loop with probability 1 exactly when, in this graph, every node it can reach can reach an end.
public struct LongRunRouting: Sendable {
    /// Successor node indices per node.
    public let successors: [[Int]]

    /// The routing of a case whose channel is `channel` (nil: a procedure without channels).
    public init(_ flow: Flow, channel: String?) {
        successors = flow.nodes.map { node in
            switch node.kind {
            case .choice(.probability):
                let uncapped = node.edges.filter { $0.maxCount == nil }
                let likely = uncapped.filter { ($0.probability ?? 0) > 0 }
                return (likely.isEmpty ? uncapped : likely).map(\.target)
            case .choice(.channel):
                return node.edges.filter { $0.channel == channel }.map(\.target)
            default:
                return node.edges.map(\.target)
            }
        }.map { targets in targets.filter { $0 >= 0 && $0 < flow.nodes.count } }
    }

    /// For each node, whether a case there can still reach an end (or a node with no way on, where its
    /// token finishes).
    public func canFinish() -> [Bool] {
        var predecessors = [[Int]](repeating: [], count: successors.count)
        for (i, targets) in successors.enumerated() { for t in targets { predecessors[t].append(i) } }
        let terminal = successors.indices.filter { successors[$0].isEmpty }
        return FlowGraph.search(from: terminal, along: predecessors)
    }

    /// For each node, whether a case starting at `start` can reach it.
    public func reachable(from start: Int) -> [Bool] { FlowGraph.search(from: [start], along: successors) }
}
