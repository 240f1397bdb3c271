import Dispatch
import Synchronization
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import ProcmodModel

/// How to run a simulation.
public struct SimulationOptions: Sendable {
    /// Cases to generate per replication (nil: run to `horizonDays`).
    public var cases: Int?
    /// Calendar days to simulate per replication (nil: until `cases` are done).
    public var horizonDays: Double?
    public var replications: Int
    public var seed: UInt64
    /// Calendar days at the start whose arrivals are not counted.
    public var warmupDays: Double
    /// Day 0 of the simulation clock (a Monday by default).
    public var startDate: LocalDate
    /// Threads to run replications on (results are the same for any number).
    public var threads: Int

    public init(cases: Int? = 10_000, horizonDays: Double? = nil, replications: Int = 30, seed: UInt64 = 1,
                warmupDays: Double = 0, startDate: LocalDate = LocalDate(year: 2026, month: 1, day: 5)!,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.cases = cases
        self.horizonDays = horizonDays
        self.replications = replications
        self.seed = seed
        self.warmupDays = warmupDays
        self.startDate = startDate
        self.threads = threads
    }
}

/// The simulation's answer: every figure as a mean over replications with its 95% confidence interval.
public struct SimulationReport: Sendable, Codable {
    public var code: String
    public var replications: Int
    public var seed: UInt64
    public var casesPerReplication: Int?
    public var horizonDays: Double?
    public var warmupDays: Double
    public var startDate: String
    /// Case and run figures by name (see docs/simulation.md).
    public var kpis: [String: Estimate]
    /// Per actor id, per figure.
    public var actors: [String: [String: Estimate]]
    /// The statutory deadline in working days, when the model has one.
    public var deadlineWorkingDays: Double?
    /// What the reader must know to trust the figures: an overloaded actor, listed arrivals not
    /// simulated, a single replication (no interval). Empty when there is nothing to say.
    public var warnings: [String] = []
}

/// A simulation that cannot give an answer: it would never end, or it counted no case.
public struct SimulationError: Error, Sendable, CustomStringConvertible {
    /// Where in the procedure (the step that keeps cases in the system, or the procedure itself) and why.
    public var diagnostic: Diagnostic

    public init(_ location: SourceLocation, _ message: String) {
        diagnostic = Diagnostic(.error, location, message, code: "simulation")
    }

    public var description: String { diagnostic.message }
}

/// Runs replications of a procedure on independent random streams derived from one seed.
public struct Simulator: Sendable {
    public var options: SimulationOptions

    public init(options: SimulationOptions) { self.options = options }

    /// Runs every replication (in parallel) and aggregates them; `progress` is called after each
    /// replication with the number done. Replication 1 writes the event log, when one is given.
    ///
    /// Throws ``SimulationError`` when a replication would not end (a case loops past
    /// ``Limits/maximumStepsPerCase`` steps, or the clock passes ``Limits/maximumSimulatedMinutes``) or
    /// when no case was counted, instead of running on or printing figures of nothing.
    public func run(_ procedure: Procedure, eventLog: EventLogWriter? = nil,
                    progress: (@Sendable (Int) -> Void)? = nil) throws(SimulationError) -> SimulationReport {
        let sites = SiteKinds(procedure, start: options.startDate)
        let model = sites.models[0]
        let results = try replications(procedure, sites, eventLog: eventLog, progress: progress)
        var report = aggregate(results, procedure)
        report.warnings = warnings(report, procedure, model)
        return report
    }

    /// Why no case was counted, in the user's terms.
    private func noCases(_ procedure: Procedure, _ model: CompiledModel) -> SimulationError {
        var reasons: [String] = []
        if model.hasFixedArrivals && model.fixedArrivals.isEmpty {
            reasons.append("all \(model.fixedArrivalsBeforeStart) listed arrivals fall before the start date "
                           + "\(options.startDate) (set --start to the first of them)")
        } else if !model.hasFixedArrivals && procedure.volume.perYear <= 0 {
            reasons.append("the procedure's volume is 0 cases a year")
        }
        if let horizon = options.horizonDays, options.warmupDays >= horizon {
            reasons.append("the warm-up (\(decimalText(options.warmupDays)) days) is as long as the horizon "
                           + "(\(decimalText(horizon)) days)")
        } else if options.horizonDays != nil {
            reasons.append("no case finished within the horizon: make it longer, or check that the calendars open")
        }
        if reasons.isEmpty { reasons.append("no case finished; check the calendars, cadences and the warm-up") }
        return SimulationError(procedure.location, "no case was completed and counted in any replication: "
                               + reasons.joined(separator: "; "))
    }

    /// What the reader must be told beside the figures.
    private func warnings(_ report: SimulationReport, _ procedure: Procedure, _ model: CompiledModel) -> [String] {
        var out: [String] = []
        if report.replications < 2 {
            out.append("one replication gives no confidence interval: run at least 2 (30 is the default)")
        }
        if model.fixedArrivalsBeforeStart > 0 {
            out.append("\(model.fixedArrivalsBeforeStart) listed arrivals fall before the start date \(options.startDate) "
                       + "and are not simulated")
        }
        // Holidays are dated: a run that outlasts a calendar's last listed holiday sees no holidays after it.
        if let days = report.kpis[figure: .simulatedDays]?.mean, days.isFinite {
            let end = LocalDate(dayNumber: options.startDate.dayNumber + Int(days))
            for calendar in procedure.calendars.values where !calendar.holidays.isEmpty {
                let first = calendar.holidays.map(\.start).min() ?? options.startDate
                if options.startDate.year < first.year {
                    out.append("the run starts on \(options.startDate) but calendar '\(calendar.id)' lists holidays only from "
                               + "\(first): the years before have none (set --start)")
                }
                let last = calendar.holidays.map(\.end).max() ?? end
                if last.year < end.year {
                    out.append("the run lasts until \(end) but calendar '\(calendar.id)' lists holidays only until \(last): "
                               + "the years after have none (fewer cases or more sites shorten the run; --horizon bounds it)")
                }
            }
        }
        return out + Self.overloadWarnings(procedure) { report.actors[$0]?[figure: .utilisation]?.mean }
    }

    /// A warning for every actor of limited capacity busy 98% or more of its open time, given its mean
    /// utilisation over the replications: its queue grows for as long as the run lasts.
    public static func overloadWarnings(_ procedure: Procedure, utilisation: (String) -> Double?) -> [String] {
        procedure.actors.compactMap { id, actor in
            guard let u = utilisation(id), u >= 0.98 else { return nil }
            if case .unlimited = actor.capacity { return nil }
            return "actor '\(id)' is busy \(percentText(u)) of its open time: it is overloaded, its queue grows for as "
                + "long as the run lasts, and the lead time depends on the run's length, not on the procedure (add "
                + "capacity or lower the volume)"
        }
    }

    /// Every replication's raw figures, in replication order; throws as ``run(_:eventLog:progress:)`` does (in parallel; same results for any thread
    /// count). Replication 1 writes the event log, when one is given.
    public func replications(_ procedure: Procedure, eventLog: EventLogWriter? = nil,
                             progress: (@Sendable (Int) -> Void)? = nil) throws(SimulationError) -> [ReplicationResult] {
        try replications(procedure, SiteKinds(procedure, start: options.startDate), eventLog: eventLog, progress: progress)
    }

    /// The replications of an already compiled model (compiled once per run).
    private func replications(_ procedure: Procedure, _ sites: SiteKinds, eventLog: EventLogWriter?,
                              progress: (@Sendable (Int) -> Void)?) throws(SimulationError) -> [ReplicationResult] {
        let results = ReplicationSlots<ReplicationResult>(count: options.replications)
        let counter = ProgressCounter()
        let options = self.options
        let work: @Sendable (Int) -> Void = { r in
            let model = sites.model(seed: options.seed, replication: r)
            var engine = Self.engine(model, options, replication: r, log: r == 0 ? eventLog : nil)
            let observer = engine.run()
            if let runaway = engine.runaway { results.fail(r, runaway, model) } else { results.set(r, observer.result) }
            progress?(counter.increment())
        }
        if options.threads <= 1 {
            for r in 0..<options.replications { work(r) }
        } else {
            DispatchQueue.concurrentPerform(iterations: options.replications, execute: work)
        }
        if let (runaway, model) = results.firstFailure { throw Self.error(runaway, procedure, model) }
        let values = results.values
        guard values.contains(where: { ($0.kpis[figure: .cases] ?? 0) > 0 }) else { throw noCases(procedure, sites.models[0]) }
        return values
    }

    /// The error for a replication that would not end, naming the step that keeps cases in the system.
    static func error(_ runaway: Runaway, _ procedure: Procedure, _ model: CompiledModel) -> SimulationError {
        let node = procedure.flow.nodes.indices.contains(runaway.node) ? procedure.flow.nodes[runaway.node] : nil
        let actor = model.actors.indices.contains(runaway.actor) ? model.actors[runaway.actor].id : nil
        let place = node.map { "at '\($0.id)'" } ?? actor.map { "at actor '\($0)'" } ?? "in the flow"
        switch runaway.reason {
        case .loop:
            return SimulationError(node?.location ?? procedure.location,
                                   "a case went through \(max(Limits.maximumStepsPerCase, 10 * procedure.flow.steps.count)) steps without finishing \(place): "
                                   + "a loop it cannot leave; give the way out of the loop a probability or the loop a max")
        case .clock:
            return SimulationError(node?.location ?? procedure.location,
                                   "cases would still be waiting \(place) 200 years after the last one arrived: they come "
                                   + "faster than they are served (an overloaded actor, a calendar that never opens, or a "
                                   + "very long duration); add capacity, lower the volume or shorten the run")
        }
    }

    /// The lead times (working days) of every counted case of replication 1, in completion order.
    public func leadTimes(_ procedure: Procedure) throws(SimulationError) -> [Double] {
        let model = SiteKinds(procedure, start: options.startDate).model(seed: options.seed, replication: 0)
        var engine = Self.engine(model, options, replication: 0, log: nil)
        engine.observer.keepLeadTimes = true
        let observer = engine.run()
        if let runaway = engine.runaway { throw Self.error(runaway, procedure, model) }
        return observer.leadTimes
    }

    private static func engine(_ model: CompiledModel, _ o: SimulationOptions, replication r: Int,
                               log: (any EventLogSink)?) -> Engine {
        Engine(model: model, seed: o.seed, stream: UInt64(r), cases: o.cases, horizon: o.horizonDays.map { $0 * 1440 },
               warmup: o.warmupDays * 1440, log: log)
    }

    private func aggregate(_ results: [ReplicationResult], _ p: Procedure) -> SimulationReport {
        var kpis: [String: Estimate] = [:]
        for key in Set(results.flatMap(\.kpis.keys)) {
            kpis[key] = Estimate(results.compactMap { $0.kpis[key] })
        }
        var actors: [String: [String: Estimate]] = [:]
        for actor in Set(results.flatMap(\.actors.keys)) {
            var figures: [String: Estimate] = [:]
            for key in Set(results.flatMap { $0.actors[actor]?.keys.map { $0 } ?? [] }) {
                figures[key] = Estimate(results.compactMap { $0.actors[actor]?[key] })
            }
            actors[actor] = figures
        }
        return SimulationReport(code: p.code, replications: results.count, seed: options.seed,
                                casesPerReplication: options.cases, horizonDays: options.horizonDays,
                                warmupDays: options.warmupDays, startDate: options.startDate.description, kpis: kpis,
                                actors: actors,
                                deadlineWorkingDays: p.deadline?.workingDayEquivalent(openWeekdays: p.calendar(p.referenceCalendarID).openWeekdays))
    }
}

/// Results of replications that run in parallel, kept in replication order, and the runaways.
final class ReplicationSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private var failures: [(Runaway, CompiledModel)?]
    private let lock = Mutex(())
    init(count: Int) { slots = Array(repeating: nil, count: count); failures = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Value) { lock.withLock { _ in slots[i] = r } }
    func fail(_ i: Int, _ r: Runaway, _ model: CompiledModel) { lock.withLock { _ in failures[i] = (r, model) } }
    var values: [Value] { lock.withLock { _ in slots.compactMap { $0 } } }
    /// The failure of the lowest-numbered replication that failed (the same whatever the thread count).
    var firstFailure: (Runaway, CompiledModel)? { lock.withLock { _ in failures.lazy.compactMap { $0 }.first } }
}

/// The kinds of site a procedure runs at (``Procedure/siteKinds``), compiled once. Each replication is
/// one site drawn at random with the sites' shares, from a stream of its own (the seed and the
/// replication number), so the before and after models of a comparison draw the same site for the
/// same replication, and the mean over replications estimates the mean over all sites.
struct SiteKinds: Sendable {
    let shares: [Double]
    let models: [CompiledModel]

    init(_ procedure: Procedure, start: LocalDate) {
        let kinds = procedure.siteKinds
        shares = kinds.map(\.share)
        let base = kinds[0].procedure
        models = kinds.map { CompiledModel($0.procedure, start: start, statutory: base) }
    }

    func model(seed: UInt64, replication r: Int) -> CompiledModel {
        guard models.count > 1 else { return models[0] }
        var rng = Xoshiro256(seed: seed, stream: UInt64(r) | 1 << 41)
        var u = rng.uniform() * shares.reduce(0, +)
        for (k, share) in shares.enumerated() {
            if u < share { return models[k] }
            u -= share
        }
        return models[models.count - 1]
    }
}

final class ProgressCounter: Sendable {
    private let done = Mutex(0)
    func increment() -> Int { done.withLock { $0 += 1; return $0 } }
}
