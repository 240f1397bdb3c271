/// How the statutory time limit (thời hạn giải quyết) is counted: the one definition the simulator's
/// on-time share, the analyzer's deadline rule and the reports share. docs/simulation.md, "The statutory
/// clock", gives the rules with their legal basis:
///
/// - The clock starts when a complete, valid dossier is received (Decree 61/2018/NĐ-CP Art. 17.1(c)):
///   at the end of a step whose role is ``ClockRole/start`` (by default every `receive` step), and
///   restarts from zero when the dossier is received again after the applicant supplements it
///   (Art. 19.4). On a channel with no such step, it starts when the dossier reaches the first step of
///   the state's actors after the applicant's own steps (online: when the portal has passed it on).
/// - A dossier received after the cut-off (Civil Status Law Art. 5.3; Decree 61/2018 Art. 18.2), after
///   closing, or on a closed day counts from the next working day.
/// - Excluded time (``ClockRole/excluded``) after receipt does not count: the due day moves by as many
///   working days of the reference calendar as the excluded time covers (rounded to the nearest day).
/// - A result is early (trước hạn) when produced before the due day, on time (đúng hạn) on it, and late
///   (trễ hạn) after it (Circular 01/2018/TT-VPCP Art. 13); the on-time share counts early and on time.
public struct StatutoryClock: Sendable {
    /// The calendar whose working days count.
    public let calendar: CalendarTimeline
    /// Minute of the day after which a dossier counts as received the next working day.
    public let cutOff: Double?

    public init(calendar: CalendarTimeline, cutOff: Double?) {
        self.calendar = calendar
        self.cutOff = cutOff
    }

    /// The working day (since the start date) from which a dossier received at `t` counts: its own day
    /// when that is a working day and `t` is before the cut-off and before closing; otherwise the next
    /// working day. Nil when the calendar never opens again within 100 years.
    public func receiptDay(_ t: Double) -> Int? {
        var day = Int((t / 1440).rounded(.down))
        let minute = t - Double(day) * 1440
        let closing = calendar.dayIntervals(day).last?.end ?? 0
        if !calendar.isWorkingDay(day) || minute >= closing || (cutOff.map { minute >= $0 } ?? false) {
            day += 1
            var scanned = 0
            while !calendar.isWorkingDay(day) {
                day += 1
                scanned += 1
                if scanned > 36_500 { return nil }
            }
        }
        return day
    }

    /// The working day on which the result is due: `workingDays` working days after the receipt day
    /// (0: the same day; a fraction counts as a whole day), moved on by `excludedDays` working days. With
    /// `calendarDays`, the limit counts calendar days, and a due day that falls on a closed day moves to
    /// the next working day (Civil Code 2015 Art. 148).
    public func dueDay(receiptDay: Int, workingDays: Double, excludedDays: Int = 0, calendarDays: Bool = false) -> Int? {
        var day = receiptDay
        let limit = Int(min(workingDays, Double(Limits.maximumDurationDays)).rounded(.up))
        var remaining = max(0, excludedDays)
        var scanned = 0
        if calendarDays {
            day += limit
            while !calendar.isWorkingDay(day) {
                day += 1
                scanned += 1
                if scanned > 36_500 { return nil }
            }
        } else {
            remaining += limit
        }
        while remaining > 0 {
            day += 1
            scanned += 1
            if scanned > 36_500 { return nil }
            if calendar.isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// Whole working days that `minutes` of excluded open time cover, rounded to the nearest day.
    public func excludedDays(minutes: Double) -> Int {
        guard minutes > 0, calendar.dailyMinutes > 0 else { return 0 }
        return Int(min(minutes / calendar.dailyMinutes, Double(Limits.maximumDurationDays)).rounded())
    }

    /// Whether a result produced at `result` for a dossier received at `received` is early, on time or
    /// late against a limit of `workingDays`, with `excludedMinutes` of excluded open time in between.
    public func timeliness(receivedAt received: Double, resultAt result: Double, workingDays: Double,
                           excludedMinutes: Double = 0, calendarDays: Bool = false) -> Timeliness {
        guard let start = receiptDay(received),
              let due = dueDay(receiptDay: start, workingDays: workingDays,
                               excludedDays: excludedDays(minutes: excludedMinutes), calendarDays: calendarDays) else { return .onTime }
        let resultDay = Int((result / 1440).rounded(.down))
        if resultDay < due { return .early }
        return resultDay == due ? .onTime : .late
    }

    /// Working days counted from receipt to result: the reference calendar's open time between them,
    /// less the excluded time, in ordinary working days.
    public func countedWorkingDays(receivedAt received: Double, resultAt result: Double, excludedMinutes: Double) -> Double {
        guard calendar.dailyMinutes > 0 else { return 0 }
        return max(0, calendar.openMinutes(from: received, to: result) - excludedMinutes) / calendar.dailyMinutes
    }
}

/// How a result stands against its statutory deadline, as the public-service portals report it.
public enum Timeliness: String, Sendable, Hashable, CaseIterable, Codable {
    /// Trước hạn: before the due day.
    case early
    /// Đúng hạn: on the due day.
    case onTime = "on-time"
    /// Trễ hạn (quá hạn): after the due day.
    case late
}

/// The state's actors, whose steps count on the clock and receive a dossier.
public let agencyActorKinds: Set<ActorKind> = [.receptionDesk, .specialistOffice, .official, .signer, .agency]

extension Deadline {
    /// The limit in working days of a calendar open `openWeekdays` days a week: as written, or calendar
    /// days scaled by the week (10 days ≈ 7.14 working days on a five-day week). For figures and charts
    /// in working days; the statutory clock itself counts calendar days exactly.
    public func workingDayEquivalent(openWeekdays: Int) -> Double {
        calendarDays ? workingDays * Double(openWeekdays) / 7 : workingDays
    }

    /// The limit as the law writes it: "3 working days", "10 days", "the same working day".
    public var limitText: String {
        if workingDays == 0 { return calendarDays ? "the same day" : "the same working day" }
        let unit = calendarDays ? (workingDays == 1 ? "day" : "days") : (workingDays == 1 ? "working day" : "working days")
        return "\(decimalText(workingDays)) \(unit)"
    }
}

extension Procedure {
    /// A step's role on the statutory clock: as written, or by default `start` for `receive` steps,
    /// `excluded` for the applicant's and third parties' steps, `counted` for the rest.
    public func clockRole(of step: Step) -> ClockRole {
        if let role = step.clock { return role }
        if step.kind == .receive { return .start }
        let kind = actors[step.actor]?.kind
        return kind == .applicant || kind == .thirdParty ? .excluded : .counted
    }

    /// The reference calendar: the one whose working days measure lead time and the deadline (the
    /// deadline's own, or the first calendar an agency actor uses, or the always-open one).
    public var referenceCalendarID: String {
        deadline?.calendar
            ?? actors.values.first { agencyActorKinds.contains($0.kind) && $0.calendar != alwaysOpenCalendarID }?.calendar
            ?? alwaysOpenCalendarID
    }

    /// The calendar with this id, or the built-in always-open one.
    public func calendar(_ id: String) -> WorkCalendar {
        calendars[id] ?? WorkCalendar(id: alwaysOpenCalendarID, hours: [WeeklyHours(
            days: Weekday.allCases, start: TimeOfDay(minutes: 0), end: TimeOfDay(minutes: 1440))], holidays: [])
    }

    /// Flow nodes a case of `channel` can reach (nil: any channel): channel choices followed only along
    /// the channel's branch, steps of other channels left out.
    public func nodesReachable(channel: String?) -> [Bool] {
        let nodes = flow.nodes
        var seen = [Bool](repeating: false, count: nodes.count)
        guard !nodes.isEmpty else { return seen }
        var stack = [0]
        seen[0] = true
        while let i = stack.popLast() {
            let choosesChannel: Bool
            if case .choice(.channel) = nodes[i].kind { choosesChannel = true } else { choosesChannel = false }
            for edge in nodes[i].edges where edge.target >= 0 && edge.target < nodes.count && !seen[edge.target] {
                if let channel, choosesChannel, edge.channel != channel { continue }
                if let channel, let own = nodes[edge.target].step?.channel, own != channel { continue }
                seen[edge.target] = true
                stack.append(edge.target)
            }
        }
        return seen
    }

    /// True when a case of `channel` can pass a step whose role is `start`; otherwise its clock starts
    /// when the dossier first reaches the state's actors after the applicant's steps.
    public func hasClockStart(channel: String?) -> Bool {
        let reachable = nodesReachable(channel: channel)
        return flow.nodes.indices.contains { i in reachable[i] && flow.nodes[i].step.map { clockRole(of: $0) == .start } == true }
    }

    /// The nodes at which the statutory clock can start for a case of `channel`: its `start` steps, or
    /// the state's steps that directly follow the applicant's side (entered at their request).
    public func clockStartNodes(channel: String?) -> [Int] {
        let reachable = nodesReachable(channel: channel)
        let nodes = flow.nodes
        if hasClockStart(channel: channel) {
            return nodes.indices.filter { reachable[$0] && nodes[$0].step.map { clockRole(of: $0) == .start } == true }
        }
        let isAgency = { (i: Int) -> Bool in
            nodes[i].step.flatMap { actors[$0.actor]?.kind }.map(agencyActorKinds.contains) ?? false
        }
        // Agency steps reachable from the start without passing another agency step.
        var seen = [Bool](repeating: false, count: nodes.count)
        var stack = nodes.isEmpty ? [] : [0]
        var starts: [Int] = []
        while let i = stack.popLast() {
            guard !seen[i], reachable[i] else { continue }
            seen[i] = true
            if isAgency(i) { starts.append(i); continue }
            stack.append(contentsOf: nodes[i].edges.map(\.target).filter { $0 >= 0 && $0 < nodes.count })
        }
        return starts.sorted()
    }
}

/// What a step's time counts as in the lead time split (docs/simulation.md, "What it reports"); waiting
/// for the actor (queues, signing times) is the fourth part, `queue`.
public enum TimeCategory: String, Sendable, Hashable, CaseIterable, Codable, BitwiseCopyable {
    case work, transfer, wait
}

extension Procedure {
    /// The categories of a step's work and of its delay: the one definition the analyzer's split and the
    /// simulator's share. Travel is transfer; a `wait` step is wait; the delay of a transfer, a delivery,
    /// a travel or a postal step is transfer, any other delay is wait; other work is work.
    public func timeCategories(of step: Step) -> (work: TimeCategory, delay: TimeCategory) {
        let kind = actors[step.actor]?.kind
        let work: TimeCategory = step.kind == .travel ? .transfer : (step.kind == .wait ? .wait : .work)
        let carried = step.kind == .transfer || step.kind == .deliver || step.kind == .travel || kind == .postalService
        return (work, carried ? .transfer : .wait)
    }
}
