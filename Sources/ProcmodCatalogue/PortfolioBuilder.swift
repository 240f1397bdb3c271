public import ProcmodModel
import ProcmodAnalysis
public import ProcmodSimulation

/// The simulated replications a portfolio is built from: before and (with a scenario) after, each
/// complete and in replication order. A single run simulates them; `procmod merge` reads them from
/// the shards' partial results.
public struct PortfolioRuns: Sendable, Codable, Hashable {
    public var before: [JointReplication]
    public var after: [JointReplication]?

    public init(before: [JointReplication], after: [JointReplication]?) {
        self.before = before
        self.after = after
    }
}

/// Builds the portfolio of a catalogue before and after a scenario.
public struct PortfolioBuilder: Sendable {
    public var simulation: SimulationOptions?
    /// Target cuts (0.3 for 30%); the catalogue's own `<targets>` when nil.
    public var targetCost: Double?
    public var targetTime: Double?

    public init(simulation: SimulationOptions?, targetCost: Double? = nil, targetTime: Double? = nil) {
        self.simulation = simulation
        self.targetCost = targetCost
        self.targetTime = targetTime
    }

    /// Simulates the replications numbered `indices` (all when nil) of the site before and, when
    /// given, after.
    public func runs(before: CatalogueSite, after: CatalogueSite?, indices: [Int]? = nil,
                     progress: (@Sendable (Int) -> Void)? = nil) throws(SimulationError) -> PortfolioRuns {
        guard let options = simulation else { return PortfolioRuns(before: [], after: nil) }
        let simulator = JointSimulator(options: options)
        let b = try simulator.replications(before.members, resources: before.resources, indices: indices, progress: progress)
        guard let after else { return PortfolioRuns(before: b, after: nil) }
        let done = b.count
        let a: [JointReplication]
        do {
            a = try simulator.replications(after.members, resources: after.resources, indices: indices,
                                           progress: progress.map { report in { @Sendable n in report(done + n) } })
        } catch {
            var e = error
            e.diagnostic.message = "the after-models: " + e.diagnostic.message
            throw e
        }
        return PortfolioRuns(before: b, after: a)
    }

    /// The portfolio from the site before, after (the same site when there is no scenario), what was
    /// applied to each procedure, and the simulated replications.
    public func build(before: CatalogueSite, after: CatalogueSite, levers: [AppliedLevers], paths: [String],
                      scenario: LocalizedName?, runs: PortfolioRuns) -> Portfolio {
        let afterRuns = runs.after ?? runs.before
        var rows: [PortfolioRow] = []
        for (i, (p, q)) in zip(before.procedures, after.procedures).enumerated() {
            let a = ProcedureAnalysis(p).metrics, b = ProcedureAnalysis(q).metrics
            let cases = before.casesPerYear(i)
            func pair(_ f: (ProcedureMetrics) -> Double) -> PortfolioPair { PortfolioPair(f(a), f(b)) }
            func yearly(_ f: (ProcedureMetrics) -> Double) -> PortfolioPair { PortfolioPair(f(a) * cases, f(b) * cases) }
            let deadline = p.deadline.map { d in
                PortfolioPair(d.workingDayEquivalent(openWeekdays: p.calendar(p.referenceCalendarID).openWeekdays),
                              q.deadline?.workingDayEquivalent(openWeekdays: q.calendar(q.referenceCalendarID).openWeekdays) ?? 0)
            }
            rows.append(PortfolioRow(
                code: p.code, name: p.name, file: i < paths.count ? paths[i] : "", perSitePerYear: before.perYear(i), casesPerYear: cases,
                costPerCase: pair { $0.cost.perCaseVND }, costPerYear: yearly { $0.cost.perCaseVND },
                applicantHoursPerCase: pair { $0.cost.applicantHours }, applicantHoursPerYear: yearly { $0.cost.applicantHours },
                visitsPerCase: pair(\.applicantVisits), visitsPerYear: yearly(\.applicantVisits),
                pagesPerCase: pair(\.pages), pagesPerYear: yearly(\.pages),
                leadTimeDays: pair { $0.leadTime.expectedDays }, deadlineDays: deadline,
                simulatedLeadTime: paired(runs.before, afterRuns) { $0.members[i].kpis[figure: .leadTimeWorkingDays] },
                onTimeShare: paired(runs.before, afterRuns) { $0.members[i].kpis[figure: .onTimeShare] },
                levers: i < levers.count ? levers[i] : AppliedLevers(applied: [], notApplicable: [], changes: [])))
        }
        func total(_ f: (PortfolioRow) -> PortfolioPair) -> PortfolioPair {
            PortfolioPair(rows.reduce(0) { $0 + f($1).before }, rows.reduce(0) { $0 + f($1).after })
        }
        let casesPerYear = rows.reduce(0) { $0 + $1.casesPerYear }
        let weightedLead = PortfolioPair(rows.reduce(0) { $0 + $1.leadTimeDays.before * $1.casesPerYear } / max(casesPerYear, 1e-300),
                                         rows.reduce(0) { $0 + $1.leadTimeDays.after * $1.casesPerYear } / max(casesPerYear, 1e-300))
        let totals = PortfolioTotals(
            casesPerYear: casesPerYear, costPerYear: total(\.costPerYear), applicantHoursPerYear: total(\.applicantHoursPerYear),
            visitsPerYear: total(\.visitsPerYear), pagesPerYear: total(\.pagesPerYear), leadTimeDays: weightedLead,
            simulatedLeadTime: paired(runs.before, afterRuns) { Self.siteMean($0, .leadTimeWorkingDays) },
            onTimeShare: paired(runs.before, afterRuns) { Self.siteMean($0, .onTimeShare) })
        // With a scenario: by the saving; without one: by the yearly cost (the largest burden first).
        func key(_ r: PortfolioRow) -> Double { scenario == nil ? r.costPerYear.before : r.costPerYear.saving }
        let ranking = rows.sorted { key($0) != key($1) ? key($0) > key($1) : $0.code < $1.code }
        let saving = totals.costPerYear.saving
        var carriers: [String] = []
        if saving > 0 {
            var sum = 0.0
            for row in ranking where sum < 0.8 * saving {
                sum += row.costPerYear.saving
                carriers.append(row.code)
            }
        }
        var targets: [PortfolioTarget] = []
        // Targets measure a cut: there is none to measure without a scenario.
        if scenario != nil, let t = targetCost ?? before.catalogue.targetCost {
            targets.append(PortfolioTarget(kind: "cost", target: t, achieved: totals.costPerYear.cut ?? 0,
                                           proceduresNeeded: Self.needed(ranking.map(\.costPerYear.saving), goal: t * totals.costPerYear.before)))
        }
        if scenario != nil, let t = targetTime ?? before.catalogue.targetTime {
            // Time: the simulated mean lead time over all cases of the site when simulated, else the
            // analyzer's volume-weighted one; procedures needed by their share of case-days saved.
            let time = totals.simulatedLeadTime.map { PortfolioPair($0.before.mean, $0.after.mean) } ?? weightedLead
            let daysSaved = ranking.map { ($0.leadTimeDays.before - $0.leadTimeDays.after) * $0.casesPerYear }
            targets.append(PortfolioTarget(kind: "time", target: t, achieved: time.cut ?? 0,
                                           proceduresNeeded: Self.needed(daysSaved, goal: t * weightedLead.before * casesPerYear)))
        }
        var resources: [PortfolioResource] = []
        let afterResources = Dictionary(after.catalogue.resources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        if !runs.before.isEmpty {
            for r in before.catalogue.resources {
                func figure(_ f: Figure) -> PortfolioEstimate? { paired(runs.before, afterRuns) { $0.resources[r.id]?[figure: f] } }
                guard let u = figure(.utilisation), let w = figure(.meanWaitMinutes), let q = figure(.meanQueueLength) else { continue }
                let servers = r.capacity.servers.map { PortfolioPair(Double($0), Double(afterResources[r.id]?.capacity.servers ?? $0)) }
                resources.append(PortfolioResource(id: r.id, name: r.name, servers: servers, utilisation: u, meanWaitMinutes: w,
                                                   meanQueueLength: q, procedures: before.users(of: r.id)))
            }
            resources.sort { $0.utilisation.before.mean != $1.utilisation.before.mean ? $0.utilisation.before.mean > $1.utilisation.before.mean : $0.id < $1.id }
        }
        var warnings: [String] = []
        for r in resources where r.utilisation.before.mean >= 0.98 || r.utilisation.after.mean >= 0.98 {
            warnings.append("resource '\(r.id)' is busy \(Int((max(r.utilisation.before.mean, r.utilisation.after.mean) * 100).rounded()))% of its "
                            + "open time: its queue grows for as long as the run lasts (add capacity or lower the volume)")
        }
        if simulation != nil && (simulation?.replications ?? 0) < 2 {
            warnings.append("one replication gives no confidence interval: run at least 2 (30 is the default)")
        }
        return Portfolio(catalogue: before.catalogue.id, name: before.catalogue.name, level: before.catalogue.level,
                         sites: before.catalogue.sites, scenario: scenario, replications: runs.before.count,
                         seed: simulation?.seed ?? 0, horizonDays: simulation?.horizonDays, rows: rows, totals: totals,
                         targets: targets, ranking: ranking.map(\.code), carriers: carriers, resources: resources, warnings: warnings)
    }

    /// The mean of a figure over every counted case of the site in one replication (each procedure's
    /// mean weighted by its counted cases).
    static func siteMean(_ r: JointReplication, _ figure: Figure) -> Double? {
        var sum = 0.0, weight = 0.0
        for m in r.members {
            guard let value = m.kpis[figure: figure], let cases = m.kpis[figure: .cases], cases > 0 else { continue }
            sum += value * cases
            weight += cases
        }
        return weight > 0 ? sum / weight : nil
    }

    /// How many savings, taken in order, reach `goal` (nil: they never do, or there is nothing to reach).
    static func needed(_ savings: [Double], goal: Double) -> Int? {
        guard goal > 0 else { return nil }
        var sum = 0.0
        for (k, s) in savings.enumerated() {
            sum += s
            if sum >= goal - 1e-9 * goal { return k + 1 }
        }
        return nil
    }

    private func paired(_ before: [JointReplication], _ after: [JointReplication],
                        _ f: (JointReplication) -> Double?) -> PortfolioEstimate? {
        var x: [Double] = [], y: [Double] = []
        for (a, b) in zip(before, after) {
            guard let u = f(a), let v = f(b) else { continue }
            x.append(u)
            y.append(v)
        }
        return x.isEmpty ? nil : PortfolioEstimate(x, y)
    }
}
