import Dispatch
import Foundation
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
}

/// Runs replications of a procedure on independent random streams derived from one seed.
public struct Simulator: Sendable {
    public var options: SimulationOptions

    public init(options: SimulationOptions) { self.options = options }

    /// Runs every replication (in parallel) and aggregates them; `progress` is called after each
    /// replication with the number done. Replication 1 writes the event log, when one is given.
    public func run(_ procedure: Procedure, eventLog: EventLogWriter? = nil,
                    progress: (@Sendable (Int) -> Void)? = nil) -> SimulationReport {
        aggregate(replications(procedure, eventLog: eventLog, progress: progress), procedure)
    }

    /// Every replication's raw figures, in replication order (in parallel; same results for any thread
    /// count). Replication 1 writes the event log, when one is given.
    public func replications(_ procedure: Procedure, eventLog: EventLogWriter? = nil,
                             progress: (@Sendable (Int) -> Void)? = nil) -> [ReplicationResult] {
        let model = CompiledModel(procedure, start: options.startDate)
        let results = ReplicationSlots(count: options.replications)
        let counter = ProgressCounter()
        let options = self.options
        let work: @Sendable (Int) -> Void = { r in
            var engine = Self.engine(model, options, replication: r, log: r == 0 ? eventLog : nil)
            results.set(r, engine.run().result)
            progress?(counter.increment())
        }
        if options.threads <= 1 {
            for r in 0..<options.replications { work(r) }
        } else {
            DispatchQueue.concurrentPerform(iterations: options.replications, execute: work)
        }
        return results.values
    }

    /// The lead times (working days) of every counted case of replication 1, in completion order.
    public func leadTimes(_ procedure: Procedure) -> [Double] {
        var engine = Self.engine(CompiledModel(procedure, start: options.startDate), options, replication: 0, log: nil)
        engine.observer.keepLeadTimes = true
        return engine.run().leadTimes
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
                                actors: actors, deadlineWorkingDays: p.deadline?.workingDays)
    }
}

private final class ReplicationSlots: @unchecked Sendable {
    private var slots: [ReplicationResult?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: ReplicationResult) { lock.lock(); slots[i] = r; lock.unlock() }
    var values: [ReplicationResult] { slots.compactMap { $0 } }
}

private final class ProgressCounter: @unchecked Sendable {
    private var done = 0
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; done += 1; return done }
}
