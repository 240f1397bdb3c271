public import ProcmodModel

/// What a case of each channel goes through: the steps it runs, in flow order, with how often (a case
/// keeps its channel from its first channel choice on). `procmod digitize` prints it before and after,
/// so that a lever that wired a channel into the wrong place shows.
public struct ChannelPath: Sendable, Hashable, Codable {
    /// The channel (nil for a procedure without channels).
    public var channel: String?
    public var share: Double
    /// Step ids in flow order with their expected runs per case of this channel.
    public var steps: [(id: String, runs: Double)] { zip(ids, runs).map { ($0, $1) } }
    var ids: [String]
    var runs: [Double]

    /// "go → submit → fetch (40%) → …": steps every case of the channel runs once, others with their runs.
    public var text: String {
        steps.map { step in
            abs(step.runs - 1) < 1e-9 ? step.id : "\(step.id) (\(step.runs < 1 ? percentText(step.runs) : "×" + decimalText(step.runs)))"
        }.joined(separator: " → ")
    }
}

extension ProcedureAnalysis {
    /// One path per channel (or one for a procedure without channels).
    public var channelPaths: [ChannelPath] {
        let p = procedure
        let order = flow.forwardOrder
        func path(_ channel: String?, _ share: Double, _ visits: [Double]) -> ChannelPath {
            let steps = order.filter { p.flow.nodes[$0].step != nil && visits[$0] > 1e-9 }
            return ChannelPath(channel: channel, share: share, ids: steps.map { p.flow.nodes[$0].id }, runs: steps.map { visits[$0] })
        }
        guard !p.channels.isEmpty else { return [path(nil, 1, flow.visits)] }
        return p.channels.values.map { path($0.id, $0.share, channelVisits($0.id)) }
    }
}
