/// A working calendar laid out on a timeline: time is minutes since a start date at 00:00 (day 0).
/// The one definition of open time that the simulator, the statutory clock and the analyzer's calendar
/// figures share. Work advances only in open intervals: a task that cannot finish before closing is
/// suspended and resumes at the next opening.
public struct CalendarTimeline: Sendable {
    /// Open intervals of each weekday (0 = Monday), in minutes of the day, sorted and disjoint.
    public let intervals: [[(start: Double, end: Double)]]
    /// Days (since the start date) that are holidays.
    let holidays: Set<Int>
    /// Days (since the start date) that are extra working days (làm bù), with the weekday whose hours apply.
    let extraDays: [Int: Int]
    /// The weekday of day 0 (0 = Monday).
    public let firstWeekday: Int
    /// Open minutes of an ordinary working day (the mean over the weekdays that open).
    public let dailyMinutes: Double
    /// Open around the clock, every day, no holidays.
    public let alwaysOpen: Bool
    /// Open minutes of each weekday (0 = Monday), holidays aside.
    private let weekdayMinutes: [Double]
    /// Open minutes of an ordinary week.
    private let weeklyMinutes: Double

    public init(_ calendar: WorkCalendar, start: LocalDate) {
        // The model's one definition of open hours (merged intervals per weekday).
        intervals = calendar.openIntervals.map { day in day.map { (Double($0.start), Double($0.end)) } }
        let startDay = start.dayNumber
        var days = Set<Int>()
        for holiday in calendar.holidays {
            for day in holiday.start.dayNumber...max(holiday.start.dayNumber, holiday.end.dayNumber) {
                days.insert(day - startDay)
            }
        }
        var extra: [Int: Int] = [:]
        for d in calendar.extraWorkingDays {
            extra[d.date.dayNumber - startDay] = Weekday.allCases.firstIndex(of: d.hoursOf) ?? 0
            days.remove(d.date.dayNumber - startDay)
        }
        holidays = days
        extraDays = extra
        firstWeekday = Weekday.allCases.firstIndex(of: start.weekday) ?? 0
        let openDays = intervals.filter { !$0.isEmpty }
        dailyMinutes = openDays.isEmpty ? 0 : openDays.map { $0.reduce(0) { $0 + $1.end - $1.start } }.reduce(0, +)
            / Double(openDays.count)
        weekdayMinutes = intervals.map { $0.reduce(0) { $0 + $1.end - $1.start } }
        weeklyMinutes = weekdayMinutes.reduce(0, +)
        alwaysOpen = intervals.allSatisfy { $0.count == 1 && $0[0].start == 0 && $0[0].end == 1440 } && holidays.isEmpty
    }

    /// The open intervals of a day (since the start date): none on a holiday, the hours of the swapped
    /// weekday on an extra working day.
    @inline(__always)
    public func dayIntervals(_ day: Int) -> [(start: Double, end: Double)] {
        if !extraDays.isEmpty, let weekday = extraDays[day] { return intervals[weekday] }
        if holidays.contains(day) { return [] }
        return intervals[weekday(day)]
    }

    /// The weekday (0 = Monday) of a day since the start date.
    @inline(__always)
    public func weekday(_ day: Int) -> Int { ((day + firstWeekday) % 7 + 7) % 7 }

    /// The time `work` minutes of open time after `t` (suspended while closed); infinity when the
    /// calendar never opens again within 100 years.
    public func advance(_ t: Double, by work: Double) -> Double {
        if alwaysOpen { return t + work }
        var t = t, remaining = work
        var day = Int((t / 1440).rounded(.down))
        for _ in 0..<36_500 {
            let base = Double(day) * 1440
            for interval in dayIntervals(day) {
                let s = base + interval.start, e = base + interval.end
                guard t < e else { continue }
                let from = max(t, s)
                if remaining <= e - from { return from + remaining }
                remaining -= e - from
                t = e
            }
            day += 1
            t = Double(day) * 1440
        }
        return .infinity
    }

    /// The time `days` working days after `t`, counted on this calendar's own days: a whole working day
    /// is the whole of that day's open time however long it is (a four-hour Friday counts as one), and a
    /// fraction is that share of the day's open minutes. From the start of a working day, one working day
    /// ends at that day's closing; infinity when the calendar never opens again within 100 years.
    public func advance(_ t: Double, workingDays days: Double) -> Double {
        guard days > 0 else { return nextOpen(t) }
        if alwaysOpen { return t + days * 1440 }
        // The working day `t` falls in (or the next one), and how far into its open time `t` is.
        var day = Int((t / 1440).rounded(.down))
        var scanned = 0
        while !isWorkingDay(day) || Double(day) * 1440 + (dayIntervals(day).last?.end ?? 0) <= t {
            day += 1
            scanned += 1
            if scanned > 36_500 { return .infinity }
        }
        let minutes = dayMinutes(day)
        var position = min(1, openMinutes(from: max(t, Double(day) * 1440), to: Double(day) * 1440, within: day) / minutes)
        position += days
        var whole = Int(position.rounded(.down))
        var fraction = position - Double(whole)
        if fraction == 0 { whole -= 1; fraction = 1 }
        while whole > 0 {
            day += 1
            scanned += 1
            if scanned > 36_500 { return .infinity }
            if isWorkingDay(day) { whole -= 1 }
        }
        return advance(Double(day) * 1440, by: fraction * dayMinutes(day))
    }

    /// Open minutes of one day.
    public func dayMinutes(_ day: Int) -> Double { dayIntervals(day).reduce(0) { $0 + $1.end - $1.start } }

    /// Open minutes of `day` before `t` (the `to` argument marks the day's start).
    private func openMinutes(from t: Double, to dayStart: Double, within day: Int) -> Double {
        dayIntervals(day).reduce(0) { $0 + max(0, min(t, dayStart + $1.end) - (dayStart + $1.start)) }
    }

    /// The end of the open interval that `t` is in, or of the next one (infinity when none within 100 years).
    public func nextClose(_ t: Double) -> Double {
        if alwaysOpen { return (t / 1440).rounded(.down) * 1440 + 1440 }
        var day = Int((t / 1440).rounded(.down))
        for _ in 0..<36_500 {
            let base = Double(day) * 1440
            for interval in dayIntervals(day) where base + interval.end > t { return base + interval.end }
            day += 1
        }
        return .infinity
    }

    /// The closing time of the working day that `t` is in, or of the next one: the end of its last open
    /// interval, after any lunch break (infinity when none within 100 years).
    public func endOfWorkingDay(_ t: Double) -> Double {
        if alwaysOpen { return (t / 1440).rounded(.down) * 1440 + 1440 }
        var day = Int((t / 1440).rounded(.down))
        for _ in 0..<36_500 {
            if let last = dayIntervals(day).last, Double(day) * 1440 + last.end > t { return Double(day) * 1440 + last.end }
            day += 1
        }
        return .infinity
    }

    /// The first open moment at or after `t`.
    public func nextOpen(_ t: Double) -> Double { advance(t, by: 0) }

    /// True when `day` (since the start date) has open hours.
    public func isWorkingDay(_ day: Int) -> Bool { !dayIntervals(day).isEmpty }

    /// Open minutes between `a` and `b`: the days at either end interval by interval, the whole days
    /// between in closed form (whole weeks times the weekly open minutes, less the holidays among them,
    /// plus the extra working days), so the cost does not grow with the length of the span.
    public func openMinutes(from a: Double, to b: Double) -> Double {
        guard b > a else { return 0 }
        if alwaysOpen { return b - a }
        guard a.isFinite, b.isFinite else { return .infinity }
        let firstDay = Int((a / 1440).rounded(.down)), lastDay = Int((b / 1440).rounded(.down))
        func within(_ day: Int) -> Double {
            let base = Double(day) * 1440
            return dayIntervals(day).reduce(0) { $0 + max(0, min(b, base + $1.end) - max(a, base + $1.start)) }
        }
        guard lastDay > firstDay else { return within(firstDay) }
        return within(firstDay) + wholeDays(from: firstDay + 1, to: lastDay) + within(lastDay)
    }

    /// Open minutes of the whole days `from ..< to`.
    private func wholeDays(from start: Int, to end: Int) -> Double {
        guard end > start else { return 0 }
        let days = end - start
        var total = Double(days / 7) * weeklyMinutes
        for k in 0..<(days % 7) { total += weekdayMinutes[weekday(start + days / 7 * 7 + k)] }
        for day in holidays where day >= start && day < end { total -= weekdayMinutes[weekday(day)] }
        for (day, hoursOf) in extraDays where day >= start && day < end {
            total += weekdayMinutes[hoursOf] - weekdayMinutes[weekday(day)]
        }
        return total
    }
}
