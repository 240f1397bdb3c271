public import ProcmodModel

/// Converts the DSL's units to the analyzer's two scales: hours of work, and elapsed working days of
/// the procedure's reference calendar (the deadline's calendar, or the first calendar an agency actor
/// uses). The conversions are expected values, stated in docs/analysis.md:
/// - work in `working-days` is that many days of the actor's calendar hours;
/// - a step's work takes `hours / daily open hours` days of the actor's calendar, scaled to the
///   reference calendar by the ratio of working days per week;
/// - `calendar-days` and clock `hours`/`minutes` of delay are elapsed time: one calendar day is
///   `reference working days per week / 7` working days.
public struct TimeModel: Sendable {
    public let procedure: Procedure
    /// The calendar whose working days measure lead time.
    public let reference: WorkCalendar

    public init(_ procedure: Procedure) {
        self.procedure = procedure
        reference = procedure.calendar(procedure.referenceCalendarID)
    }

    /// The calendar with this id, or the built-in always-open one.
    public static func calendar(_ id: String, in procedure: Procedure) -> WorkCalendar { procedure.calendar(id) }

    public func calendar(of actor: String) -> WorkCalendar {
        Self.calendar(procedure.actors[actor]?.calendar ?? alwaysOpenCalendarID, in: procedure)
    }

    /// Days of the week on which the calendar opens.
    public static func workingDaysPerWeek(_ c: WorkCalendar) -> Double {
        Double(c.openWeekdays)
    }

    /// Average open hours on a working day.
    public static func dailyHours(_ c: WorkCalendar) -> Double {
        let days = workingDaysPerWeek(c)
        return days > 0 ? c.weeklyOpenHours / days : 0
    }

    /// Open hours in a year: 365.25 / 7 weeks less the holidays that fall on open days (averaged over the
    /// years the holiday list spans).
    public static func annualOpenHours(_ c: WorkCalendar) -> Double {
        let intervals = c.openIntervals
        let openDays = Set(Weekday.allCases.indices.filter { !intervals[$0].isEmpty }.map { Weekday.allCases[$0] })
        var holidayDays = 0
        var years = Set<Int>()
        for h in c.holidays {
            // Whole weeks in closed form, then the days left over.
            let first = h.start.dayNumber, days = max(0, h.end.dayNumber - first + 1)
            holidayDays += days / 7 * openDays.count
            for day in (first + days / 7 * 7)..<(first + days) where openDays.contains(Weekday.allCases[((day % 7) + 7 + 3) % 7]) {
                holidayDays += 1
            }
            years.insert(h.start.year)
        }
        let perYear = Double(holidayDays) / Double(max(1, years.count))
        return max(0, (workingDaysPerWeek(c) * weeksPerYear - perYear)) * dailyHours(c)
    }

    /// Expected hours of work of a step (zero without `<work>`).
    public func workHours(_ step: Step) -> Double {
        guard let work = step.work else { return 0 }
        let mean = work.distribution.mean
        switch work.unit {
        case .minutes: return mean / 60
        case .hours: return mean
        case .workingDays: return mean * Self.dailyHours(calendar(of: step.actor))
        case .calendarDays: return mean * 24
        }
    }

    /// Expected elapsed working days of the step's work.
    public func workDays(_ step: Step) -> Double {
        let c = calendar(of: step.actor)
        let daily = Self.dailyHours(c)
        guard daily > 0 else { return 0 }
        let actorDays = workHours(step) / daily
        let perWeek = Self.workingDaysPerWeek(c)
        return perWeek > 0 ? actorDays * Self.workingDaysPerWeek(reference) / perWeek : actorDays
    }

    /// Expected elapsed working days of the step's delay.
    public func delayDays(_ step: Step) -> Double {
        guard let delay = step.delay else { return 0 }
        let mean = delay.distribution.mean
        let calendarDay = Self.workingDaysPerWeek(reference) / 7
        switch delay.unit {
        case .workingDays: return mean
        case .calendarDays: return mean * calendarDay
        case .hours: return mean / 24 * calendarDay
        case .minutes: return mean / 1440 * calendarDay
        }
    }

    /// Working hours → elapsed working days of the reference calendar.
    public func days(fromReferenceHours hours: Double) -> Double {
        let daily = Self.dailyHours(reference)
        return daily > 0 ? hours / daily : 0
    }
}
