/// Every figure procmod reports, by the key it has in JSON output and reports (docs/simulation.md,
/// "What it reports"; docs/analysis.md): one closed list, so a misspelt figure is a compile error and the
/// reports' label catalogue has one key per figure.
public enum Figure: String, Sendable, Hashable, CaseIterable, Codable {
    /// Lead time, working days (mean over cases).
    case leadTimeWorkingDays
    /// Lead time, working days, median.
    case leadTimeWorkingDaysP50
    /// Lead time, working days, 90th percentile.
    case leadTimeWorkingDaysP90
    /// Lead time, working days, 95th percentile.
    case leadTimeWorkingDaysP95
    /// Lead time, calendar days.
    case leadTimeCalendarDays
    /// Lead time, calendar days, median.
    case leadTimeCalendarDaysP50
    /// Lead time, calendar days, 90th percentile.
    case leadTimeCalendarDaysP90
    /// Lead time, calendar days, 95th percentile.
    case leadTimeCalendarDaysP95
    /// Work, calendar days.
    case workDays
    /// Waiting for an actor, calendar days.
    case queueDays
    /// Travel, transfer and post, calendar days.
    case transferDays
    /// Other delays and closed hours, calendar days.
    case waitDays
    /// Applicant visits per case.
    case applicantVisits
    /// Applicant hours per case.
    case applicantHours
    /// Cases completed.
    case cases
    /// Share settled early or on time.
    case onTimeShare
    /// Share settled before the due day.
    case earlyShare
    /// Share settled after the due day.
    case lateShare
    /// Working days on the statutory clock.
    case statutoryWorkingDays
    /// Cases completed per year at one site.
    case throughputPerYear
    /// Cases open at the end.
    case workInProgressAtEnd
    /// Calendar days the replication lasted.
    case simulatedDays
    /// Arrivals and service completions.
    case events
    /// Cases the actor started.
    case served
    /// Mean wait for the actor, minutes.
    case meanWaitMinutes
    /// Longest wait for the actor, minutes.
    case maxWaitMinutes
    /// Busy minutes ÷ (servers × open minutes).
    case utilisation
    /// Time-averaged queue length.
    case meanQueueLength
    /// Longest queue.
    case maxQueueLength
}

extension Dictionary where Key == String {
    /// The value of a figure in a dictionary keyed by figure names.
    public subscript(figure figure: Figure) -> Value? {
        get { self[figure.rawValue] }
        set { self[figure.rawValue] = newValue }
    }
}
