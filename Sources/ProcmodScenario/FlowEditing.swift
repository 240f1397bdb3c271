import ProcmodModel

extension Procedure {
    /// Node index of a flow element id.
    func node(_ id: String) -> Int? { flow.nodes.firstIndex { $0.id == id } }

    /// Removes a step: whatever led to it now leads to its successor. When the start is removed, its
    /// successor becomes the start. Returns false when the node is not a step with one successor.
    @discardableResult
    mutating func removeStep(at i: Int) -> Bool {
        guard flow.nodes.indices.contains(i), flow.nodes[i].step != nil, flow.nodes[i].edges.count == 1 else { return false }
        let target = flow.nodes[i].edges[0].target
        guard target != i else { return false }
        for k in flow.nodes.indices {
            for e in flow.nodes[k].edges.indices where flow.nodes[k].edges[e].target == i {
                flow.nodes[k].edges[e].target = target
            }
        }
        var order = flow.nodes.indices.filter { $0 != i }
        if i == 0, let position = order.firstIndex(of: target) {
            order.remove(at: position)
            order.insert(target, at: 0)
        }
        reorderNodes(order)
        return true
    }

    /// Keeps the nodes listed in `order` (old indices), in that order, renumbering every edge and join;
    /// nodes not listed are dropped (nothing may still point at them).
    mutating func reorderNodes(_ order: [Int]) {
        var newIndex = [Int](repeating: -1, count: flow.nodes.count)
        for (new, old) in order.enumerated() { newIndex[old] = new }
        flow.nodes = order.map { old in
            var node = flow.nodes[old]
            for e in node.edges.indices { node.edges[e].target = newIndex[node.edges[e].target] }
            if case .join(let split) = node.kind, split >= 0 { node.kind = .join(split: newIndex[split]) }
            return node
        }
    }

    /// Applies `change` to the step with node index `i`.
    mutating func updateStep(at i: Int, _ change: (inout Step) -> Void) {
        guard case .step(var s) = flow.nodes[i].kind else { return }
        change(&s)
        flow.nodes[i].kind = .step(s)
    }

    /// Node indices of the steps, in flow order.
    var stepIndices: [Int] { flow.nodes.indices.filter { flow.nodes[$0].step != nil } }
}
