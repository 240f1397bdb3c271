public import ProcmodModel

/// A working calendar compiled for the simulator. Time is minutes since the simulation's start date
/// at 00:00 (day 0). Work advances only in open intervals: a task that cannot finish before closing
/// is suspended and resumes at the next opening.
public struct SimulationCalendar: Sendable {
    /// Open intervals of each weekday (0 = Monday), in minutes of the day, sorted and disjoint.
    let intervals: [[(start: Double, end: Double)]]
    /// Days (since the start date) that are holidays.
    let holidays: Set<Int>
    /// The weekday of day 0 (0 = Monday).
    let firstWeekday: Int
    /// Open minutes of an ordinary working day (for converting working days to minutes).
    public let dailyMinutes: Double
    let alwaysOpen: Bool
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
        holidays = days
        firstWeekday = Weekday.allCases.firstIndex(of: start.weekday)!
        let openDays = intervals.filter { !$0.isEmpty }
        dailyMinutes = openDays.isEmpty ? 0 : openDays.map { $0.reduce(0) { $0 + $1.end - $1.start } }.reduce(0, +)
            / Double(openDays.count)
        weekdayMinutes = intervals.map { $0.reduce(0) { $0 + $1.end - $1.start } }
        weeklyMinutes = weekdayMinutes.reduce(0, +)
        alwaysOpen = intervals.allSatisfy { $0.count == 1 && $0[0].start == 0 && $0[0].end == 1440 } && holidays.isEmpty
    }

    @inline(__always)
    func dayIntervals(_ day: Int) -> [(start: Double, end: Double)] {
        if holidays.contains(day) { return [] }
        return intervals[((day + firstWeekday) % 7 + 7) % 7]
    }

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

    /// The first open moment at or after `t`.
    public func nextOpen(_ t: Double) -> Double { advance(t, by: 0) }

    /// True when `day` (since the start date) has open hours.
    public func isWorkingDay(_ day: Int) -> Bool { !dayIntervals(day).isEmpty }

    /// Open minutes between `a` and `b`: the days at either end interval by interval, the whole days
    /// between in closed form (whole weeks times the weekly open minutes, less the holidays among them),
    /// so the cost does not grow with the length of the span.
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
        return total
    }

    @inline(__always)
    private func weekday(_ day: Int) -> Int { ((day + firstWeekday) % 7 + 7) % 7 }

}
