public import ProcmodModel

/// Which documents were marked at some step before a node on a forward path (loops ignored), for
/// every node at once: one pass over the forward DAG in topological order with a bit set per node,
/// so "was this document already asked for on the way here?" costs O(1) per question.
///
/// A case keeps its channel: given one, the paths follow only that channel's branches at every choice
/// by channel, and only steps a case of that channel can reach count (no path submits in person, goes
/// back to supplement and submits online).
struct DocumentPaths {
    private let words: Int
    private var bits: [UInt64]
    /// Nodes a case of the channel can reach from the start along the forward paths.
    let reachable: [Bool]

    /// `marks(node)` lists the document indices marked at that node. With `reversed`, the question
    /// becomes "is it marked at some step after this node?".
    init(_ flow: FlowAnalysis, documents: Int, nodes: [FlowNode] = [], channel: String? = nil, reversed: Bool = false,
         marks: (Int) -> [Int]) {
        let n = flow.graph.count
        words = max(1, (documents + 63) / 64)
        bits = [UInt64](repeating: 0, count: n * words)
        // The forward DAG, with the other channels' branches cut.
        let successors = flow.forwardSuccessors(channel: channel, in: Flow(nodes: nodes))
        reachable = FlowGraph.search(from: n > 0 ? [0] : [], along: successors)
        var predecessors = [[Int]](repeating: [], count: n)
        for i in 0..<n where reachable[i] { for t in successors[i] { predecessors[t].append(i) } }
        let order = reversed ? flow.forwardOrder.reversed() : flow.forwardOrder
        for node in order where reachable[node] {
            let sources = reversed ? successors[node].filter { reachable[$0] } : predecessors[node]
            for p in sources {
                for w in 0..<words { bits[node * words + w] |= bits[p * words + w] }
                for d in marks(p) { bits[node * words + d / 64] |= 1 << UInt64(d % 64) }
            }
        }
    }

    /// True when document `d` was marked at a step strictly before (or, reversed, after) `node`.
    func contains(_ d: Int, at node: Int) -> Bool {
        reachable[node] && bits[node * words + d / 64] & (1 << UInt64(d % 64)) != 0
    }

    /// One `DocumentPaths` per channel cases take (one for all when the procedure has none).
    static func perChannel(_ a: ProcedureAnalysis, documents: Int, reversed: Bool = false,
                           marks: (Int) -> [Int]) -> [DocumentPaths] {
        a.caseChannels.map { DocumentPaths(a.flow, documents: documents, nodes: a.procedure.flow.nodes, channel: $0,
                                            reversed: reversed, marks: marks) }
    }
}
