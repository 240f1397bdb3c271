import ProcmodModel

/// A case's token waiting at a resource.
struct Waiting {
    var slot: Int32
    var node: Int32
    var since: Double
}

/// One case in the system: plain values only.
struct CaseState {
    var id = 0
    var arrival = 0.0
    /// When the statutory clock last (re)started: the complete dossier's receipt (-1: not yet).
    var receipt = -1.0
    var resultAt = -1.0
    /// The case's statutory deadline in working days (-1: none): its channel's, or a branch's.
    var deadline = -1.0
    /// The deadline counts calendar days ("ngày"), not working days.
    var deadlineInCalendarDays = false
    /// Open minutes of the reference calendar spent in excluded steps since the receipt.
    var excluded = 0.0
    /// True while the dossier is on the applicant's side (before submission, or sent back to supplement).
    var withApplicant = true
    /// The procedure (source) the case belongs to: 0 unless the model is a catalogue site.
    var source = 0
    var channel = 0
    var tokens = 1
    /// Steps the case has entered: a case past ``Limits/maximumStepsPerCase`` is a runaway loop.
    var steps = 0
    var work = 0.0, queue = 0.0, transfer = 0.0, wait = 0.0, visits = 0.0, applicantMinutes = 0.0
}

/// Per-actor counters of one replication.
struct ActorCounters {
    var busyMinutes = 0.0
    var served = 0
    var waitTotal = 0.0
    var waitMax = 0.0
    var queueArea = 0.0
    var queueMax = 0
    var lastChange = 0.0
}

/// Why a replication was stopped before its end, and where.
struct Runaway: Sendable {
    enum Reason: Sendable { case clock, loop }
    var reason: Reason
    /// The flow node (or -1) and the actor (or -1) involved.
    var node: Int
    var actor: Int
}

/// Where a row of the event log goes.
protocol EventLogSink: AnyObject {
    /// The steps' ids, names and actors, by step index, before the first row.
    func begin(activities: [String], names: [String], resources: [String])
    /// One row: a step's work (enabled when the case asked for the actor, started when work really began)
    /// or its delay (no resource held).
    func record(caseID: Int, step: Int, kind: EventLogRowKind, enabled: Double, start: Double, end: Double)
    /// The case has left the system: no more rows for it.
    func caseFinished(_ caseID: Int)
}

/// What a row of the event log stands for.
enum EventLogRowKind { case work, delay }

/// The discrete-event loop of one replication. Plain values in flat buffers, indices instead of
/// references, case slots recycled: nothing is allocated per event once the buffers have grown to the
/// peak number of cases in the system. The engine owns its buffers (EngineStorage.swift) and frees them
/// when it goes, so it cannot be copied.
struct Engine: ~Copyable {
    let model: CompiledModel
    /// Service times, delays and branch choices.
    var rng: Xoshiro256
    /// Arrival times and channels, on their own stream per source: two models run with the same seed see
    /// the same cases arrive (common random numbers for paired comparisons), and a procedure's arrivals
    /// do not change when another joins it on a catalogue site.
    let arrivalRNGs: RawBuffer<Xoshiro256>
    var heap = EventQueue()
    var now = 0.0
    var sequence: UInt64 = 0

    // Case slots: plain values, recycled through `free`.
    var free = RawBuffer<Int32>()
    var cases = RawBuffer<CaseState>()
    /// Per case slot: its loop counters, and its arrivals at each parallel block's join.
    var counters = RawBuffer<UInt32>()
    var joinCounts = RawBuffer<UInt32>()
    /// Per case slot and parallel block: the case's work, queue, transfer and wait when it split, and when.
    var splitSnapshot = RawBuffer<Double>()
    /// Per case slot and deadline part: when the dossier reached the agency, and when its last step there
    /// ended (-1: not yet).
    var partStart = RawBuffer<Double>()
    var partEnd = RawBuffer<Double>()

    // The compiled model's hot tables, as plain buffers (reading one copies nothing).
    let steps: RawBuffer<CompiledModel.Step>
    let sources: RawBuffer<CompiledModel.Source>
    /// Per source, the mean gap between candidate arrivals (the thinning's peak rate), computed once.
    let candidateGaps: RawBuffer<Double>
    let nodeKinds: RawBuffer<CompiledModel.NodeKind>
    /// The model's calendars (initialised copies, released in `deinit`).
    let calendars: UnsafeMutablePointer<CalendarTimeline>

    // Resources: one state per actor, its queue a ring buffer of its own.
    let actors: RawBuffer<ActorState>
    var gates: [[Waiting]]

    // Arrivals and observation.
    var arrivalsLeft: Int
    /// Sources whose next arrival is in the heap.
    var arrivalsPending = 0
    /// Events in the heap other than outages: when none is left, nothing can move any more.
    var progressEvents = 0
    var nextFixed: [Int]
    let stopsWhenEmpty: Bool
    var horizon: Double
    var warmup: Double
    var nextCaseID = 0
    /// When the latest case arrived (the clock guard measures from it).
    var lastArrival = 0.0
    var active = 0
    /// Arrivals and service completions: the event count the peer benchmarks use.
    var modelEvents = 0
    /// One observer per source (initialised copies, released in `deinit`).
    let observerBase: UnsafeMutablePointer<Observer>
    weak var log: (any EventLogSink)?
    /// Whether an event log is written: tested before the weak reference is loaded (on every event).
    let logging: Bool
    /// When an event log is written: per pending service event (by sequence), when its step was enabled.
    var enabledAt: [UInt64: Double] = [:]
    /// Set when the run had to stop because it would not end: the node where it was noticed.
    var runaway: Runaway?
    /// Steps one case may enter before it is a runaway: the bound, or ten per step of a very long flow.
    let stepLimit: Int
    /// The clock guard's bounds (``Limits``), read once.
    let maximumSpan = Limits.maximumSimulatedMinutes, clockEnd = Limits.absoluteClockMinutes

    init(model: CompiledModel, seed: UInt64, stream: UInt64, cases: Int?, horizon: Double?, warmup: Double,
         log: (any EventLogSink)?) {
        self.model = model
        rng = Xoshiro256(seed: seed, stream: stream)
        arrivalRNGs = RawBuffer(model.sources.indices.map { Xoshiro256(seed: seed, stream: stream | 1 << 40 | UInt64($0) << 44) })
        nextFixed = [Int](repeating: 0, count: model.sources.count)
        steps = RawBuffer(model.steps)
        sources = RawBuffer(model.sources)
        candidateGaps = RawBuffer(model.sources.map { $0.meanArrivalGap * $0.profileMean / $0.profileMax })
        nodeKinds = RawBuffer(model.nodeKinds)
        calendars = .allocate(capacity: max(model.calendars.count, 1))
        calendars.initialize(from: model.calendars, count: model.calendars.count)
        actors = RawBuffer(model.actors.map {
            ActorState(servers: $0.servers ?? -1, calendar: $0.calendar, alwaysOpen: model.calendars[$0.calendar].alwaysOpen,
                       gated: !$0.cadence.isEmpty || $0.batch > 1)
        })
        gates = [[Waiting]](repeating: [], count: model.actors.count)
        arrivalsLeft = cases ?? .max
        stopsWhenEmpty = cases != nil
        self.horizon = horizon ?? .infinity
        self.warmup = warmup
        observerBase = .allocate(capacity: max(model.sources.count, 1))
        observerBase.initialize(from: model.sources.indices.map { Observer(model: model, source: $0) }, count: model.sources.count)
        self.log = log
        logging = log != nil
        log?.begin(activities: model.stepNames, names: model.stepLabels, resources: model.stepActorNames)
        stepLimit = max(Limits.maximumStepsPerCase, 10 * model.steps.count)
    }

    deinit {
        heap.deallocate()
        free.deallocate()
        cases.deallocate()
        counters.deallocate()
        joinCounts.deallocate()
        splitSnapshot.deallocate()
        partStart.deallocate()
        partEnd.deallocate()
        steps.deallocate()
        sources.deallocate()
        candidateGaps.deallocate()
        nodeKinds.deallocate()
        calendars.deinitialize(count: model.calendars.count)
        calendars.deallocate()
        for a in actors.indices { actors[a].queue.deallocate() }
        actors.deallocate()
        arrivalRNGs.deallocate()
        observerBase.deinitialize(count: model.sources.count)
        observerBase.deallocate()
    }

    /// Every source's observer, the procedure's own first.
    var observers: [Observer] { Array(UnsafeBufferPointer(start: observerBase, count: model.sources.count)) }

    /// The first source's observer (the procedure's own, for a single model).
    var observer: Observer {
        _read { yield observerBase[0] }
        nonmutating _modify { yield &observerBase[0] }
    }

    @inline(__always)
    mutating func schedule(_ kind: Event.Kind, at time: Double, slot: Int32 = -1, node: Int32 = -1, started: Double = 0) {
        // The clock guard: a time that is not finite, or lies so long after the latest arrival that no real
        // procedure would still hold the case, stops the run.
        guard time - lastArrival <= maximumSpan, time < clockEnd else {
            if runaway == nil { runaway = Runaway(reason: .clock, node: Int(node), actor: kind == .cadenceTick ? Int(slot) : -1) }
            return
        }
        sequence += 1
        if kind != .outageStart && kind != .outageEnd { progressEvents += 1 }
        heap.insert(Event(time: time, kind: kind, sequence: sequence, slot: slot, node: node, started: started))
    }

    /// Runs until every generated case is done (cases mode) or the horizon is reached.
    mutating func run() -> Observer {
        for k in model.sources.indices { scheduleNextArrival(source: k, after: 0) }
        for (a, actor) in model.actors.enumerated() where actor.meanMinutesUp > 0 {
            schedule(.outageStart, at: rng.exponential(mean: actor.meanMinutesUp), slot: Int32(a))
        }
        while let event = heap.popMin() {
            let time = event.time
            if time > horizon { now = horizon; break }
            now = time
            if event.kind != .outageStart && event.kind != .outageEnd { progressEvents -= 1 }
            switch event.kind {
            case .arrival: modelEvents += 1; arrivalsPending -= 1; arrive(source: Int(event.slot))
            case .serviceDone: modelEvents += 1; serviceDone(event)
            case .delayDone: proceed(slot: event.slot, from: event.node)
            case .cadenceTick: cadenceTick(actor: Int(event.slot))
            case .outageStart: outage(actor: Int(event.slot), starts: true)
            case .outageEnd: outage(actor: Int(event.slot), starts: false)
            }
            if runaway != nil { break }
            if stopsWhenEmpty && arrivalsPending == 0 && arrivalsLeft == 0 && (active == 0 || progressEvents == 0) { break }
        }
        let counters = actors.array.map(\.counters), queueLengths = actors.array.map(\.queue.count)
        for k in model.sources.indices {
            observerBase[k].finish(at: now, from: warmup, active: k == 0 ? active : activeBySource(k),
                                   counters: k == 0 ? counters : nil, queueLengths: queueLengths)
        }
        if model.sources.count > 1 { observerBase[0].result.kpis[figure: .workInProgressAtEnd] = Double(activeBySource(0)) }
        observerBase[0].result.kpis["events"] = Double(modelEvents)
        return observerBase[0]
    }

    /// Cases of one source still in the system (catalogue sites only: slots in use whose source is `k`).
    func activeBySource(_ k: Int) -> Int {
        var inUse = [Bool](repeating: true, count: cases.count)
        for i in free.indices { inUse[Int(free[i])] = false }
        return cases.indices.filter { inUse[$0] && cases[$0].source == k }.count
    }

    // MARK: Arrivals

    /// Schedules source `k`'s next arrival after `t`; a source with no more arrivals schedules none (a
    /// single source then ends the arrivals, as the procedure has no other).
    @inline(__always)
    mutating func scheduleNextArrival(source k: Int, after t: Double) {
        guard arrivalsLeft > 0 else { return }
        let source = sources[k]
        var next: Double
        if source.hasFixedArrivals {
            guard nextFixed[k] < source.fixedCount else { endArrivals(); return }
            next = model.fixedArrivalTimes[source.fixedBase + nextFixed[k]]
            nextFixed[k] += 1
        } else {
            guard source.meanArrivalGap.isFinite else { endArrivals(); return }
            next = t
            let hasProfile = source.hasProfile
            let alwaysOpen = calendars[source.reference].alwaysOpen
            repeat {
                // Thinning: candidates at the peak rate, each kept with probability weight ÷ peak weight.
                let gap = arrivalRNGs[k].exponential(mean: candidateGaps[k])
                next = alwaysOpen ? next + gap : calendars[source.reference].advance(next, by: gap)
            } while next.isFinite && hasProfile && arrivalRNGs[k].uniform() * source.profileMax > weight(at: next, source: k)
        }
        guard next.isFinite, next <= horizon else { endArrivals(); return }
        arrivalsLeft -= 1
        arrivalsPending += 1
        schedule(.arrival, at: next, slot: Int32(k))
    }

    /// A source has no more arrivals: with one source the run's arrivals are over; on a catalogue site
    /// the others go on.
    mutating func endArrivals() {
        if model.sources.count == 1 { arrivalsLeft = 0 }
    }

    func weight(at t: Double, source k: Int) -> Double {
        guard let profile = model.sourceProfiles[k] else { return 1 }
        let day = Int((t / 1440).rounded(.down))
        return profile.weight(date: LocalDate(dayNumber: model.sources[k].startDay + day), minute: Int(t - Double(day) * 1440))
    }

    @inline(__always)
    mutating func arrive(source k: Int) {
        lastArrival = now
        let slot = allocateSlot(source: k)
        let source = sources[k]
        var u = arrivalRNGs[k].uniform(), c = source.channelBase
        let last = source.channelBase + source.channelCount - 1
        while c < last && u >= model.sourceChannelShares[c] { u -= model.sourceChannelShares[c]; c += 1 }
        let deadline = min(c, model.channelDeadline.count - 1)
        cases[Int(slot)].channel = c
        cases[Int(slot)].deadline = model.channelDeadline[deadline]
        cases[Int(slot)].deadlineInCalendarDays = model.channelDeadlineInCalendarDays[deadline]
        active += 1
        scheduleNextArrival(source: k, after: now)
        moveToken(slot: slot, to: source.entry)
    }

    /// A case slot for a new case of source `k`, its counters, parallel blocks and deadline parts reset
    /// (those of other sources are never read for it).
    @inline(__always)
    mutating func allocateSlot(source k: Int) -> Int32 {
        let slot: Int32
        if let s = free.popLast() {
            slot = s
        } else {
            slot = Int32(cases.count)
            cases.append(CaseState())
            counters.append(repeating: 0, count: model.counters)
            joinCounts.append(repeating: 0, count: model.joins)
            splitSnapshot.append(repeating: 0, count: model.joins * 5)
            partStart.append(repeating: -1, count: model.partAgencies.count)
            partEnd.append(repeating: -1, count: model.partAgencies.count)
        }
        let s = Int(slot)
        cases[s] = CaseState(id: nextCaseID, arrival: now, source: k)
        nextCaseID += 1
        let source = sources[k]
        if source.counterCount > 0 {
            let base = s * model.counters + source.counterBase
            for i in 0..<source.counterCount { counters[base + i] = 0 }
        }
        if source.joinCount > 0 {
            let base = s * model.joins + source.joinBase
            for i in 0..<source.joinCount { joinCounts[base + i] = 0 }
        }
        if source.partCount > 0 {
            let base = s * model.partAgencies.count + source.partBase
            for i in 0..<source.partCount { partStart[base + i] = -1; partEnd[base + i] = -1 }
        }
        return slot
    }
}
