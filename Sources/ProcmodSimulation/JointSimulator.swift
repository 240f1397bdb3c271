import Dispatch
public import ProcmodModel

/// A resource several procedures share on one site: a one-stop desk, a signer, a specialist office.
public struct SharedResource: Sendable, Hashable {
    public var id: String
    /// nil when unlimited.
    public var servers: Int?
    public var calendar: WorkCalendar
    public var cadence: SigningCadence?
    public var batchSize: Int?

    public init(id: String, servers: Int?, calendar: WorkCalendar, cadence: SigningCadence? = nil, batchSize: Int? = nil) {
        self.id = id
        self.servers = servers
        self.calendar = calendar
        self.cadence = cadence
        self.batchSize = batchSize
    }
}

/// One procedure on a joint site: its cases a year at the site and which of its actors are which
/// shared resource.
public struct JointMember: Sendable {
    public var procedure: Procedure
    /// Cases a year at the one site simulated.
    public var perYear: Double
    /// Actor id → shared resource id; actors not listed stay the procedure's own.
    public var resources: [String: String]

    public init(procedure: Procedure, perYear: Double, resources: [String: String]) {
        self.procedure = procedure
        self.perYear = perYear
        self.resources = resources
    }
}

/// One replication of a joint site: per procedure its case figures (and its own actors' figures, by
/// its actor ids), per shared resource its figures.
public struct JointReplication: Sendable, Codable, Hashable {
    /// The replication's number (0-based): shards and merges keep replications in this order.
    public var index: Int
    public var members: [ReplicationResult]
    public var resources: [String: [String: Double]]
}

/// Simulates procedures together on the resources they share: one event loop, one clock, one queue
/// per shared resource; each procedure keeps its own arrivals (its own random stream), flow, channels,
/// deadlines and statutory clock. Replications run in parallel with the same results for any thread
/// count, as ``Simulator`` does.
public struct JointSimulator: Sendable {
    public var options: SimulationOptions

    public init(options: SimulationOptions) { self.options = options }

    /// The replications numbered `indices` (all of them when nil), in that order.
    ///
    /// Throws ``SimulationError`` (located in the procedure concerned) when a replication would not end.
    public func replications(_ members: [JointMember], resources: [SharedResource], indices: [Int]? = nil,
                             progress: (@Sendable (Int) -> Void)? = nil) throws(SimulationError) -> [JointReplication] {
        let start = options.startDate
        let kinds = members.map { member -> SiteKinds in
            var p = member.procedure
            p.volume.perYear = member.perYear
            p.volume.sites = 1
            return SiteKinds(p, start: start)
        }
        let resourceIndex = Dictionary(uniqueKeysWithValues: resources.enumerated().map { ($1.id, $0) })
        let resourceCalendars = resources.map { CalendarTimeline($0.calendar, start: start) }
        let resourceActors = resources.enumerated().map { i, r in
            CompiledModel.Actor(servers: r.servers, calendar: i, cadence: (r.cadence?.times ?? []).map { Double($0.minutes) }.sorted(),
                                cadenceDays: Set((r.cadence?.days ?? []).compactMap { Weekday.allCases.firstIndex(of: $0) }),
                                batch: r.batchSize ?? 1, id: r.id, meanMinutesUp: 0, meanMinutesDown: 0)
        }
        let resourceOf: [[Int]] = zip(members, kinds).map { member, kind in
            kind.models[0].actors.map { actor in member.resources[actor.id].flatMap { resourceIndex[$0] } ?? -1 }
        }
        let prefixes = members.map { $0.procedure.code + "/" }
        let wanted = indices ?? Array(0..<options.replications)
        let slots = ReplicationSlots<JointReplication>(count: wanted.count)
        let counter = ProgressCounter()
        let options = self.options
        let work: @Sendable (Int) -> Void = { i in
            let r = wanted[i]
            let parts = kinds.indices.map { k in
                CompiledModel.Member(model: kinds[k].model(seed: options.seed, replication: r), resourceOf: resourceOf[k], prefix: prefixes[k])
            }
            let model = CompiledModel(joint: parts, resources: resourceActors, calendars: resourceCalendars)
            var engine = Engine(model: model, seed: options.seed, stream: UInt64(r), cases: options.cases,
                                horizon: options.horizonDays.map { $0 * 1440 }, warmup: options.warmupDays * 1440, log: nil)
            _ = engine.run()
            if let runaway = engine.runaway {
                slots.fail(i, runaway, model)
            } else {
                slots.set(i, Self.split(engine.observers, model: model, members: members, resourceCount: resources.count, index: r))
            }
            progress?(counter.increment())
        }
        if options.threads <= 1 {
            for i in wanted.indices { work(i) }
        } else {
            DispatchQueue.concurrentPerform(iterations: wanted.count, execute: work)
        }
        if let (runaway, model) = slots.firstFailure {
            let k = runaway.node >= 0 ? model.source(ofNode: runaway.node) : 0
            let local = runaway.node >= 0 ? runaway.node - model.sources[k].entry : -1
            var error = Simulator.error(Runaway(reason: runaway.reason, node: local, actor: -1), members[k].procedure, kinds[k].models[0])
            error.diagnostic.message = "procedure \(members[k].procedure.code): " + error.diagnostic.message
            throw error
        }
        return slots.values
    }

    /// Splits a joint run's observers into per-procedure results and per-resource figures.
    private static func split(_ observers: [Observer], model: CompiledModel, members: [JointMember], resourceCount: Int,
                              index: Int) -> JointReplication {
        let actors = observers[0].result.actors
        var resources: [String: [String: Double]] = [:]
        for actor in model.actors.prefix(resourceCount) { resources[actor.id] = actors[actor.id] }
        let results = observers.enumerated().map { k, observer -> ReplicationResult in
            var result = observer.result
            let prefix = members[k].procedure.code + "/"
            result.actors = [:]
            for (id, figures) in actors where id.hasPrefix(prefix) { result.actors[String(id.dropFirst(prefix.count))] = figures }
            // Actors the procedure shares report the resource's figures under the procedure's own id.
            for (actor, resource) in members[k].resources { if let figures = actors[resource] { result.actors[actor] = figures } }
            return result
        }
        return JointReplication(index: index, members: results, resources: resources)
    }
}
