public import ProcmodModel
public import ProcmodAnalysis
public import ProcmodSimulation

/// One figure before and after.
public struct StaticRow: Sendable, Codable, Hashable {
    /// Key of the label (`applicantVisits`, ...); renderers translate it.
    public var key: String
    public var before: Double
    public var after: Double
    public var change: Double { after - before }
    /// after ÷ before − 1, nil when before is 0.
    public var relative: Double? { before != 0 ? after / before - 1 : nil }
}

/// One simulated figure before and after, with the paired difference.
public struct SimulatedRow: Sendable, Codable, Hashable {
    public var key: String
    public var before: Estimate
    public var after: Estimate
    /// Mean of the per-replication differences (after − before) with its 95% interval.
    public var difference: Estimate
    /// True when the difference's interval excludes 0.
    public var significant: Bool { difference.halfWidth > 0 ? (difference.low > 0 || difference.high < 0) : difference.mean != 0 }
}

/// What each lever contributed, applied one at a time in the scenario's order (analytic figures).
public struct WaterfallStep: Sendable, Codable, Hashable {
    /// The lever as a short label in English with ids (``Lever/label``); `before` for the first step.
    public var lever: String
    /// The lever's element name (`share-data`, `fix`, ...), `before` for the first step; reports name it
    /// in the reader's language.
    public var leverName: String
    /// What the lever acts on, as the scenario says it: step, actor or channel ids, registers, a rule id,
    /// or a number of days.
    public var targets: [String]
    public var leadTimeDays: Double
    public var applicantVisits: Double
    public var costPerCaseVND: Double
}

/// The before/after comparison of a procedure.
public struct Comparison: Sendable, Codable {
    public var code: String
    public var name: LocalizedName
    public var scenario: LocalizedName?
    public var volumePerYear: Double
    public var staticRows: [StaticRow]
    /// Findings per rule before and after.
    public var findingsBefore: [String: Int]
    public var findingsAfter: [String: Int]
    public var simulated: [SimulatedRow]
    public var replications: Int
    public var seed: UInt64
    public var casesPerReplication: Int?
    /// Utilisation per actor id, before and after (simulated means); actors missing on one side are absent.
    public var utilisation: [SimulatedRow]
    /// Steady-state utilisation per actor id (offered work ÷ open hours × servers, from the model), before
    /// and after, for actors with a finite capacity in both: what capacity planning reads.
    public var steadyUtilisation: [StaticRow]
    public var waterfall: [WaterfallStep]
    public var changes: [Change]
    /// Steps of the before-model that the after-model no longer has.
    public var removedSteps: [String]
    public var deadlineWorkingDays: Double?
    /// Per-case lead times (working days) of replication 1, for distribution charts: before, after.
    public var leadTimeSamples: [[Double]]
    /// What the reader must know to trust the simulated figures (an overloaded actor before or after);
    /// absent when there is nothing to say.
    public var warnings: [String]?
    /// The same warnings as facts, for reports in the reader's language.
    public var overloads: [OverloadNotice]
    /// Steps the after-model has that the before-model does not.
    public var addedSteps: [String]
}

/// An actor whose queue grows without bound, before or after: by the analysis (offered work at or above
/// its open hours) or by the simulation (busy 98% of its open time or more).
public struct OverloadNotice: Sendable, Codable, Hashable {
    /// True for the after-model.
    public var after: Bool
    public var actor: String
    /// Utilisation: offered ÷ open hours (analytic), or the simulated busy share.
    public var utilisation: Double
    /// Hours of work offered a year and open hours a year, when the analysis found it; nil when the
    /// simulation did.
    public var offeredHours: Double?
    public var openHours: Double?
}

/// Builds comparisons: the analyzer on both models, the simulator on both with common random numbers,
/// and, given the scenario, the waterfall of its levers.
public struct Comparer: Sendable {
    public var simulation: SimulationOptions?

    public init(simulation: SimulationOptions?) { self.simulation = simulation }

    ///
    /// Throws ``SimulationError`` when either model cannot be simulated (a runaway or no case counted).
    /// `progress` is called with the number of replications done, before then after (2 × replications in all).
    public func compare(before: Procedure, after: Procedure, scenario: Scenario? = nil,
                        changes: [Change] = [], progress: (@Sendable (Int) -> Void)? = nil) throws(SimulationError) -> Comparison {
        let a = Analyzer().analyze(before), b = Analyzer().analyze(after)
        let ma = a.metrics, mb = b.metrics
        func row(_ key: String, _ f: (ProcedureMetrics) -> Double) -> StaticRow { StaticRow(key: key, before: f(ma), after: f(mb)) }
        let rows = [
            row("steps") { Double($0.steps) },
            row(Figure.applicantVisits.rawValue) { $0.applicantVisits },
            row("agencyHandoffs") { $0.agencyHandoffs },
            row("documentsRequired") { Double($0.documentsRequired) },
            row("copies") { $0.copies },
            row("certifiedCopies") { $0.certifiedCopies },
            row("pages") { $0.pages },
            row("paperShare") { $0.paperShare },
            row("expectedLeadTimeDays") { $0.leadTime.expectedDays },
            row(Figure.applicantHours.rawValue) { $0.cost.applicantHours },
            row("applicantCostPerCaseVND") { $0.cost.applicantTimeVND + $0.cost.applicantOutOfPocketVND },
            row("agencyCostPerCaseVND") { $0.cost.agencyVND },
            row("costPerCaseVND") { $0.cost.perCaseVND },
            row("costPerYearVND") { $0.cost.perYearVND },
            row("agencyCostPerYearVND") { $0.cost.agencyPerYearVND },
        ]
        var simulated: [SimulatedRow] = [], utilisation: [SimulatedRow] = []
        var samples: [[Double]] = []
        var warnings: [String] = []
        var overloads: [OverloadNotice] = []
        if let options = simulation {
            let sim = Simulator(options: options)
            let ra = try sim.replications(before, progress: progress)
            let rb: [ReplicationResult]
            let done = options.replications
            do { rb = try sim.replications(after, progress: progress.map { report in { @Sendable n in report(done + n) } }) } catch {
                throw Self.afterModel(error)
            }
            for key in [Figure.leadTimeWorkingDays.rawValue, Figure.leadTimeWorkingDaysP50.rawValue, Figure.leadTimeWorkingDaysP90.rawValue, Figure.leadTimeCalendarDays.rawValue,
                        Figure.leadTimeCalendarDaysP90.rawValue, Figure.statutoryWorkingDays.rawValue, Figure.onTimeShare.rawValue, Figure.lateShare.rawValue,
                        Figure.applicantVisits.rawValue, Figure.applicantHours.rawValue] {
                guard let row = paired(key, ra.map { $0.kpis[key] }, rb.map { $0.kpis[key] }) else { continue }
                simulated.append(row)
            }
            for actor in before.actors.keys where after.actors[actor] != nil {
                if let row = paired(actor, ra.map { $0.actors[actor]?[figure: .utilisation] }, rb.map { $0.actors[actor]?[figure: .utilisation] }) {
                    utilisation.append(row)
                }
            }
            warnings += Self.overloadWarnings(before, ra, analysis: ProcedureAnalysis(before)).map { "before: " + $0 }
            warnings += Self.overloadWarnings(after, rb, analysis: ProcedureAnalysis(after)).map { "after: " + $0 }
            overloads = Self.overloads(before, ra, after: false) + Self.overloads(after, rb, after: true)
            var one = options
            one.replications = 1
            let afterSamples: [Double]
            do { afterSamples = try Simulator(options: one).leadTimes(after) } catch { throw Self.afterModel(error) }
            samples = [try Simulator(options: one).leadTimes(before), afterSamples]
        }
        var waterfall: [WaterfallStep] = []
        if let scenario {
            let levers: [(String, String, [String])] = [("before", "before", [])] + scenario.levers.map { ($0.label, $0.name, $0.targets) }
            for ((label, name, targets), p) in zip(levers, Digitizer().steps(scenario, from: before)) {
                let m = ProcedureAnalysis(p).metrics
                waterfall.append(WaterfallStep(lever: label, leverName: name, targets: targets, leadTimeDays: m.leadTime.expectedDays,
                                               applicantVisits: m.applicantVisits, costPerCaseVND: m.cost.perCaseVND))
            }
        }
        let afterSteps = Set(after.flow.steps.map(\.id)), beforeSteps = Set(before.flow.steps.map(\.id))
        return Comparison(
            code: before.code, name: before.name, scenario: scenario?.name, volumePerYear: before.volume.perYear,
            staticRows: rows, findingsBefore: counts(a.findings), findingsAfter: counts(b.findings), simulated: simulated,
            replications: simulation?.replications ?? 0, seed: simulation?.seed ?? 0,
            casesPerReplication: simulation?.cases, utilisation: utilisation,
            steadyUtilisation: Self.steadyUtilisation(ProcedureAnalysis(before), ProcedureAnalysis(after)), waterfall: waterfall, changes: changes,
            removedSteps: before.flow.steps.map(\.id).filter { !afterSteps.contains($0) },
            deadlineWorkingDays: before.deadline?.workingDayEquivalent(openWeekdays: before.calendar(before.referenceCalendarID).openWeekdays),
            leadTimeSamples: samples,
            warnings: warnings.isEmpty ? nil : warnings, overloads: overloads,
            addedSteps: after.flow.steps.map(\.id).filter { !beforeSteps.contains($0) })
    }

    static func steadyUtilisation(_ a: ProcedureAnalysis, _ b: ProcedureAnalysis) -> [StaticRow] {
        let after = Dictionary(b.loads.map { ($0.actor, $0) }, uniquingKeysWith: { x, _ in x })
        return a.loads.compactMap { load in
            guard let u = load.utilisation, let v = after[load.actor]?.utilisation else { return nil }
            return StaticRow(key: load.actor, before: u, after: v)
        }
    }

    /// The facts behind ``overloadWarnings(_:_:analysis:)``.
    static func overloads(_ p: Procedure, _ results: [ReplicationResult], after: Bool) -> [OverloadNotice] {
        var notices: [OverloadNotice] = []
        for load in ProcedureAnalysis(p).loads {
            guard let u = load.utilisation, u >= 1 else { continue }
            notices.append(OverloadNotice(after: after, actor: load.actor, utilisation: u, offeredHours: load.offeredHours,
                                          openHours: load.capacityHours ?? 0))
        }
        let named = Set(notices.map(\.actor))
        for (id, actor) in p.actors where !named.contains(id) {
            if case .unlimited = actor.capacity { continue }
            let values = results.compactMap { $0.actors[id]?[figure: .utilisation] }
            guard !values.isEmpty else { continue }
            let u = values.reduce(0, +) / Double(values.count)
            if u >= 0.98 { notices.append(OverloadNotice(after: after, actor: id, utilisation: u)) }
        }
        return notices
    }

    /// Overloaded actors: the analyzer's (offered load at or above capacity), then the simulator's (busy
    /// 98% of the time or more) for actors the analyzer did not name.
    static func overloadWarnings(_ p: Procedure, _ results: [ReplicationResult], analysis: ProcedureAnalysis) -> [String] {
        let analytic = analysis.overloadWarnings
        let named = Set(analytic.map(\.actor))
        func mean(_ actor: String) -> Double? {
            let values = results.compactMap { $0.actors[actor]?[figure: .utilisation] }
            return values.isEmpty || named.contains(actor) ? nil : values.reduce(0, +) / Double(values.count)
        }
        return analytic.map(\.message) + Simulator.overloadWarnings(p, utilisation: mean)
    }

    /// An error of the after-model's simulation, said to be about the after-model (its locations are
    /// those of the before file it was made from, or none).
    static func afterModel(_ error: SimulationError) -> SimulationError {
        var e = error
        e.diagnostic.message = "the after-model: " + e.diagnostic.message
        return e
    }

    private func counts(_ findings: [Finding]) -> [String: Int] {
        Dictionary(grouping: findings, by: \.rule).mapValues(\.count)
    }

    private func paired(_ key: String, _ a: [Double?], _ b: [Double?]) -> SimulatedRow? {
        let pairs = zip(a, b).compactMap { x, y -> (Double, Double)? in
            guard let x, let y else { return nil }
            return (x, y)
        }
        guard !pairs.isEmpty else { return nil }
        return SimulatedRow(key: key, before: Estimate(pairs.map(\.0)), after: Estimate(pairs.map(\.1)),
                            difference: Estimate(pairs.map { $0.1 - $0.0 }))
    }
}
