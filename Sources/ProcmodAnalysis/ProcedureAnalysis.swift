public import ProcmodModel

/// Per-actor load and an analytic queueing estimate.
public struct ActorLoad: Sendable, Hashable, Codable {
    public var actor: String
    /// Hours of work offered per year at one site.
    public var offeredHours: Double
    /// Open hours per year times servers; nil when capacity is unlimited.
    public var capacityHours: Double?
    /// offered / capacity; nil when unlimited.
    public var utilisation: Double?
    /// Mean M/M/c wait in the queue, in working days of the reference calendar (nil when unlimited,
    /// infinity when overloaded).
    public var meanWaitDays: Double?
    /// Expected wait for the next signing time or for a batch to fill, in working days.
    public var cadenceWaitDays: Double
}

/// Everything the rules and the metrics need, computed once per procedure.
public struct ProcedureAnalysis: Sendable {
    public let procedure: Procedure
    public let time: TimeModel
    public let flow: FlowAnalysis
    /// Per actor id, in document order.
    public let loads: [ActorLoad]
    /// Expected elapsed working days of each node per visit: work + delay + queue + cadence waits.
    public let nodeDays: [Double]
    /// Variance of each node's elapsed working days per visit (days²): its work and delay distributions,
    /// a queue wait taken as exponential, a signing-time wait as uniform.
    public let nodeVariance: [Double]
    /// Parallel blocks, innermost first: the split, its join and each branch's nodes.
    let blocks: [(split: Int, join: Int, branches: [[Int]])]
    /// How often each document is asked for, over every step: what a saving asks once per finding.
    let tally: RequirementTally
    /// The expected lead time, computed once (rules and savings ask for it once per finding).
    private var leadTimeDays = 0.0

    public init(_ procedure: Procedure) {
        self.procedure = procedure
        let time = TimeModel(procedure)
        let flow = FlowAnalysis(procedure)
        self.time = time
        self.flow = flow
        var loads: [ActorLoad] = []
        for actor in procedure.actors.values {
            loads.append(Self.load(of: actor, procedure, time, flow))
        }
        self.loads = loads
        blocks = Self.parallelBlocks(procedure.flow, flow.graph)
        tally = RequirementTally(procedure)
        let loadByActor = Dictionary(uniqueKeysWithValues: loads.map { ($0.actor, $0) })
        nodeDays = procedure.flow.nodes.map { node in
            guard let step = node.step else { return 0 }
            let load = loadByActor[step.actor]
            let queue = load?.meanWaitDays ?? 0
            return time.workDays(step) + time.delayDays(step) + (queue.isFinite ? queue : 0) + (load?.cadenceWaitDays ?? 0)
        }
        nodeVariance = procedure.flow.nodes.map { node in
            guard let step = node.step else { return 0 }
            let load = loadByActor[step.actor]
            let queue = (load?.meanWaitDays).map { $0.isFinite ? $0 : 0 } ?? 0
            let cadence = load?.cadenceWaitDays ?? 0
            return time.daysVariance(step) + queue * queue + cadence * cadence / 3
        }
        leadTimeDays = expectedDays(excluding: [])
    }

    private static func load(of actor: Actor, _ p: Procedure, _ time: TimeModel, _ flow: FlowAnalysis) -> ActorLoad {
        var visitsPerCase = 0.0, hoursPerCase = 0.0
        for (i, node) in p.flow.nodes.enumerated() {
            guard let step = node.step, step.actor == actor.id else { continue }
            visitsPerCase += flow.visits[i]
            hoursPerCase += flow.visits[i] * time.workHours(step)
        }
        let calendar = time.calendar(of: actor.id)
        let openHours = TimeModel.annualOpenHours(calendar)
        let offered = hoursPerCase * p.volume.perSite
        var result = ActorLoad(actor: actor.id, offeredHours: offered, capacityHours: nil, utilisation: nil,
                               meanWaitDays: nil, cadenceWaitDays: 0)
        if let servers = actor.capacity.servers, servers > 0, openHours > 0 {
            result.capacityHours = openHours * Double(servers)
            result.utilisation = offered / (openHours * Double(servers))
            let arrivals = visitsPerCase * p.volume.perSite / openHours
            let service = visitsPerCase > 0 ? hoursPerCase / visitsPerCase : 0
            let waitHours = ErlangC.meanWait(arrivalRate: arrivals, meanService: service, servers: servers)
            let daily = TimeModel.dailyHours(calendar)
            result.meanWaitDays = waitHours.isFinite ? (daily > 0 ? waitHours / daily : 0) : .infinity
        }
        if let cadence = actor.cadence, !cadence.times.isEmpty {
            // Signing slots spread over the week: on average a case waits half the gap between slots.
            let slotsPerWeek = Double(cadence.times.count * max(1, cadence.days.count))
            result.cadenceWaitDays = TimeModel.workingDaysPerWeek(time.reference) / slotsPerWeek / 2
        } else if let batch = actor.batchSize, batch > 1, visitsPerCase > 0, p.volume.perSite > 0 {
            let casesPerDay = visitsPerCase * p.volume.perSite / max(1, TimeModel.annualOpenHours(time.reference)
                                                                    / max(1, TimeModel.dailyHours(time.reference)))
            result.cadenceWaitDays = Double(batch - 1) / 2 / casesPerDay
        }
        return result
    }

    /// Expected lead time in working days: the sum over nodes of visits × days, except that a parallel
    /// block counts the expected maximum of its branches (``ParallelMaximum``), not their sum.
    public var expectedLeadTimeDays: Double { leadTimeDays }

    private static func parallelBlocks(_ flow: Flow, _ graph: FlowGraph) -> [(split: Int, join: Int, branches: [[Int]])] {
        let nodes = flow.nodes
        var joinOf: [Int: Int] = [:]
        for (i, node) in nodes.enumerated() { if case .join(let s) = node.kind, s >= 0 { joinOf[s] = i } }
        var blocks: [(split: Int, join: Int, branches: [[Int]])] = []
        for (s, node) in nodes.enumerated() {
            guard case .parallel = node.kind, let j = joinOf[s] else { continue }
            let toJoin = graph.reaching([j])
            let branches = node.edges.map { edge -> [Int] in
                var seen = Set<Int>(), stack = [edge.target]
                while let n = stack.popLast() {
                    guard n != j, toJoin[n], !seen.contains(n) else { continue }
                    seen.insert(n)
                    stack.append(contentsOf: graph.successors[n])
                }
                return seen.sorted()
            }
            blocks.append((s, j, branches))
        }
        // Innermost first: a block inside another has fewer nodes.
        return blocks.sorted { $0.branches.joined().count < $1.branches.joined().count }
    }

    /// Expected lead time with some nodes' time taken out (to estimate what removing them saves).
    public func expectedDays(excluding removed: Set<Int>) -> Double {
        let nodes = procedure.flow.nodes
        var contribution = nodes.indices.map { removed.contains($0) ? 0 : flow.visits[$0] * nodeDays[$0] }
        // A node run v times in expectation: v × its variance, plus the spread of whether it runs at all
        // (|v − v²| × its days², Bernoulli for v ≤ 1).
        var variance = nodes.indices.map { i -> Double in
            guard !removed.contains(i) else { return 0 }
            let v = flow.visits[i]
            return v * nodeVariance[i] + abs(v - v * v) * nodeDays[i] * nodeDays[i]
        }
        for block in blocks {
            let branches = block.branches.map { members in
                ParallelMaximum.Branch(mean: members.reduce(0) { $0 + contribution[$1] }, variance: members.reduce(0) { $0 + variance[$1] })
            }
            for member in block.branches.joined() { contribution[member] = 0; variance[member] = 0 }
            contribution[block.join] += ParallelMaximum.expectedMaximum(branches)
            // An enclosing block sees this one as its slowest branch.
            variance[block.join] += branches.max { $0.mean < $1.mean }?.variance ?? 0
        }
        return contribution.reduce(0, +)
    }

    /// Working days along the fastest and the slowest path from start to an end, ignoring loops (each
    /// step once, its expected days), with parallel branches counted as the slowest branch.
    public var pathDays: (shortest: Double, longest: Double) { pathDays(excluding: []) }

    /// Fastest and slowest path with the days of some nodes left out.
    public func pathDays(excluding removed: Set<Int>) -> (shortest: Double, longest: Double) {
        // A case keeps its channel: the paths of each channel, then the fastest and slowest of them all.
        let each = caseChannels.map { pathDays(excluding: removed, channel: $0) }.filter { $0.shortest.isFinite }
        return (each.map(\.shortest).min() ?? 0, each.map(\.longest).max() ?? 0)
    }

    /// The channels cases take (share above 0), each asked about on its own; `[nil]` for a procedure
    /// without channels. Channels no case takes have no paths to ask about.
    public var caseChannels: [String?] {
        let used = procedure.channels.values.filter { $0.share > 0 }.map(\.id)
        return used.isEmpty ? [nil] : used.map(Optional.some)
    }

    /// Fastest and slowest path of the cases of one channel (nil: every branch of a channel choice).
    private func pathDays(excluding removed: Set<Int>, channel: String?) -> (shortest: Double, longest: Double) {
        let nodes = procedure.flow.nodes
        guard !nodes.isEmpty else { return (0, 0) }
        let successors = flow.forwardSuccessors(channel: channel, in: procedure.flow)
        let days = nodeDays.indices.map { removed.contains($0) ? 0 : nodeDays[$0] }
        var shortest = [Double](repeating: .infinity, count: nodes.count)
        var longest = [Double](repeating: -.infinity, count: nodes.count)
        // What reaches each join, from which node: a join waits for its slowest branch, and within a
        // branch the fastest way (a choice inside the branch) counts for the fastest path.
        var arrivals = [[(from: Int, shortest: Double, longest: Double)]](repeating: [], count: nodes.count)
        shortest[0] = days[0]
        longest[0] = days[0]
        for i in flow.forwardOrder where shortest[i].isFinite || !arrivals[i].isEmpty {
            if case .join = nodes[i].kind, !arrivals[i].isEmpty {
                let branches = blocks.first { $0.join == i }?.branches ?? []
                let groups = branches.isEmpty ? arrivals[i].map { [$0] }
                    : branches.map { members in arrivals[i].filter { members.contains($0.from) } }.filter { !$0.isEmpty }
                let fast = groups.map { $0.map(\.shortest).min() ?? 0 }.max() ?? 0
                let slow = arrivals[i].map(\.longest).max() ?? 0
                shortest[i] = fast + days[i]
                longest[i] = max(longest[i], slow + days[i])
            }
            for t in successors[i] {
                if case .join = nodes[t].kind {
                    arrivals[t].append((i, shortest[i], longest[i]))
                    continue
                }
                shortest[t] = min(shortest[t], shortest[i] + days[t])
                longest[t] = max(longest[t], longest[i] + days[t])
            }
        }
        let ends = nodes.indices.filter { if case .end = nodes[$0].kind { true } else { false } }
        let s = ends.map { shortest[$0] }.filter(\.isFinite).min() ?? .infinity
        let l = ends.map { longest[$0] }.filter(\.isFinite).max() ?? 0
        return (s, l)
    }

    /// Nodes outside the statutory clock (ProcmodModel's StatutoryClock): everything before the clock
    /// starts (a `start` step such as `receive`, or on a channel without one the first step of the state's
    /// actors), everything after the result is produced, and the steps whose time is excluded (by default
    /// the applicant's and third parties') in between.
    public var outsideDeadlineClock: Set<Int> {
        let nodes = procedure.flow.nodes
        let channels: [String?] = procedure.channels.isEmpty ? [nil] : procedure.channels.keys.map(Optional.some)
        let starts = Array(Set(channels.flatMap { procedure.clockStartNodes(channel: $0) })).sorted()
        let producers = nodes.indices.filter { i in nodes[i].step?.produces.contains { $0.document == procedure.result } ?? false }
        guard !starts.isEmpty, !producers.isEmpty else { return Set(nodes.indices) }
        // A `start` step's own time is before the receipt; a first agency step's counts.
        let after = flow.graph.reachable(from: starts)
        let before = flow.graph.reaching(producers)
        return Set(nodes.indices.filter { i in
            guard after[i] && before[i] else { return true }
            guard let step = nodes[i].step else { return false }
            let role = procedure.clockRole(of: step)
            return role == .excluded || role == .start
        })
    }
}

extension ProcedureAnalysis {
    /// One warning per actor offered at least as much work as its capacity and hours allow: its queue
    /// grows without bound, so a simulated lead time measures the run's length rather than the procedure.
    /// Said beside simulated figures (`simulate`, `report`, `compare`); `analyze` reports the same actors
    /// as `overloaded-actor` findings.
    public var overloadWarnings: [(actor: String, message: String)] {
        loads.compactMap { load in
            guard let u = load.utilisation, u >= 1 else { return nil }
            return (load.actor, "actor '\(load.actor)' is offered \(decimalText(load.offeredHours)) hours of work a year for "
                    + "\(decimalText(load.capacityHours ?? 0)) open hours (utilisation \(decimalText(u))): its queue grows "
                    + "without bound, so the simulated lead time depends on the run's length, not on the procedure "
                    + "(add capacity or lower the volume)")
        }
    }
}
