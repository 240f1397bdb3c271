public import ProcmodModel

/// One swimlane: an actor, in its agency's band.
public struct Lane: Sendable, Hashable {
    /// The actor's id.
    public var actor: String
    /// The agency's id; nil for applicants, third parties and the post.
    public var agency: String?
    /// Top and height, in diagram units.
    public var y: Double
    public var height: Double
}

enum LaneOrder {
    /// The lanes' actors in drawing order: applicants on top (as Vietnamese process charts draw them),
    /// then third parties and the post, then each agency in the order the model declares agencies, its
    /// actors in the order the flow first meets them. Only actors some step uses.
    static func actors(_ p: Procedure) -> [String] {
        var firstUse: [String: Int] = [:]
        for (i, node) in p.flow.nodes.enumerated() {
            if let s = node.step, firstUse[s.actor] == nil { firstUse[s.actor] = i }
        }
        func group(_ id: String) -> Int {
            guard let actor = p.actors[id] else { return 3 }
            if actor.kind == .applicant { return 0 }
            if actor.agency == nil { return 1 }
            return 2
        }
        let agencyRank = Dictionary(uniqueKeysWithValues: p.agencies.keys.enumerated().map { ($1, $0) })
        return firstUse.keys.sorted { a, b in
            let ga = group(a), gb = group(b)
            if ga != gb { return ga < gb }
            let ra = p.actors[a]?.agency.flatMap { agencyRank[$0] } ?? Int.max
            let rb = p.actors[b]?.agency.flatMap { agencyRank[$0] } ?? Int.max
            if ra != rb { return ra < rb }
            return (firstUse[a] ?? 0, a) < (firstUse[b] ?? 0, b)
        }
    }
}
