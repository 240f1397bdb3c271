import Foundation
import ProcmodAnalysis
import ProcmodLoader
import ProcmodModel
import ProcmodSimulation
import ProcmodTestSupport
import Testing

/// The analyzer's analytic figures and the simulator's agree by construction where they should: with
/// queues switched off (every actor unlimited, no signing times, no batches, no outages), calendars
/// always open and every duration fixed at its mean, the analytic expected lead time is the simulated
/// mean lead time, on every shipped procedure (within the simulation's 95% interval; choices and loops
/// are still drawn at random).
@Suite struct AnalyticAgreementTests {
    static let names = ["birth-registration", "birth-residence-insurance-chain-2015", "building-permit", "enterprise-registration",
                        "judicial-record", "land-use-certificate", "marriage-registration", "passport", "permanent-residence"]

    /// The procedure with queues off, calendars always open, durations fixed at their means.
    static func deterministic(_ p: Procedure) -> Procedure {
        var p = p
        for id in p.actors.keys {
            p.actors[id]?.capacity = .unlimited
            p.actors[id]?.calendar = alwaysOpenCalendarID
            p.actors[id]?.cadence = nil
            p.actors[id]?.batchSize = nil
            p.actors[id]?.availability = nil
        }
        p.deadline?.calendar = nil
        p.arrivals = nil
        func fixed(_ q: TimedQuantity?) -> TimedQuantity? {
            q.map { TimedQuantity(unit: $0.unit, distribution: .fixed(value: $0.distribution.mean)) }
        }
        for i in p.flow.nodes.indices {
            guard case .step(var s) = p.flow.nodes[i].kind else { continue }
            s.work = fixed(s.work)
            s.delay = fixed(s.delay)
            p.flow.nodes[i].kind = .step(s)
        }
        return p
    }

    @Test(arguments: names)
    func analyticLeadTimeIsTheSimulatedOne(_ name: String) throws {
        let text = try String(contentsOfFile: TestSupport.path("procedures/\(name).xml"), encoding: .utf8)
        let procedure = Self.deterministic(try #require(TestSupport.load(text).procedure))
        let analytic = ProcedureAnalysis(procedure).expectedLeadTimeDays
        let simulated = try #require(try Simulator(options: SimulationOptions(cases: 2000, replications: 10, seed: 5))
            .run(procedure).kpis["leadTimeWorkingDays"])
        #expect(abs(simulated.mean - analytic) <= simulated.halfWidth + 1e-6 * max(1, analytic),
                "\(name): analytic \(analytic) days, simulated \(simulated.mean) ± \(simulated.halfWidth)")
    }
}
