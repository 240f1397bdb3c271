import Histogram
import ProcmodModel

/// Collects one replication's statistics as cases finish: running sums and streaming histograms, so
/// memory stays flat however many cases run.
struct Observer {
    let model: CompiledModel
    var completed = 0
    var early = 0, onTime = 0, late = 0
    var withDeadline = 0
    /// Working days counted on the statutory clock, summed over cases with a deadline.
    var sumStatutory = 0.0
    // Running sums over completed cases (fixed fields: no hashing in the hot path).
    var sumWorking = 0.0, sumCalendar = 0.0, sumWork = 0.0, sumQueue = 0.0, sumTransfer = 0.0, sumWait = 0.0
    var sumVisits = 0.0, sumApplicantHours = 0.0
    let reference: CalendarTimeline
    /// The largest lead time the counts are sized for up front, in thousandths of a day (1,000 days, or 20 on
    /// a catalogue site, where thousands of procedures each keep their own); longer ones still fit, by growing.
    let highest: UInt64
    // Lead times in thousandths of a day.
    var leadWorking: LeadTimeCounts
    var leadCalendar: LeadTimeCounts
    var result = ReplicationResult()
    /// When set, every case's lead time is kept (for charts of one replication; off in normal runs).
    var keepLeadTimes = false
    var leadTimes: [Double] = []

    /// The source (procedure) whose cases this observer counts, and its first deadline part.
    let source: Int
    let partBase: Int

    init(model: CompiledModel, source: Int = 0) {
        self.model = model
        self.source = source
        partBase = model.sources.isEmpty ? 0 : model.sources[source].partBase
        reference = model.calendars[model.sources.isEmpty ? model.reference : model.sources[source].reference]
        highest = model.sources.count > 1 ? 20_000 : 1_000_000
        leadWorking = LeadTimeCounts(highest: highest)
        // On an always-open reference calendar the working-day counts serve for both (see `complete`): the
        // calendar-day counts are never written, so they get the smallest buffer (a catalogue site has
        // thousands of observers).
        leadCalendar = LeadTimeCounts(highest: reference.alwaysOpen ? 1 : highest)
    }

    /// Per deadline part: cases that reached the agency, those it settled early or on time, and the
    /// working days its part took on the clock.
    var partCases: [Int] = [], partOnTime: [Int] = [], partDays: [Double] = []

    /// Counts a finished case's deadline parts (each agency's own clock), then the case itself.
    mutating func complete(_ c: UnsafePointer<CaseState>, at end: Double, partStart: UnsafeBufferPointer<Double>,
                           partEnd: UnsafeBufferPointer<Double>) {
        if partCases.isEmpty && !partStart.isEmpty {
            partCases = Array(repeating: 0, count: partStart.count)
            partOnTime = partCases
            partDays = Array(repeating: 0, count: partStart.count)
        }
        for (k, (from, to)) in zip(partStart, partEnd).enumerated() where from >= 0 && to >= from {
            // Each agency's own clock: from the dossier reaching it to its last step there.
            let clock = model.channelClock[min(c.pointee.channel, model.channelClock.count - 1)]
            partCases[k] += 1
            if clock.timeliness(receivedAt: from, resultAt: to, workingDays: model.partDeadlines[partBase + k],
                                calendarDays: model.partDeadlineInCalendarDays[partBase + k]) != .late { partOnTime[k] += 1 }
            partDays[k] += clock.countedWorkingDays(receivedAt: from, resultAt: to, excludedMinutes: 0)
        }
        complete(c, at: end)
    }

    /// Counts a finished case: its lead time, its split, and its deadline on the statutory clock. The case is
    /// read where it lies in the engine's buffer (passing it by value copied its 88 bytes per case).
    mutating func complete(_ c: UnsafePointer<CaseState>, at end: Double) {
        let start = c.pointee.arrival
        let calendarDays = (end - start) / 1440
        // On an always-open reference calendar the two lead times are one number (one histogram counts both).
        let workingDays = reference.alwaysOpen ? calendarDays
            : (reference.dailyMinutes > 0 ? reference.openMinutes(from: start, to: end) / reference.dailyMinutes : 0)
        completed += 1
        sumWorking += workingDays
        sumCalendar += calendarDays
        sumWork += c.pointee.work / 1440
        sumQueue += c.pointee.queue / 1440
        sumTransfer += c.pointee.transfer / 1440
        sumWait += c.pointee.wait / 1440
        sumVisits += c.pointee.visits
        sumApplicantHours += c.pointee.applicantMinutes / 60
        leadWorking.record(Self.thousandths(workingDays))
        if keepLeadTimes { leadTimes.append(workingDays) }
        if !reference.alwaysOpen { leadCalendar.record(Self.thousandths(calendarDays)) }
        if c.pointee.deadline >= 0 {
            // The statutory clock (ProcmodModel's StatutoryClock): from the complete dossier's receipt to
            // the result, on the channel's calendar and cut-off, excluded time left out.
            withDeadline += 1
            let clock = model.channelClock[min(c.pointee.channel, model.channelClock.count - 1)]
            let received = c.pointee.receipt >= 0 ? c.pointee.receipt : start
            let done = c.pointee.resultAt >= 0 ? c.pointee.resultAt : end
            switch clock.timeliness(receivedAt: received, resultAt: done, workingDays: c.pointee.deadline,
                                    excludedMinutes: c.pointee.excluded, calendarDays: c.pointee.deadlineInCalendarDays) {
            case .early: early += 1
            case .onTime: onTime += 1
            case .late: late += 1
            }
            sumStatutory += clock.countedWorkingDays(receivedAt: received, resultAt: done, excludedMinutes: c.pointee.excluded)
        }
    }

    /// `days` in thousandths, rounded half away from zero: `(days * 1000).rounded()` without the libm call.
    /// For 0 ≤ x < 2⁵², x − trunc(x) is exact, so the result is the same for every input.
    @inline(__always)
    static func thousandths(_ days: Double) -> UInt64 {
        let x = days * 1000
        guard x >= 0 && x < 4_503_599_627_370_496 else { return UInt64(max(0, x.rounded())) }
        // Through Int64: one machine conversion each way (x is below 2⁵²).
        let whole = Int64(x)
        // The half-up step as an addition of 0 or 1, not a branch (its direction is a coin toss per case).
        return UInt64(whole &+ Int64(Int8((x - Double(whole) >= 0.5) ? 1 : 0)))
    }

    /// The run's figures. Per-actor figures cover the time after the warm-up (`from`) only.
    /// Per-actor figures are computed when `counters` are given (by the first source's observer).
    mutating func finish(at end: Double, from warmup: Double, active: Int, counters: [ActorCounters]?, queueLengths: [Int]) {
        var k: [String: Double] = [:]
        let n = Double(max(completed, 1))
        let sums: [(Figure, Double)] = [(.leadTimeWorkingDays, sumWorking), (.leadTimeCalendarDays, sumCalendar), (.workDays, sumWork),
                                        (.queueDays, sumQueue), (.transferDays, sumTransfer), (.waitDays, sumWait),
                                        (.applicantVisits, sumVisits), (.applicantHours, sumApplicantHours)]
        for (figure, value) in sums { k[figure: figure] = value / n }
        k[figure: .cases] = Double(completed)
        let leadWorking = leadWorking.histogram(highestTrackableValue: highest)
        let leadCalendar = reference.alwaysOpen ? leadWorking : leadCalendar.histogram(highestTrackableValue: highest)
        k[figure: .leadTimeWorkingDaysP50] = Double(leadWorking.valueAtPercentile(50)) / 1000
        k[figure: .leadTimeWorkingDaysP90] = Double(leadWorking.valueAtPercentile(90)) / 1000
        k[figure: .leadTimeWorkingDaysP95] = Double(leadWorking.valueAtPercentile(95)) / 1000
        k[figure: .leadTimeCalendarDaysP50] = Double(leadCalendar.valueAtPercentile(50)) / 1000
        k[figure: .leadTimeCalendarDaysP90] = Double(leadCalendar.valueAtPercentile(90)) / 1000
        k[figure: .leadTimeCalendarDaysP95] = Double(leadCalendar.valueAtPercentile(95)) / 1000
        if withDeadline > 0 {
            let n = Double(withDeadline)
            k[figure: .onTimeShare] = Double(early + onTime) / n
            k[figure: .earlyShare] = Double(early) / n
            k[figure: .lateShare] = Double(late) / n
            k[figure: .statutoryWorkingDays] = sumStatutory / n
        }
        k[figure: .throughputPerYear] = end > 0 ? Double(completed) / (end / (weeksPerYear * 7 * 1440)) : 0
        k[figure: .workInProgressAtEnd] = Double(active)
        k[figure: .simulatedDays] = end / 1440
        for i in partCases.indices where partCases[i] > 0 {
            let agency = model.partAgencies[partBase + i]
            k["part.\(agency).onTimeShare"] = Double(partOnTime[i]) / Double(partCases[i])
            k["part.\(agency).workingDays"] = partDays[i] / Double(partCases[i])
        }
        var actors: [String: [String: Double]] = [:]
        // Open minutes per calendar, computed once (a catalogue site has thousands of actors on a few calendars).
        var openByCalendar: [Int: Double] = [:]
        for (a, actor) in model.actors.enumerated() {
            guard let counters else { break }
            let c = counters[a]
            var m: [String: Double] = [:]
            m[figure: .served] = Double(c.served)
            m[figure: .meanWaitMinutes] = c.served > 0 ? c.waitTotal / Double(c.served) : 0
            m[figure: .maxWaitMinutes] = c.waitMax
            if let servers = actor.servers {
                let from = min(warmup, end)
                let open = openByCalendar[actor.calendar] ?? model.calendars[actor.calendar].openMinutes(from: from, to: end)
                openByCalendar[actor.calendar] = open
                m[figure: .utilisation] = open > 0 ? c.busyMinutes / (Double(servers) * open) : 0
                let area = c.queueArea + Double(queueLengths[a]) * (end - max(c.lastChange, from))
                m[figure: .meanQueueLength] = end > from ? area / (end - from) : 0
                m[figure: .maxQueueLength] = Double(c.queueMax)
            }
            actors[actor.id] = m
        }
        result = ReplicationResult(kpis: k, actors: actors)
    }
}

/// The figures of one replication.
public struct ReplicationResult: Sendable, Codable, Hashable {
    /// Case-level means and percentiles, and run-level figures, by name.
    public var kpis: [String: Double] = [:]
    /// Per actor id: utilisation, queue lengths, waits.
    public var actors: [String: [String: Double]] = [:]
}
