/// Adjacency lists of a ``Flow`` with the graph algorithms the loader, analyzer and simulator share:
/// reachability, reverse reachability and strongly connected components.
public struct FlowGraph: Sendable {
    /// Successor node indices per node.
    public let successors: [[Int]]
    /// Predecessor node indices per node.
    public let predecessors: [[Int]]

    public init(_ flow: Flow) {
        var successors = [[Int]](repeating: [], count: flow.nodes.count)
        var predecessors = [[Int]](repeating: [], count: flow.nodes.count)
        for (i, node) in flow.nodes.enumerated() {
            for edge in node.edges where edge.target >= 0 && edge.target < flow.nodes.count {
                successors[i].append(edge.target)
                predecessors[edge.target].append(i)
            }
        }
        self.successors = successors
        self.predecessors = predecessors
    }

    public var count: Int { successors.count }

    /// Nodes reachable from `sources` (the sources included), following edges forwards.
    public func reachable(from sources: [Int]) -> [Bool] { Self.search(from: sources, along: successors) }

    /// Nodes from which one of `targets` is reachable (the targets included).
    public func reaching(_ targets: [Int]) -> [Bool] { Self.search(from: targets, along: predecessors) }

    /// Nodes reachable from `sources` (included) along any adjacency lists: an explicit stack, no recursion.
    public static func search(from sources: [Int], along adjacency: [[Int]]) -> [Bool] {
        let count = adjacency.count
        var seen = [Bool](repeating: false, count: count)
        var stack = sources.filter { $0 >= 0 && $0 < count }
        for s in stack { seen[s] = true }
        while let n = stack.popLast() {
            for m in adjacency[n] where !seen[m] {
                seen[m] = true
                stack.append(m)
            }
        }
        return seen
    }

    /// Strongly connected components (Tarjan's algorithm, iterative), each listed in ascending node order;
    /// components are ordered by their smallest node.
    public func stronglyConnectedComponents() -> [[Int]] { Self.stronglyConnectedComponents(successors) }

    /// Strongly connected components of any adjacency lists (Tarjan's algorithm, iterative), as above.
    public static func stronglyConnectedComponents(_ successors: [[Int]]) -> [[Int]] {
        let count = successors.count
        var index = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var nextIndex = 0
        for root in 0..<count where index[root] < 0 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = nextIndex; low[root] = nextIndex; nextIndex += 1
            stack.append(root); onStack[root] = true
            while let (node, edge) = work.last {
                if edge < successors[node].count {
                    work[work.count - 1].edge += 1
                    let next = successors[node][edge]
                    if index[next] < 0 {
                        index[next] = nextIndex; low[next] = nextIndex; nextIndex += 1
                        stack.append(next); onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        low[node] = min(low[node], index[next])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last?.node { low[parent] = min(low[parent], low[node]) }
                    if low[node] == index[node] {
                        var component: [Int] = []
                        while let top = stack.popLast() {
                            onStack[top] = false
                            component.append(top)
                            if top == node { break }
                        }
                        components.append(component.sorted())
                    }
                }
            }
        }
        return components.sorted { $0[0] < $1[0] }
    }

    /// True when the component is a cycle: more than one node, or one node with an edge to itself.
    public func isCycle(_ component: [Int]) -> Bool {
        component.count > 1 || successors[component[0]].contains(component[0])
    }
}
