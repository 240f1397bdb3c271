public import ProcmodModel

/// A flow node placed in the diagram.
public struct PlacedNode: Sendable, Hashable {
    public enum Shape: Sendable, Hashable { case task, exclusive, parallel, end }
    /// The node's index in the flow.
    public var node: Int
    public var shape: Shape
    public var lane: Int
    public var column: Int
    /// The node's box: top-left corner and size.
    public var x: Double, y: Double, width: Double, height: Double

    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }
}

/// An edge drawn as a polyline of horizontal and vertical segments.
public struct RoutedEdge: Sendable, Hashable {
    public var from: Int
    public var to: Int
    /// The index of the edge among the source node's edges.
    public var edge: Int
    /// True for an edge that goes back (a loop: supplement or rework).
    public var back: Bool
    public var points: [(x: Double, y: Double)]

    public static func == (a: RoutedEdge, b: RoutedEdge) -> Bool {
        a.from == b.from && a.to == b.to && a.edge == b.edge && a.back == b.back
            && a.points.map(\.x) == b.points.map(\.x) && a.points.map(\.y) == b.points.map(\.y)
    }

    public func hash(into h: inout Hasher) {
        h.combine(from); h.combine(to); h.combine(edge)
        for p in points { h.combine(p.x); h.combine(p.y) }
    }
}

/// A deterministic layered layout of a procedure, left to right in swimlanes: a node's column is the
/// longest path to it from the start once loops are set aside; its lane is its actor's (a gateway or an
/// end takes the lane of the step before it); nodes that share a lane and a column stack in rows. Forward
/// edges leave a box on its right and enter the next on its left, turning only in the gaps between
/// columns; an edge that skips columns runs along its lane's corridor (a free strip at the lane's foot);
/// loops go back along a corridor above all lanes. Same procedure, same layout.
public struct DiagramLayout: Sendable {
    public var lanes: [Lane]
    public var nodes: [PlacedNode]
    public var edges: [RoutedEdge]
    public var width: Double
    public var height: Double

    // Geometry, in diagram units (SVG user units).
    public static let header = 190.0
    public static let top = 70.0
    static let column = 190.0
    static let box: (width: Double, height: Double) = (146, 54)
    static let row = 104.0
    static let corridor = 26.0
    static let backCorridor = 30.0
    static let gateway = 38.0

    public init(_ p: Procedure) {
        let flow = p.flow
        let n = flow.nodes.count
        // 1. Loops: edges to a node still on the depth-first path from the start.
        var back = Set<[Int]>()
        var state = [UInt8](repeating: 0, count: n)  // 0 new, 1 on the path, 2 done
        var order: [Int] = []
        func visit(_ i: Int) {
            state[i] = 1
            for (k, e) in flow.nodes[i].edges.enumerated() {
                if state[e.target] == 1 { back.insert([i, k]) } else if state[e.target] == 0 { visit(e.target) }
            }
            state[i] = 2
            order.append(i)
        }
        if n > 0 { visit(0) }
        for i in 0..<n where state[i] == 0 { visit(i) }
        // 2. Columns: the longest forward path from the start.
        var column = [Int](repeating: 0, count: n)
        for i in order.reversed() {
            for (k, e) in flow.nodes[i].edges.enumerated() where !back.contains([i, k]) {
                column[e.target] = max(column[e.target], column[i] + 1)
            }
        }
        // 3. Lanes: a step's actor; other nodes the lane of a step before them, else after them.
        let actors = LaneOrder.actors(p)
        let laneOf = Dictionary(uniqueKeysWithValues: actors.enumerated().map { ($1, $0) })
        var lane = [Int?](repeating: nil, count: n)
        for i in 0..<n { if let s = flow.nodes[i].step { lane[i] = laneOf[s.actor] } }
        for i in order.reversed() where lane[i] == nil {
            for j in 0..<n where lane[j] != nil && flow.nodes[j].edges.contains(where: { $0.target == i }) { lane[i] = lane[j]; break }
        }
        for i in order where lane[i] == nil {
            lane[i] = flow.nodes[i].edges.lazy.compactMap { lane[$0.target] }.first
        }
        let laneIndex = lane.map { $0 ?? 0 }
        // 4. Rows: nodes sharing a lane and a column stack, in flow order.
        var rowOf = [Int](repeating: 0, count: n)
        var rows = [Int](repeating: 1, count: max(actors.count, 1))
        var used: [[Int]: Int] = [:]
        for i in 0..<n {
            let key = [laneIndex[i], column[i]]
            rowOf[i] = used[key, default: 0]
            used[key] = rowOf[i] + 1
            rows[laneIndex[i]] = max(rows[laneIndex[i]], rowOf[i] + 1)
        }
        // 5. Lanes' heights, then every node's box.
        var lanes: [Lane] = []
        var y = Self.top + Self.backCorridor
        for (k, actor) in (actors.isEmpty ? [""] : actors).enumerated() {
            let height = Double(rows[k]) * Self.row + Self.corridor
            lanes.append(Lane(actor: actor, agency: p.actors[actor]?.agency, y: y, height: height))
            y += height
        }
        var placed: [PlacedNode] = []
        for i in 0..<n {
            let shape: PlacedNode.Shape
            switch flow.nodes[i].kind {
            case .step: shape = .task
            case .choice: shape = .exclusive
            case .parallel, .join: shape = .parallel
            case .end: shape = .end
            }
            let size: (width: Double, height: Double) = shape == .task ? Self.box : (Self.gateway, Self.gateway)
            let cx = Self.header + Double(column[i]) * Self.column + Self.column / 2
            let cy = lanes[laneIndex[i]].y + Double(rowOf[i]) * Self.row + Self.row / 2 - 8
            placed.append(PlacedNode(node: i, shape: shape, lane: laneIndex[i], column: column[i],
                                     x: cx - size.width / 2, y: cy - size.height / 2, width: size.width, height: size.height))
        }
        // 6. Edges.
        var edges: [RoutedEdge] = []
        var gapUse: [Int: Int] = [:]       // vertical segments so far in the gap after column c
        var corridors: [Int: Tracks] = [:]  // per lane
        var backCorridor = Tracks()
        func gapX(_ c: Int) -> Double {
            let k = gapUse[c, default: 0]
            gapUse[c] = k + 1
            let offset = Double((k % 5) - 2) * 6
            return Self.header + Double(c + 1) * Self.column + offset
        }
        for (i, node) in flow.nodes.enumerated() {
            for (k, e) in node.edges.enumerated() {
                let a = placed[i], b = placed[e.target]
                if back.contains([i, k]) {
                    // Up from the gap after the source to the corridor above the lanes, back to the gap
                    // before the target, down to the target's middle, into its left side.
                    // Into the target's top when nothing stands above it (so the loop never runs along the
                    // edges that enter the target from the left), else down the gap before it.
                    let x1 = gapX(a.column)
                    let clear = !placed.contains { $0.node != e.target && $0.x <= b.midX && b.midX <= $0.x + $0.width && $0.y + $0.height <= b.y }
                    let x2 = clear ? b.midX : gapX(b.column - 1)
                    let level = backCorridor.assign(min(x1, x2), max(x1, x2))
                    let yc = Self.top + Self.backCorridor - 8 - Double(min(level, 3)) * 6
                    edges.append(RoutedEdge(from: i, to: e.target, edge: k, back: true,
                                            points: clear ? [(a.x + a.width, a.midY), (x1, a.midY), (x1, yc), (b.midX, yc), (b.midX, b.y)]
                                                : [(a.x + a.width, a.midY), (x1, a.midY), (x1, yc), (x2, yc), (x2, b.midY), (b.x, b.midY)]))
                } else if b.column == a.column + 1 {
                    let x = gapX(a.column)
                    edges.append(RoutedEdge(from: i, to: e.target, edge: k, back: false,
                                            points: a.midY == b.midY ? [(a.x + a.width, a.midY), (b.x, b.midY)]
                                                : [(a.x + a.width, a.midY), (x, a.midY), (x, b.midY), (b.x, b.midY)]))
                } else if a.midY == b.midY && clearRow(placed, a, b) {
                    edges.append(RoutedEdge(from: i, to: e.target, edge: k, back: false, points: [(a.x + a.width, a.midY), (b.x, b.midY)]))
                } else {
                    // Skips columns: down to the source lane's corridor, along it, then to the target.
                    let x1 = gapX(a.column), x2 = gapX(b.column - 1)
                    var tracks = corridors[a.lane] ?? Tracks()
                    let level = tracks.assign(min(x1, x2), max(x1, x2))
                    corridors[a.lane] = tracks
                    let lane = lanes[a.lane]
                    let yc = lane.y + lane.height - 8 - Double(min(level, 2)) * 6
                    edges.append(RoutedEdge(from: i, to: e.target, edge: k, back: false,
                                            points: [(a.x + a.width, a.midY), (x1, a.midY), (x1, yc), (x2, yc), (x2, b.midY), (b.x, b.midY)]))
                }
            }
        }
        self.lanes = lanes
        self.nodes = placed
        self.edges = edges
        self.width = Self.header + Double((column.max() ?? 0) + 1) * Self.column + 20
        self.height = y + 20
    }
}

/// Horizontal tracks of a corridor: each new span takes the first track where it overlaps no other.
struct Tracks {
    private var spans: [[(Double, Double)]] = []

    mutating func assign(_ lo: Double, _ hi: Double) -> Int {
        for (k, track) in spans.enumerated() where !track.contains(where: { $0.0 < hi + 4 && lo - 4 < $0.1 }) {
            spans[k].append((lo, hi))
            return k
        }
        spans.append([(lo, hi)])
        return spans.count - 1
    }
}

/// True when no node of the source's lane row lies strictly between the two boxes.
private func clearRow(_ placed: [PlacedNode], _ a: PlacedNode, _ b: PlacedNode) -> Bool {
    !placed.contains { $0.lane == a.lane && $0.midY == a.midY && $0.column > a.column && $0.column < b.column }
}
