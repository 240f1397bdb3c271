import ProcmodModel

/// A procedure flattened into arrays of indices for the event loop: no strings, no dictionaries.
struct CompiledModel: Sendable {
    enum NodeKind: Sendable {
        case step(Int)
        case choiceByProbability
        case choiceByChannel
        /// A parallel split, with the index its join uses.
        case parallel(index: Int)
        case join(index: Int, needed: Int)
        case end
    }

    struct Step: Sendable {
        var actor: Int
        var work: Sampler?
        /// Minutes per unit of the work distribution (working-days use the actor's daily open minutes).
        var workScale: Double
        /// Work in `working-days`: advanced day by day on the actor's calendar, not by mean open minutes.
        var workInDays: Bool
        var delay: Sampler?
        var delayScale: Double
        /// A `working-days` delay advances day by day on the reference calendar.
        var delayOnReference: Bool
        /// The step's role on the statutory clock.
        var clock: ClockRole
        /// Performed by one of the state's actors (desk, office, official, signer, agency).
        var isAgency: Bool
        /// Performed by the applicant or a third party: the dossier is on the applicant's side.
        var isApplicantSide: Bool
        /// The index of the deadline part of the actor's agency (-1: none).
        var part: Int
        var category: TimeCategory
        var delayCategory: TimeCategory
        var isTravel: Bool
        /// The applicant does the step or takes part in it: its time counts as applicant hours.
        var isApplicant: Bool
        var isReceive: Bool
        var producesResult: Bool
        /// The reference calendar of the step's procedure (delays in working days, excluded time).
        var reference = 0
    }

    /// Where cases of one procedure come from, and the slices of the flat arrays that are theirs. A
    /// procedure on its own has one source; a catalogue site has one per procedure. Plain values only,
    /// so reading a source in the event loop retains nothing.
    struct Source: Sendable {
        /// The flow node the procedure's cases enter at.
        var entry: Int
        /// The procedure's reference calendar (arrivals, working days of lead times).
        var reference: Int
        var meanArrivalGap: Double
        var hasProfile: Bool
        var profileMean: Double
        var profileMax: Double
        var hasFixedArrivals: Bool
        /// Its fixed arrivals are `fixedArrivalTimes[fixedBase ..< fixedBase + fixedCount]`.
        var fixedBase: Int, fixedCount: Int
        var startDay: Int
        /// A case's channel index is `channelBase` plus the one drawn from
        /// `sourceChannelShares[channelBase ..< channelBase + channelCount]`.
        var channelBase: Int, channelCount: Int
        /// The procedure's loop counters, parallel blocks and deadline parts: first index and count.
        var counterBase: Int, counterCount: Int
        var joinBase: Int, joinCount: Int
        var partBase: Int, partCount: Int
    }

    /// Per source, its arrival profile (nil: even).
    var sourceProfiles: [ArrivalProfile?] = []
    /// Every source's fixed arrivals, one after the other (see ``Source``).
    var fixedArrivalTimes: [Double] = []
    /// Every source's channel shares, at the source's channel indices.
    var sourceChannelShares: [Double] = []

    struct Actor: Sendable {
        /// nil when unlimited.
        var servers: Int?
        var calendar: Int
        /// Minutes of the day at which a cadence signer signs, and the weekdays (0 = Monday).
        var cadence: [Double]
        var cadenceDays: Set<Int>
        var batch: Int
        var id: String
        /// Online systems: mean minutes between failures and to repair (0 when always up).
        var meanMinutesUp: Double
        var meanMinutesDown: Double
    }

    var nodeKinds: [NodeKind]
    /// Edges of node i are `edgeStart[i] ..< edgeStart[i + 1]`.
    var edgeStart: [Int]
    var edgeTarget: [Int]
    var edgeProbability: [Double]
    var edgeChannel: [Int]
    /// Index of the edge's loop counter, or -1 when the edge has no cap.
    var edgeCounter: [Int]
    var edgeMax: [Int]
    var steps: [Step]
    /// Step and actor ids for the event log, by step index.
    var stepNames: [String]
    /// Step names (Vietnamese, else English, else the id), by step index.
    var stepLabels: [String]
    var stepActorNames: [String]
    /// Empirical distributions' values and cumulative weights, indexed by `Sampler.table`.
    var tables: [(values: [Double], cumulative: [Double])]
    var actors: [Actor]
    var calendars: [CalendarTimeline]
    var reference: Int
    var channelShares: [Double]
    var counters: Int
    var joins: Int
    /// The statutory deadline of each channel's cases in working days (-1: none); a branch may change it.
    var channelDeadline: [Double]
    /// The clock that counts each channel's deadline (its calendar and cut-off).
    var channelClock: [StatutoryClock]
    /// Whether each channel's cases pass a step whose clock role is `start`.
    var channelHasClockStart: [Bool]
    /// Agencies with their own part of the deadline, and their working days.
    var partAgencies: [String]
    var partDeadlines: [Double]
    var partDeadlineInCalendarDays: [Bool]
    /// Whether each channel's deadline, and each edge's, counts calendar days.
    var channelDeadlineInCalendarDays: [Bool]
    var edgeDeadlineInCalendarDays: [Bool]
    /// The deadline a case gets by taking the edge, in working days (-1: unchanged).
    var edgeDeadline: [Double]
    var perSiteVolume: Double

    /// Compiles `p`; `statutory` (default `p`) gives the calendars the statutory clock counts on: a site
    /// that opens on Saturday mornings does not make Saturday a legal working day.
    init(_ p: Procedure, start: LocalDate, statutory: Procedure? = nil) {
        var calendarIndex: [String: Int] = [:]
        var calendars: [CalendarTimeline] = []
        func calendar(_ id: String) -> Int {
            if let i = calendarIndex[id] { return i }
            calendars.append(CalendarTimeline(p.calendar(id), start: start))
            calendarIndex[id] = calendars.count - 1
            return calendars.count - 1
        }
        let referenceID = p.referenceCalendarID
        let referenceIndex = calendar(referenceID)
        var actorIndex: [String: Int] = [:]
        let actorList = p.actors.values.enumerated().map { i, a in
            actorIndex[a.id] = i
            let days = Set((a.cadence?.days ?? []).compactMap { Weekday.allCases.firstIndex(of: $0) })
            return Actor(servers: a.capacity.servers, calendar: calendar(a.calendar),
                         cadence: (a.cadence?.times ?? []).map { Double($0.minutes) }.sorted(), cadenceDays: days,
                         batch: a.batchSize ?? 1, id: a.id,
                         meanMinutesUp: (a.availability?.meanHoursBetweenFailures ?? 0) * 60,
                         meanMinutesDown: (a.availability?.meanHoursToRepair ?? 0) * 60)
        }
        var channelIndex: [String: Int] = [:]
        for (i, id) in p.channels.keys.enumerated() { channelIndex[id] = i }
        channelShares = p.channels.values.map(\.share)
        var kinds: [NodeKind] = [], starts: [Int] = [], targets: [Int] = [], probabilities: [Double] = []
        var channels: [Int] = [], counterOf: [Int] = [], maxima: [Int] = [], steps: [Step] = []
        var names: [String] = [], labels: [String] = [], actorNames: [String] = [], tables: [(values: [Double], cumulative: [Double])] = []
        func sampler(_ d: Distribution?) -> Sampler? {
            guard let d else { return nil }
            if case .empirical(let values, let weights) = d {
                var total = 0.0
                tables.append((values, weights.map { total += $0; return total }))
            }
            return Sampler(d, table: tables.count - 1)
        }
        let parts = p.deadline?.parts ?? []
        var counters = 0, joins = 0
        var edgeDeadlines: [Double] = [], edgeDeadlineDays: [Bool] = []
        var joinIndex: [Int: Int] = [:]
        for (i, node) in p.flow.nodes.enumerated() {
            if case .parallel = node.kind { joinIndex[i] = joins; joins += 1 }
        }
        for node in p.flow.nodes {
            starts.append(targets.count)
            for edge in node.edges {
                targets.append(edge.target)
                probabilities.append(edge.probability ?? 1)
                channels.append(edge.channel.flatMap { channelIndex[$0] } ?? -1)
                edgeDeadlines.append(edge.deadlineWorkingDays ?? edge.deadlineCalendarDays ?? -1)
                edgeDeadlineDays.append(edge.deadlineWorkingDays == nil && edge.deadlineCalendarDays != nil)
                if let m = edge.maxCount { counterOf.append(counters); counters += 1; maxima.append(min(max(m, 0), Int(UInt32.max))) } else {
                    counterOf.append(-1); maxima.append(0)
                }
            }
            switch node.kind {
            case .step(let s):
                let actor = actorIndex[s.actor] ?? 0
                let actorCalendar = calendars[actorList[actor].calendar]
                let referenceCalendar = calendars[referenceIndex]
                func scale(_ unit: TimeUnit, onActor: Bool) -> Double {
                    switch unit {
                    case .minutes: 1
                    case .hours: 60
                    case .workingDays: onActor ? actorCalendar.dailyMinutes : referenceCalendar.dailyMinutes
                    case .calendarDays: 1440
                    }
                }
                let kind = p.actors[s.actor]?.kind
                steps.append(Step(
                    actor: actor, work: sampler(s.work?.distribution), workScale: s.work.map { scale($0.unit, onActor: true) } ?? 0,
                    workInDays: s.work?.unit == .workingDays,
                    delay: sampler(s.delay?.distribution), delayScale: s.delay.map { scale($0.unit, onActor: false) } ?? 0,
                    delayOnReference: s.delay?.unit == .workingDays, clock: p.clockRole(of: s),
                    isAgency: kind.map(agencyActorKinds.contains) ?? false,
                    isApplicantSide: kind == .applicant || kind == .thirdParty,
                    part: p.actors[s.actor]?.agency.flatMap { agency in parts.firstIndex { $0.agency == agency } } ?? -1,
                    category: p.timeCategories(of: s).work, delayCategory: p.timeCategories(of: s).delay,
                    isTravel: s.kind == .travel && kind == .applicant,
                    // The applicant's time counts whether it does the step or takes part in it (with=).
                    isApplicant: kind == .applicant || s.coActors.contains { p.actors[$0]?.kind == .applicant },
                    isReceive: s.kind == .receive, producesResult: s.produces.contains { $0.document == p.result },
                    reference: referenceIndex))
                names.append(s.id)
                labels.append(s.name.text(.vi, fallback: s.id))
                actorNames.append(s.actor)
                kinds.append(.step(steps.count - 1))
            case .choice(.probability): kinds.append(.choiceByProbability)
            case .choice(.channel): kinds.append(.choiceByChannel)
            case .parallel: kinds.append(.parallel(index: joinIndex[kinds.count] ?? 0))
            case .join(let split):
                kinds.append(.join(index: joinIndex[split] ?? 0, needed: split >= 0 ? p.flow.nodes[split].edges.count : 1))
            case .end: kinds.append(.end)
            }
        }
        starts.append(targets.count)
        nodeKinds = kinds; edgeStart = starts; edgeTarget = targets; edgeProbability = probabilities
        edgeChannel = channels; edgeDeadline = edgeDeadlines; edgeDeadlineInCalendarDays = edgeDeadlineDays; edgeCounter = counterOf; edgeMax = maxima; self.steps = steps
        stepNames = names; stepLabels = labels; stepActorNames = actorNames; self.tables = tables
        self.counters = counters; self.joins = joins; self.calendars = calendars
        reference = referenceIndex
        actors = actorList
        // Per channel: its deadline (or the procedure's), the clock that counts it, and how it starts.
        var clocks: [StatutoryClock] = [], deadlines: [Double] = [], inDays: [Bool] = [], hasStart: [Bool] = []
        for id in p.channels.keys.isEmpty ? [nil] : p.channels.keys.map(Optional.some) {
            let deadline = p.deadline(for: id)
            deadlines.append(deadline?.workingDays ?? -1)
            inDays.append(deadline?.calendarDays ?? false)
            let legal = statutory ?? p
            let clockCalendar = CalendarTimeline(legal.calendar(deadline?.calendar ?? legal.referenceCalendarID), start: start)
            clocks.append(StatutoryClock(calendar: clockCalendar, cutOff: deadline?.cutOff.map { Double($0.minutes) }))
            hasStart.append(p.hasClockStart(channel: id))
        }
        self.calendars = calendars
        channelDeadline = deadlines
        channelDeadlineInCalendarDays = inDays
        partAgencies = parts.map(\.agency)
        partDeadlines = parts.map(\.workingDays)
        partDeadlineInCalendarDays = parts.map(\.calendarDays)
        channelClock = clocks
        channelHasClockStart = hasStart
        perSiteVolume = p.volume.perSite
        let arrivalCalendar = calendars[referenceIndex]
        // The open minutes of the simulated year itself, holidays and extra working days included, so the
        // year receives `<volume per-year>` cases whatever its holidays.
        let openMinutesPerYear = arrivalCalendar.openMinutes(from: 0, to: 365 * 1440) * (365.25 / 365)
        meanArrivalGap = perSiteVolume > 0 && openMinutesPerYear > 0 ? openMinutesPerYear / perSiteVolume : .infinity
        startDay = start.dayNumber
        profile = p.arrivals.flatMap { $0.fixed.isEmpty ? $0 : nil }
        let listed = (p.arrivals?.fixed ?? []).map { Double(($0.date.dayNumber - start.dayNumber) * 1440 + $0.time.minutes) }
        hasFixedArrivals = !listed.isEmpty
        fixedArrivals = listed.filter { $0 >= 0 }
        fixedArrivalsBeforeStart = listed.count - fixedArrivals.count
        if let profile {
            // The mean weight over a year of the arrival calendar's open time, in 5-minute steps, so that
            // the annual volume is kept whatever the weights.
            var total = 0.0, count = 0.0, maximum = 0.0
            for day in 0..<365 {
                let date = LocalDate(dayNumber: start.dayNumber + day)
                for interval in arrivalCalendar.dayIntervals(day) {
                    var minute = interval.start
                    while minute < interval.end {
                        let w = profile.weight(date: date, minute: Int(minute))
                        total += w; count += 1; maximum = max(maximum, w)
                        minute += 5
                    }
                }
            }
            profileMean = count > 0 ? total / count : 1
            profileMax = maximum
        } else {
            profileMean = 1
            profileMax = 1
        }
        sources = [Source(entry: 0, reference: referenceIndex, meanArrivalGap: meanArrivalGap, hasProfile: profile != nil,
                          profileMean: profileMean, profileMax: profileMax, hasFixedArrivals: hasFixedArrivals,
                          fixedBase: 0, fixedCount: fixedArrivals.count, startDay: startDay, channelBase: 0,
                          channelCount: channelShares.count, counterBase: 0, counterCount: counters, joinBase: 0, joinCount: joins,
                          partBase: 0, partCount: parts.count)]
        sourceProfiles = [profile]
        fixedArrivalTimes = fixedArrivals
        // Aligned with the channel deadlines (one entry even for a procedure without channels).
        sourceChannelShares = channelShares + Array(repeating: 0, count: max(0, channelDeadline.count - channelShares.count))
    }

    /// The procedures of the model, each with its arrivals (one for a single procedure).
    var sources: [Source] = []

    /// Day number of day 0.
    var startDay: Int
    /// Arrival weights by month, weekday and hour (nil: even).
    var profile: ArrivalProfile?
    var profileMean: Double
    var profileMax: Double
    /// Fixed arrival times in minutes, in order, those before day 0 left out.
    var fixedArrivals: [Double]
    /// True when the procedure lists fixed arrivals (even if all fall before day 0): no Poisson arrivals then.
    var hasFixedArrivals: Bool
    /// How many listed arrivals fall before day 0 and are not simulated.
    var fixedArrivalsBeforeStart: Int

    /// Mean open minutes of the arrival (reference) calendar between arrivals at one site.
    var meanArrivalGap: Double
}
