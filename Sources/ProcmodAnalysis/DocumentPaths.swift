/// Which documents were marked at some step before a node on a forward path (loops ignored), for
/// every node at once: one pass over the forward DAG in topological order with a bit set per node,
/// so "was this document already asked for on the way here?" costs O(1) per question.
struct DocumentPaths {
    private let words: Int
    private var bits: [UInt64]

    /// `marks(node)` lists the document indices marked at that node. With `reversed`, the question
    /// becomes "is it marked at some step after this node?".
    init(_ flow: FlowAnalysis, documents: Int, reversed: Bool = false, marks: (Int) -> [Int]) {
        let n = flow.graph.count
        words = max(1, (documents + 63) / 64)
        bits = [UInt64](repeating: 0, count: n * words)
        var predecessors = [[Int]](repeating: [], count: n)
        for i in 0..<n { for t in flow.forwardSuccessors[i] { predecessors[t].append(i) } }
        let order = reversed ? flow.forwardOrder.reversed() : flow.forwardOrder
        for node in order {
            let sources = reversed ? flow.forwardSuccessors[node] : predecessors[node]
            for p in sources {
                for w in 0..<words { bits[node * words + w] |= bits[p * words + w] }
                for d in marks(p) { bits[node * words + d / 64] |= 1 << UInt64(d % 64) }
            }
        }
    }

    /// True when document `d` was marked at a step strictly before (or, reversed, after) `node`.
    func contains(_ d: Int, at node: Int) -> Bool {
        bits[node * words + d / 64] & (1 << UInt64(d % 64)) != 0
    }
}
