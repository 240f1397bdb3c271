import DequeModule
import Histogram
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

/// The discrete-event loop of one replication. Value-typed state, indices instead of references,
/// case slots recycled: nothing is allocated per event once the arrays have grown to the peak number
/// of cases in the system.
struct Engine {
    let model: CompiledModel
    /// Service times, delays and branch choices.
    var rng: Xoshiro256
    /// Arrival times and channels, on their own stream per source: two models run with the same seed see
    /// the same cases arrive (common random numbers for paired comparisons), and a procedure's arrivals
    /// do not change when another joins it on a catalogue site.
    var arrivalRNGs: [Xoshiro256]
    var heap = EventQueue()
    var now = 0.0
    var sequence: UInt64 = 0

    // Case slots: plain values in one array, recycled through `free`.
    var free: [Int32] = []
    var cases: [CaseState] = []
    var counters: [UInt32] = []
    var joinCounts: [UInt32] = []
    /// Per case slot and deadline part: when the dossier reached the agency, and when its last step there
    /// ended (-1: not yet).
    /// Per case slot and parallel block: the case's work, queue, transfer and wait when it split, and when.
    var splitSnapshot: [Double] = []
    var partStart: [Double] = []
    var partEnd: [Double] = []
    // Hot per-actor and per-calendar facts as flat arrays of plain values.
    let servers: [Int]
    let actorCalendar: [Int]
    let gated: [Bool]
    let alwaysOpen: [Bool]

    // Resources.
    var busy: [Int]
    var queues: [Deque<Waiting>]
    var gates: [[Waiting]]
    var tickScheduled: [Bool]
    var actorCounters: [ActorCounters]

    // Arrivals and observation.
    var arrivalsLeft: Int
    /// Sources whose next arrival is in the heap.
    var arrivalsPending = 0
    /// Events in the heap other than outages: when none is left, nothing can move any more.
    var progressEvents = 0
    var nextFixed: [Int]
    var down: [Bool]
    let stopsWhenEmpty: Bool
    var horizon: Double
    var warmup: Double
    var nextCaseID = 0
    /// When the latest case arrived (the clock guard measures from it).
    var lastArrival = 0.0
    var active = 0
    /// Arrivals and service completions: the event count the peer benchmarks use.
    var modelEvents = 0
    /// One per source.
    var observers: [Observer]
    /// The first source's observer (the procedure's own, for a single model).
    var observer: Observer {
        get { observers[0] }
        set { observers[0] = newValue }
    }
    weak var log: (any EventLogSink)?
    /// Whether an event log is written: tested before the weak reference is loaded (on every event).
    let logging: Bool
    /// Set when the run had to stop because it would not end: the node where it was noticed.
    var runaway: Runaway?
    /// Steps one case may enter before it is a runaway: the bound, or ten per step of a very long flow.
    let stepLimit: Int

    init(model: CompiledModel, seed: UInt64, stream: UInt64, cases: Int?, horizon: Double?, warmup: Double,
         log: (any EventLogSink)?) {
        self.model = model
        rng = Xoshiro256(seed: seed, stream: stream)
        arrivalRNGs = model.sources.indices.map { Xoshiro256(seed: seed, stream: stream | 1 << 40 | UInt64($0) << 44) }
        nextFixed = [Int](repeating: 0, count: model.sources.count)
        busy = [Int](repeating: 0, count: model.actors.count)
        servers = model.actors.map { $0.servers ?? -1 }
        actorCalendar = model.actors.map(\.calendar)
        gated = model.actors.map { !$0.cadence.isEmpty || $0.batch > 1 }
        alwaysOpen = model.calendars.map(\.alwaysOpen)
        queues = [Deque<Waiting>](repeating: [], count: model.actors.count)
        gates = [[Waiting]](repeating: [], count: model.actors.count)
        tickScheduled = [Bool](repeating: false, count: model.actors.count)
        actorCounters = [ActorCounters](repeating: ActorCounters(), count: model.actors.count)
        arrivalsLeft = cases ?? .max
        stopsWhenEmpty = cases != nil
        down = [Bool](repeating: false, count: model.actors.count)
        self.horizon = horizon ?? .infinity
        self.warmup = warmup
        observers = model.sources.indices.map { Observer(model: model, source: $0) }
        self.log = log
        logging = log != nil
        log?.begin(activities: model.stepNames, names: model.stepLabels, resources: model.stepActorNames)
        stepLimit = max(Limits.maximumStepsPerCase, 10 * model.steps.count)
    }

    mutating func schedule(_ kind: Event.Kind, at time: Double, slot: Int32 = -1, node: Int32 = -1, started: Double = 0,
                           enabled: Double = 0) {
        // The clock guard: a time that is not finite, or lies so long after the latest arrival that no real
        // procedure would still hold the case, stops the run.
        guard time - lastArrival <= Limits.maximumSimulatedMinutes, time < Limits.absoluteClockMinutes else {
            if runaway == nil { runaway = Runaway(reason: .clock, node: Int(node), actor: kind == .cadenceTick ? Int(slot) : -1) }
            return
        }
        sequence += 1
        if kind != .outageStart && kind != .outageEnd { progressEvents += 1 }
        heap.insert(Event(time: time, kind: kind, sequence: sequence, slot: slot, node: node, started: started, enabled: enabled))
    }

    /// Runs until every generated case is done (cases mode) or the horizon is reached.
    mutating func run() -> Observer {
        for k in model.sources.indices { scheduleNextArrival(source: k, after: 0) }
        for (a, actor) in model.actors.enumerated() where actor.meanMinutesUp > 0 {
            schedule(.outageStart, at: rng.exponential(mean: actor.meanMinutesUp), slot: Int32(a))
        }
        while let event = heap.popMin() {
            if event.time > horizon { now = horizon; break }
            now = event.time
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
        for k in observers.indices {
            observers[k].finish(at: now, from: warmup, active: k == 0 ? active : activeBySource(k),
                                counters: k == 0 ? actorCounters : nil, queueLengths: queues.map(\.count))
        }
        if observers.count > 1 { observers[0].result.kpis[figure: .workInProgressAtEnd] = Double(activeBySource(0)) }
        observer.result.kpis["events"] = Double(modelEvents)
        return observer
    }

    /// Cases of one source still in the system (catalogue sites only: slots in use whose source is `k`).
    func activeBySource(_ k: Int) -> Int {
        var inUse = [Bool](repeating: true, count: cases.count)
        for slot in free { inUse[Int(slot)] = false }
        return cases.indices.filter { inUse[$0] && cases[$0].source == k }.count
    }

    // MARK: Arrivals

    /// Schedules source `k`'s next arrival after `t`; a source with no more arrivals schedules none (a
    /// single source then ends the arrivals, as the procedure has no other).
    mutating func scheduleNextArrival(source k: Int, after t: Double) {
        guard arrivalsLeft > 0 else { return }
        let source = model.sources[k]
        var next: Double
        if source.hasFixedArrivals {
            guard nextFixed[k] < source.fixedCount else { endArrivals(); return }
            next = model.fixedArrivalTimes[source.fixedBase + nextFixed[k]]
            nextFixed[k] += 1
        } else {
            guard source.meanArrivalGap.isFinite else { endArrivals(); return }
            next = t
            let hasProfile = source.hasProfile
            repeat {
                // Thinning: candidates at the peak rate, each kept with probability weight ÷ peak weight.
                let gap = arrivalRNGs[k].exponential(mean: source.meanArrivalGap * source.profileMean / source.profileMax)
                next = alwaysOpen[source.reference] ? next + gap : model.calendars[source.reference].advance(next, by: gap)
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

    /// An online system goes down (no service starts) or comes back (its queue drains).
    mutating func outage(actor a: Int, starts: Bool) {
        let actor = model.actors[a]
        down[a] = starts
        if starts {
            schedule(.outageEnd, at: now + rng.exponential(mean: actor.meanMinutesDown), slot: Int32(a))
        } else {
            schedule(.outageStart, at: now + rng.exponential(mean: actor.meanMinutesUp), slot: Int32(a))
            while let next = queues[a].first, servers[a] < 0 || busy[a] < servers[a] {
                noteQueueChange(actor: a)
                queues[a].removeFirst()
                if servers[a] >= 0 { busy[a] += 1 }
                start(next, actor: a)
            }
        }
    }

    mutating func arrive(source k: Int) {
        lastArrival = now
        let slot = allocateSlot(source: k)
        let source = model.sources[k]
        var u = arrivalRNGs[k].uniform(), c = source.channelBase
        let last = source.channelBase + source.channelCount - 1
        while c < last && u >= model.sourceChannelShares[c] { u -= model.sourceChannelShares[c]; c += 1 }
        cases[Int(slot)].channel = c
        cases[Int(slot)].deadline = model.channelDeadline[min(c, model.channelDeadline.count - 1)]
        cases[Int(slot)].deadlineInCalendarDays = model.channelDeadlineInCalendarDays[min(c, model.channelDeadline.count - 1)]
        active += 1
        scheduleNextArrival(source: k, after: now)
        enter(slot: slot, node: source.entry)
    }

    /// A case slot for a new case of source `k`, its counters, parallel blocks and deadline parts reset
    /// (those of other sources are never read for it).
    mutating func allocateSlot(source k: Int) -> Int32 {
        let slot: Int32
        if let s = free.popLast() {
            slot = s
        } else {
            slot = Int32(cases.count)
            cases.append(CaseState())
            counters.append(contentsOf: repeatElement(0, count: model.counters))
            joinCounts.append(contentsOf: repeatElement(0, count: model.joins))
            splitSnapshot.append(contentsOf: repeatElement(0, count: model.joins * 5))
            partStart.append(contentsOf: repeatElement(-1, count: model.partAgencies.count))
            partEnd.append(contentsOf: repeatElement(-1, count: model.partAgencies.count))
        }
        let s = Int(slot)
        cases[s] = CaseState(id: nextCaseID, arrival: now)
        cases[s].source = k
        nextCaseID += 1
        let source = model.sources[k]
        let base = s * model.counters + source.counterBase
        for i in 0..<source.counterCount { counters[base + i] = 0 }
        let joinBase = s * model.joins + source.joinBase
        for i in 0..<source.joinCount { joinCounts[joinBase + i] = 0 }
        let partBase = s * model.partAgencies.count + source.partBase
        for i in 0..<source.partCount { partStart[partBase + i] = -1; partEnd[partBase + i] = -1 }
        return slot
    }

    // MARK: Flow

    /// A token arrives at `node`: gateways are passed at once, a step asks for its actor.
    mutating func enter(slot: Int32, node start: Int) {
        var node = start
        var gateways = 0
        while true {
            gateways += 1
            // Gateways only, round and round (a model built in code that the validator never saw).
            guard gateways <= stepLimit else {
                if runaway == nil { runaway = Runaway(reason: .loop, node: node, actor: -1) }
                return
            }
            switch model.nodeKinds[node] {
            case .step(let s):
                request(slot: slot, node: node, step: s)
                return
            case .choiceByProbability:
                node = chooseByProbability(slot: slot, node: node)
            case .choiceByChannel:
                let c = cases[Int(slot)].channel
                var target = -1
                for e in model.edgeStart[node]..<model.edgeStart[node + 1] where model.edgeChannel[e] == c {
                    target = model.edgeTarget[e]
                }
                guard target >= 0 else { finishToken(slot: slot); return }
                node = target
            case .parallel(let index):
                // The case's time split so far, and the time, for the join to rescale (below).
                let k = (Int(slot) * model.joins + index) * 5
                let c = cases[Int(slot)]
                splitSnapshot[k] = c.work; splitSnapshot[k + 1] = c.queue; splitSnapshot[k + 2] = c.transfer
                splitSnapshot[k + 3] = c.wait; splitSnapshot[k + 4] = now
                let first = model.edgeStart[node], last = model.edgeStart[node + 1]
                cases[Int(slot)].tokens += last - first - 1
                for e in (first + 1)..<last { enter(slot: slot, node: model.edgeTarget[e]) }
                node = model.edgeTarget[first]
            case .join(let index, let needed):
                let k = Int(slot) * model.joins + index
                joinCounts[k] += 1
                if Int(joinCounts[k]) < needed { cases[Int(slot)].tokens -= 1; return }
                joinCounts[k] = 0
                rescaleParallelSplit(slot: Int(slot), join: index)
                guard model.edgeStart[node] < model.edgeStart[node + 1] else { finishToken(slot: slot); return }
                node = model.edgeTarget[model.edgeStart[node]]
            case .end:
                finishToken(slot: slot)
                return
            }
        }
    }

    mutating func chooseByProbability(slot: Int32, node: Int) -> Int {
        let first = model.edgeStart[node], last = model.edgeStart[node + 1]
        var total = 0.0, open = 0, lastOpen = -1
        for e in first..<last where available(e, slot: slot) {
            total += model.edgeProbability[e]; open += 1; lastOpen = e
        }
        // No branch left (every one capped and used up): the last one, uncounted; the validator refuses
        // such a choice, and the runaway guard stops a model built in code that has one.
        guard lastOpen >= 0 else { return model.edgeTarget[last - 1] }
        var chosen = lastOpen
        if total > 0 {
            var u = rng.uniform() * total
            for e in first..<last where available(e, slot: slot) && model.edgeProbability[e] > 0 {
                if u < model.edgeProbability[e] { chosen = e; break }
                u -= model.edgeProbability[e]
            }
        } else {
            // The branches left all have probability 0: they share it evenly.
            var k = Int(rng.uniform() * Double(open))
            for e in first..<last where available(e, slot: slot) {
                if k == 0 { chosen = e; break }
                k -= 1
            }
        }
        if model.edgeCounter[chosen] >= 0 { counters[Int(slot) * model.counters + model.edgeCounter[chosen]] += 1 }
        if model.edgeDeadline[chosen] >= 0 {
            cases[Int(slot)].deadline = model.edgeDeadline[chosen]
            cases[Int(slot)].deadlineInCalendarDays = model.edgeDeadlineInCalendarDays[chosen]
        }
        return model.edgeTarget[chosen]
    }

    /// At a join, the branches' work, queue, transfer and wait since the split add up to more than the
    /// time the block took (they ran side by side): they are scaled down in proportion so that the
    /// case's split sums to its lead time (docs/simulation.md, "What it reports").
    mutating func rescaleParallelSplit(slot s: Int, join index: Int) {
        let k = (s * model.joins + index) * 5
        let elapsed = now - splitSnapshot[k + 4]
        var c = cases[s]
        let work = c.work - splitSnapshot[k], queue = c.queue - splitSnapshot[k + 1]
        let transfer = c.transfer - splitSnapshot[k + 2], wait = c.wait - splitSnapshot[k + 3]
        let total = work + queue + transfer + wait
        guard total > elapsed, total > 0 else { return }
        let scale = elapsed / total
        c.work = splitSnapshot[k] + work * scale
        c.queue = splitSnapshot[k + 1] + queue * scale
        c.transfer = splitSnapshot[k + 2] + transfer * scale
        c.wait = splitSnapshot[k + 3] + wait * scale
        cases[s] = c
    }

    @inline(__always)
    func available(_ e: Int, slot: Int32) -> Bool {
        let k = model.edgeCounter[e]
        return k < 0 || Int(counters[Int(slot) * model.counters + k]) < model.edgeMax[e]
    }

    /// After a step: on along its single edge (steps have exactly one).
    mutating func proceed(slot: Int32, from node: Int32) {
        let n = Int(node)
        guard model.edgeStart[n] < model.edgeStart[n + 1] else { finishToken(slot: slot); return }
        enter(slot: slot, node: model.edgeTarget[model.edgeStart[n]])
    }

    mutating func finishToken(slot: Int32) {
        let s = Int(slot)
        cases[s].tokens -= 1
        guard cases[s].tokens <= 0 else { return }
        active -= 1
        if logging { log?.caseFinished(cases[s].id) }
        if cases[s].arrival >= warmup {
            let k = cases[s].source
            let parts = model.sources[k].partCount
            if parts == 0 {
                observers[k].complete(cases[s], at: now)
            } else {
                let from = s * model.partAgencies.count + model.sources[k].partBase, to = from + parts
                observers[k].complete(cases[s], at: now, partStart: partStart[from..<to], partEnd: partEnd[from..<to])
            }
        }
        free.append(slot)
    }

    // MARK: Resources

    mutating func request(slot: Int32, node: Int, step s: Int) {
        let step = model.steps[s]
        let a = step.actor
        cases[Int(slot)].steps += 1
        guard cases[Int(slot)].steps <= stepLimit else {
            if runaway == nil { runaway = Runaway(reason: .loop, node: node, actor: a) }
            return
        }
        if step.part >= 0 {
            let k = Int(slot) * model.partAgencies.count + step.part
            if partStart[k] < 0 { partStart[k] = now }
        }
        if step.isAgency {
            // A channel without a receipt step: the clock starts when the dossier reaches the state's
            // actors from the applicant's side (and restarts when it comes back supplemented).
            let c = Int(slot)
            if cases[c].withApplicant && cases[c].resultAt < 0
                && !model.channelHasClockStart[min(cases[c].channel, model.channelHasClockStart.count - 1)] {
                cases[c].receipt = now
                cases[c].excluded = 0
            }
            cases[c].withApplicant = false
        }
        if gated[a] {
            gates[a].append(Waiting(slot: slot, node: Int32(node), since: now))
            if model.actors[a].cadence.isEmpty {
                if gates[a].count >= model.actors[a].batch {
                    releaseGate(actor: a)
                } else if !tickScheduled[a] {
                    // A batch that does not fill is worked at the end of the working day.
                    tickScheduled[a] = true
                    schedule(.cadenceTick, at: model.calendars[actorCalendar[a]].endOfWorkingDay(now), slot: Int32(a))
                }
            } else if !tickScheduled[a] {
                scheduleTick(actor: a)
            }
            return
        }
        admit(Waiting(slot: slot, node: Int32(node), since: now), actor: a)
    }

    mutating func admit(_ w: Waiting, actor a: Int) {
        let servers = self.servers[a]
        if down[a] {
            noteQueueChange(actor: a)
            queues[a].append(w)
            actorCounters[a].queueMax = max(actorCounters[a].queueMax, queues[a].count)
        } else if servers >= 0 {
            if busy[a] < servers {
                busy[a] += 1
                start(w, actor: a)
            } else {
                noteQueueChange(actor: a)
                queues[a].append(w)
                actorCounters[a].queueMax = max(actorCounters[a].queueMax, queues[a].count)
            }
        } else {
            start(w, actor: a)
        }
    }

    /// The queue's area (length × time) since the last change, counted after the warm-up only.
    mutating func noteQueueChange(actor a: Int) {
        let from = max(actorCounters[a].lastChange, warmup)
        if now > from { actorCounters[a].queueArea += Double(queues[a].count) * (now - from) }
        actorCounters[a].lastChange = now
    }

    /// A case's step gets its actor: its work is drawn and scheduled. The wait for the actor runs from the
    /// request until work really begins (the next opening, when the actor is closed), so the event log's
    /// enabled → start gap is the actor's queue figure; closed hours during the work are `wait`.
    mutating func start(_ w: Waiting, actor a: Int) {
        let s = Int(w.slot)
        guard case .step(let stepIndex) = model.nodeKinds[Int(w.node)] else { return }
        let step = model.steps[stepIndex]
        let c = actorCalendar[a]
        var minutes = 0.0, finish = now
        if let work = step.work {
            let x = max(0, rng.sample(work, tables: model.tables))
            if step.workInDays && !alwaysOpen[c] {
                // Working days count whole days of this actor's own calendar, however long each is.
                finish = model.calendars[c].advance(now, workingDays: x)
                minutes = model.calendars[c].openMinutes(from: now, to: finish)
            } else {
                minutes = x * step.workScale
                finish = alwaysOpen[c] ? now + minutes : model.calendars[c].advance(now, by: minutes)
            }
        }
        let opens = alwaysOpen[c] ? now : model.calendars[c].nextOpen(now)
        let begins = opens.isFinite ? min(opens, finish) : now
        let waited = begins - w.since
        // One access to the case and one to the actor's counters (each indexed write checks its array).
        let counted = Self.charge(&cases[s], step: step, waited: waited, minutes: minutes, wait: max(0, finish - begins - minutes),
                                  warmup: warmup)
        // Per-actor figures leave out the warm-up: its cases' waits and the work done before it ends.
        Self.count(&actorCounters[a], waited: waited, minutes: minutes, counted: counted, busy: now >= warmup)
        schedule(.serviceDone, at: finish, slot: w.slot, node: w.node, started: begins, enabled: w.since)
    }

    /// A step's times added to its case; whether the case counts (it arrived after the warm-up).
    @inline(__always)
    static func charge(_ c: inout CaseState, step: CompiledModel.Step, waited: Double, minutes: Double, wait: Double,
                       warmup: Double) -> Bool {
        c.queue += waited
        switch step.category {
        case .work: c.work += minutes
        case .transfer: c.transfer += minutes
        case .wait: c.wait += minutes
        }
        c.wait += wait
        if step.isApplicant { c.applicantMinutes += minutes }
        if step.isTravel { c.visits += 1 }
        return c.arrival >= warmup
    }

    @inline(__always)
    static func count(_ k: inout ActorCounters, waited: Double, minutes: Double, counted: Bool, busy: Bool) {
        if counted {
            k.waitTotal += waited
            k.waitMax = max(k.waitMax, waited)
            k.served += 1
        }
        if busy { k.busyMinutes += minutes }
    }

    mutating func serviceDone(_ event: Event) {
        guard case .step(let stepIndex) = model.nodeKinds[Int(event.node)] else { return }
        let step = model.steps[stepIndex]
        let a = step.actor
        if logging {
            log?.record(caseID: cases[Int(event.slot)].id, step: stepIndex, kind: .work, enabled: event.enabled,
                        start: event.started, end: now)
        }
        if servers[a] >= 0 {
            if !down[a], let next = queues[a].first {
                noteQueueChange(actor: a)
                queues[a].removeFirst()
                start(next, actor: a)
            } else {
                busy[a] -= 1
            }
        }
        let s = Int(event.slot)
        switch step.clock {
        case .start:
            // The complete dossier is received: the clock starts, or restarts from zero. Once the result
            // exists, a later reception (the desk receiving the result back) no longer moves the clock.
            if cases[s].resultAt < 0 {
                cases[s].receipt = now
                cases[s].excluded = 0
            }
            cases[s].withApplicant = false
        case .excluded, .counted:
            if step.isApplicantSide { cases[s].withApplicant = true }
        }
        var end = now
        if let delay = step.delay {
            let x = max(0, rng.sample(delay, tables: model.tables))
            let reference = model.calendars[step.reference]
            end = !step.delayOnReference ? now + x * step.delayScale
                : (reference.alwaysOpen ? now + x * step.delayScale : reference.advance(now, workingDays: x))
            if step.delayCategory == .transfer { cases[s].transfer += end - now } else { cases[s].wait += end - now }
            if logging { log?.record(caseID: cases[s].id, step: stepIndex, kind: .delay, enabled: now, start: now, end: end) }
        }
        // The result is ready when the step that produces it ends, its delay (the processing it stands
        // for, e.g. the days an office takes to issue a card) included.
        // Excluded time counts up to the result, the producing step's own time included.
        if step.clock == .excluded && cases[s].receipt >= 0 && cases[s].resultAt < 0 {
            cases[s].excluded += model.calendars[step.reference].openMinutes(from: event.started, to: end)
        }
        if step.producesResult && cases[s].resultAt < 0 { cases[s].resultAt = end }
        if step.part >= 0 {
            let k = s * model.partAgencies.count + step.part
            partEnd[k] = max(partEnd[k], end)
        }
        if step.delay != nil {
            schedule(.delayDone, at: end, slot: event.slot, node: event.node)
        } else {
            proceed(slot: event.slot, from: event.node)
        }
    }

    // MARK: Signing cadence and batches

    mutating func scheduleTick(actor a: Int) {
        let actor = model.actors[a]
        let calendar = model.calendars[actor.calendar]
        var day = Int((now / 1440).rounded(.down))
        for _ in 0..<3650 {
            let weekday = ((day + calendar.firstWeekday) % 7 + 7) % 7
            if calendar.isWorkingDay(day) && (actor.cadenceDays.isEmpty || actor.cadenceDays.contains(weekday)) {
                for minute in actor.cadence where Double(day) * 1440 + minute >= now {
                    tickScheduled[a] = true
                    schedule(.cadenceTick, at: Double(day) * 1440 + minute, slot: Int32(a))
                    return
                }
            }
            day += 1
        }
    }

    mutating func cadenceTick(actor a: Int) {
        tickScheduled[a] = false
        releaseGate(actor: a)
    }

    mutating func releaseGate(actor a: Int) {
        let waiting = gates[a]
        gates[a].removeAll(keepingCapacity: true)
        for w in waiting { admit(w, actor: a) }
    }
}
