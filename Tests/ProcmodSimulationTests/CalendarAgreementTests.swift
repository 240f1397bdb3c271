import ProcmodAnalysis
import ProcmodModel
import ProcmodSimulation
import Testing

/// Issue 10: one definition of when a calendar is open, read by the analyzer and the simulator alike.
@Suite struct CalendarAgreementTests {
    static let overlapping = WorkCalendar(
        id: "office",
        hours: [WeeklyHours(days: [.mon, .tue, .wed, .thu, .fri], start: TimeOfDay(minutes: 8 * 60), end: TimeOfDay(minutes: 12 * 60)),
                WeeklyHours(days: [.mon, .tue, .wed, .thu, .fri], start: TimeOfDay(minutes: 10 * 60), end: TimeOfDay(minutes: 14 * 60)),
                WeeklyHours(days: [.sat], start: TimeOfDay(minutes: 8 * 60), end: TimeOfDay(minutes: 8 * 60 + 30))],
        holidays: [])

    @Test func overlappingHoursCountOnceInTheAnalyzerAndTheSimulator() throws {
        // Mon–Fri 08:00–14:00 (two intervals overlapping by two hours) and Saturday 08:00–08:30.
        #expect(Self.overlapping.weeklyOpenHours == 5 * 6 + 0.5)
        #expect(TimeModel.workingDaysPerWeek(Self.overlapping) == 6)
        let simulated = CalendarTimeline(Self.overlapping, start: try #require(LocalDate(year: 2026, month: 1, day: 5)))
        #expect(simulated.dailyMinutes == TimeModel.dailyHours(Self.overlapping) * 60)
        // A week from Monday 00:00 has exactly the weekly open hours.
        #expect(simulated.openMinutes(from: 0, to: 7 * 1440) == Self.overlapping.weeklyOpenHours * 60)
    }
}
