#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import ProcmodModel

/// The simulation parameters of a procedure in Prosimos' JSON format (docs/interop.md, "Prosimos"), for
/// the BPMN file ``BPMNExporter`` writes: the same model can then be run in Prosimos, the open-source
/// BPMN simulator, and the two compared. Ids are those of the BPMN file, whatever its language.
///
/// Prosimos holds less than procmod: durations in seconds of calendar time; triangular, empirical and
/// Erlang durations as gamma distributions with the same mean and variance (its triangular is not read);
/// weekly calendars without holidays; a delay as a timer event's duration; a signing cadence as a fixed
/// wait of its expected length; no channels (a channel choice's shares become branching probabilities),
/// no document or cost model, no supplement caps.
public struct ProsimosExporter: Sendable {
    public init() {}

    public func export(_ p: Procedure) -> String {
        let graph = BPMNGraph(p, language: .en)
        let lookup = NodeLookup(p)
        let reference = p.calendar(p.referenceCalendarID)
        let openMinutesPerWeek = Self.openMinutesPerWeek(reference)
        // A working day: the week's open time over its open days.
        let openDays = Double(max(reference.openIntervals.filter { !$0.isEmpty }.count, 1))
        let openMinutesPerDay = max(openMinutesPerWeek / openDays, 1)
        var document = Document()
        // Calendars: every calendar an actor uses, and the arrival (reference) calendar.
        var calendarIDs: [String] = []
        for actor in p.actors.values where !calendarIDs.contains(actor.calendar) { calendarIDs.append(actor.calendar) }
        for id in calendarIDs + [p.referenceCalendarID] where !document.resource_calendars.contains(where: { $0.id == "Calendar_" + ncName(id) }) {
            document.resource_calendars.append(Calendar(id: "Calendar_" + ncName(id), name: id, time_periods: Self.periods(p.calendar(id))))
        }
        document.arrival_time_calendar = Self.periods(reference)
        // Arrivals: exponential gaps of the model's mean, in seconds of the arrival calendar's open time.
        let openMinutesPerYear = openMinutesPerWeek * weeksPerYear
        let gap = p.volume.perSite > 0 ? openMinutesPerYear / p.volume.perSite * 60 : 86_400
        document.arrival_time_distribution = Distribution(name: "expon", params: [gap, 0, gap * 100])
        // Resources: a pool per actor, its servers (or many, when unlimited), on its calendar.
        for (id, actor) in p.actors {
            let tasks = graph.nodes.filter { $0.id.hasPrefix("Task_") && BPMNGraph.taskActor($0.id, lookup, p) == id }.map(\.id)
            let amount = actor.capacity.servers ?? 10_000
            let hourly = (actor.tariff ?? 0)
            document.resource_profiles.append(Pool(id: "Pool_" + ncName(id), name: actor.name.en ?? actor.name.vi ?? id,
                                                   resource_list: [Resource(id: "Resource_" + ncName(id), name: actor.name.en ?? actor.name.vi ?? id,
                                                                            cost_per_hour: hourly, amount: amount,
                                                                            calendar: "Calendar_" + ncName(actor.calendar), assignedTasks: tasks)]))
        }
        // Task durations: the step's work, on its actor's resource.
        for node in graph.nodes where node.id.hasPrefix("Task_") {
            guard let step = lookup.index(node.id, prefix: "Task_").flatMap({ p.flow.nodes[$0].step }) else { continue }
            let work = step.work.map { Self.distribution($0, openMinutesPerDay: openMinutesPerDay) } ?? Distribution(name: "fix", params: [0])
            document.task_resource_distribution.append(TaskDistribution(task_id: node.id, resources: [
                Identified(key: "resource_id", id: "Resource_" + ncName(step.actor), distribution: work)]))
        }
        // Timers: a delay's distribution; a signing cadence's expected wait.
        for node in graph.nodes where node.type == "intermediateCatchEvent" {
            if node.id.hasPrefix("Timer_delay_"), let step = Self.step(node.id, prefix: "Timer_delay_", lookup, p), let delay = step.delay {
                // A delay is elapsed time: a working day of it is a calendar day of the open week.
                document.event_distribution.append(Identified(key: "event_id", id: node.id,
                                                              distribution: Self.distribution(delay, openMinutesPerDay: 1_440 * 7 / openDays)))
            } else if node.id.hasPrefix("Timer_cadence_"), let step = Self.step(node.id, prefix: "Timer_cadence_", lookup, p),
                      let cadence = p.actors[step.actor]?.cadence {
                let slots = max(cadence.times.count * max(cadence.days.count, 1), 1)
                let wait = 7 * 86_400 / Double(slots) / 2
                document.event_distribution.append(Identified(key: "event_id", id: node.id, distribution: Distribution(name: "fix", params: [wait])))
            }
        }
        // Branching probabilities of every exclusive split.
        for node in graph.nodes where node.type == "exclusiveGateway" && node.direction == "Diverging" {
            let out = graph.outgoing(node.index)
            let weights = out.map { f -> Double in graph.flows[f].probability ?? graph.flows[f].channel.flatMap { p.channels[$0]?.share } ?? 0 }
            let total = weights.reduce(0, +)
            document.gateway_branching_probabilities.append(Gateway(gateway_id: node.id, probabilities: zip(out, weights).map { f, w in
                Probability(path_id: graph.flows[f].id, value: total > 0 ? w / total : 1 / Double(out.count))
            }))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (String(data: (try? encoder.encode(document)) ?? Data(), encoding: .utf8) ?? "{}") + "\n"
    }

    static func openMinutesPerWeek(_ c: WorkCalendar) -> Double {
        var total = 0.0
        for day in c.openIntervals { for i in day { total += Double(i.end - i.start) } }
        return total
    }

    private static func step(_ id: String, prefix: String, _ lookup: NodeLookup, _ p: Procedure) -> Step? {
        lookup.index(id, prefix: prefix).flatMap { p.flow.nodes[$0].step }
    }

    /// Weekly periods, one per day and interval.
    static func periods(_ c: WorkCalendar) -> [Period] {
        let names = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]
        func time(_ minutes: Int) -> String {
            minutes >= 1_440 ? "23:59:59.999" : zeroPadded(minutes / 60, width: 2) + ":" + zeroPadded(minutes % 60, width: 2) + ":00.000"
        }
        var out: [Period] = []
        for (day, intervals) in c.openIntervals.enumerated() {
            for i in intervals { out.append(Period(from: names[day], to: names[day], beginTime: time(i.start), endTime: time(i.end))) }
        }
        return out
    }

    /// A duration in seconds: minutes and hours as they are, calendar days × 86,400, working days × the
    /// minutes of a working day given (for work, the open minutes of an average working day of the
    /// reference calendar; for a delay, which is elapsed time, 1,440 × 7 ÷ the open days of a week).
    static func distribution(_ q: TimedQuantity, openMinutesPerDay: Double) -> Distribution {
        let seconds: Double = switch q.unit {
        case .minutes: 60
        case .hours: 3_600
        case .calendarDays: 86_400
        case .workingDays: openMinutesPerDay * 60
        }
        let d = q.distribution
        let mean = d.mean * seconds
        switch d {
        case .fixed(let value): return Distribution(name: "fix", params: [value * seconds])
        case .exponential: return Distribution(name: "expon", params: [mean, 0, mean * 100])
        case .uniform(let a, let b): return Distribution(name: "uniform", params: [a * seconds, b * seconds])
        case .normal(let m, let sd, let lo, let hi):
            let top = hi ?? (m + 10 * sd)
            return Distribution(name: "norm", params: [m * seconds, sd * seconds, lo * seconds, top * seconds])
        case .lognormal(let m, let sd):
            return Distribution(name: "lognorm", params: [m * seconds, sd * sd * seconds * seconds, 0, m * seconds * 100])
        default:
            // Triangular, Erlang, gamma, empirical: a gamma with the same mean and variance.
            let variance = max(d.variance * seconds * seconds, 1e-9)
            return Distribution(name: "gamma", params: [mean, variance, 0, mean * 100])
        }
    }

    // MARK: The JSON document

    struct Document: Encodable {
        var resource_profiles: [Pool] = []
        var resource_calendars: [Calendar] = []
        var arrival_time_calendar: [Period] = []
        var arrival_time_distribution = Distribution(name: "expon", params: [])
        var task_resource_distribution: [TaskDistribution] = []
        var event_distribution: [EventDistribution] = []
        var gateway_branching_probabilities: [Gateway] = []
        var batch_processing: [String] = []
        var case_attributes: [String] = []
        var prioritisation_rules: [String] = []
    }

    struct Pool: Encodable { var id: String; var name: String; var resource_list: [Resource] }
    struct Resource: Encodable {
        var id: String
        var name: String
        var cost_per_hour: Double
        var amount: Int
        var calendar: String
        var assignedTasks: [String]
    }
    struct Calendar: Encodable { var id: String; var name: String; var time_periods: [Period] }
    struct Period: Encodable { var from: String; var to: String; var beginTime: String; var endTime: String }

    struct Distribution: Encodable {
        var name: String
        var params: [Double]
        struct Value: Encodable { var value: Double }
        enum Keys: String, CodingKey { case distribution_name, distribution_params }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(name, forKey: .distribution_name)
            try c.encode(params.map { Value(value: ($0 * 1_000).rounded() / 1_000) }, forKey: .distribution_params)
        }
    }

    /// A distribution with the id it belongs to, in one object: `{"resource_id": …, "distribution_name": …}`.
    struct Identified: Encodable {
        var key: String
        var id: String
        var distribution: Distribution
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        func encode(to encoder: any Encoder) throws {
            try distribution.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(id, forKey: Key(stringValue: key))
        }
    }
    typealias ResourceDistribution = Identified
    typealias EventDistribution = Identified
    struct TaskDistribution: Encodable { var task_id: String; var resources: [ResourceDistribution] }
    struct Probability: Encodable { var path_id: String; var value: Double }
    struct Gateway: Encodable { var gateway_id: String; var probabilities: [Probability] }
}

extension BPMNGraph {
    /// The actor of the step behind a BPMN task id.
    static func taskActor(_ bpmnID: String, _ lookup: NodeLookup, _ p: Procedure) -> String? {
        lookup.index(bpmnID, prefix: "Task_").flatMap { p.flow.nodes[$0].step?.actor }
    }
}
