import Histogram
import ProcmodModel

/// Collects one replication's statistics as cases finish: running sums and streaming histograms, so
/// memory stays flat however many cases run.
struct Observer {
    let model: CompiledModel
    var completed = 0
    var onTime = 0
    var withDeadline = 0
    // Running sums over completed cases (fixed fields: no hashing in the hot path).
    var sumWorking = 0.0, sumCalendar = 0.0, sumWork = 0.0, sumQueue = 0.0, sumTransfer = 0.0, sumWait = 0.0
    var sumVisits = 0.0, sumApplicantHours = 0.0
    let reference: SimulationCalendar
    // Lead times in thousandths of a day, sized for 1,000 days up front (resizing as cases come in cost a
    // third of a short run's time); longer ones still fit, by resizing.
    var leadWorking = Histogram<UInt64>(highestTrackableValue: 1_000_000, numberOfSignificantValueDigits: .three)
    var leadCalendar = Histogram<UInt64>(highestTrackableValue: 1_000_000, numberOfSignificantValueDigits: .three)
    var result = ReplicationResult()
    /// When set, every case's lead time is kept (for charts of one replication; off in normal runs).
    var keepLeadTimes = false
    var leadTimes: [Double] = []

    init(model: CompiledModel) {
        self.model = model
        reference = model.calendars[model.reference]
        leadWorking.autoResize = true
        leadCalendar.autoResize = true
    }

    mutating func complete(_ c: CaseState, at end: Double) {
        let start = c.arrival
        let workingDays = reference.alwaysOpen ? (end - start) / 1440
            : (reference.dailyMinutes > 0 ? reference.openMinutes(from: start, to: end) / reference.dailyMinutes : 0)
        let calendarDays = (end - start) / 1440
        completed += 1
        sumWorking += workingDays
        sumCalendar += calendarDays
        sumWork += c.work / 1440
        sumQueue += c.queue / 1440
        sumTransfer += c.transfer / 1440
        sumWait += c.wait / 1440
        sumVisits += c.visits
        sumApplicantHours += c.applicantMinutes / 60
        _ = leadWorking.record(UInt64((workingDays * 1000).rounded()))
        if keepLeadTimes { leadTimes.append(workingDays) }
        _ = leadCalendar.record(UInt64((calendarDays * 1000).rounded()))
        if let deadline = model.deadlineWorkingDays {
            withDeadline += 1
            let received = c.receipt >= 0 ? c.receipt : start
            let done = c.resultAt >= 0 ? c.resultAt : end
            if done <= due(receivedAt: received, workingDays: deadline, reference) { onTime += 1 }
        }
    }

    /// The statutory due time: the end of the N-th working day after the day of receipt, where a dossier
    /// received after the cut-off, or on a closed day, counts from the next working day (N = 0: that day).
    func due(receivedAt t: Double, workingDays n: Double, _ calendar: SimulationCalendar) -> Double {
        var day = Int((t / 1440).rounded(.down))
        let minute = t - Double(day) * 1440
        if !calendar.isWorkingDay(day) || (model.cutOff.map { minute >= $0 } ?? false) {
            day += 1
            while !calendar.isWorkingDay(day) { day += 1 }
        }
        var remaining = Int(n.rounded(.up))
        while remaining > 0 {
            day += 1
            if calendar.isWorkingDay(day) { remaining -= 1 }
        }
        return Double(day + 1) * 1440
    }

    mutating func finish(at end: Double, active: Int, counters: [ActorCounters], queueLengths: [Int]) {
        var k: [String: Double] = [:]
        let n = Double(max(completed, 1))
        let sums = ["leadTimeWorkingDays": sumWorking, "leadTimeCalendarDays": sumCalendar, "workDays": sumWork,
                    "queueDays": sumQueue, "transferDays": sumTransfer, "waitDays": sumWait,
                    "applicantVisits": sumVisits, "applicantHours": sumApplicantHours]
        for (key, value) in sums { k[key] = value / n }
        k["cases"] = Double(completed)
        k["leadTimeWorkingDaysP50"] = Double(leadWorking.valueAtPercentile(50)) / 1000
        k["leadTimeWorkingDaysP90"] = Double(leadWorking.valueAtPercentile(90)) / 1000
        k["leadTimeWorkingDaysP95"] = Double(leadWorking.valueAtPercentile(95)) / 1000
        k["leadTimeCalendarDaysP50"] = Double(leadCalendar.valueAtPercentile(50)) / 1000
        k["leadTimeCalendarDaysP90"] = Double(leadCalendar.valueAtPercentile(90)) / 1000
        k["leadTimeCalendarDaysP95"] = Double(leadCalendar.valueAtPercentile(95)) / 1000
        if withDeadline > 0 { k["onTimeShare"] = Double(onTime) / Double(withDeadline) }
        k["throughputPerYear"] = end > 0 ? Double(completed) / (end / (weeksPerYear * 7 * 1440)) : 0
        k["workInProgressAtEnd"] = Double(active)
        var actors: [String: [String: Double]] = [:]
        for (a, actor) in model.actors.enumerated() {
            let c = counters[a]
            var m: [String: Double] = ["served": Double(c.served)]
            m["meanWaitMinutes"] = c.served > 0 ? c.waitTotal / Double(c.served) : 0
            m["maxWaitMinutes"] = c.waitMax
            if let servers = actor.servers {
                let open = model.calendars[actor.calendar].openMinutes(from: 0, to: end)
                m["utilisation"] = open > 0 ? c.busyMinutes / (Double(servers) * open) : 0
                let area = c.queueArea + Double(queueLengths[a]) * (end - c.lastChange)
                m["meanQueueLength"] = end > 0 ? area / end : 0
                m["maxQueueLength"] = Double(c.queueMax)
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
