import Foundation
import ProcmodAnalysis
import ProcmodLoader
import ProcmodModel
import ProcmodScenario
import ProcmodSimulation
import ProcmodTestSupport
import Testing

/// docs/library.md's round trip, as written there (paths made absolute): if the documented API changes,
/// this stops compiling.
@Suite struct LibraryGuideTests {
    @Test func theDocumentedRoundTripRuns() throws {
        let before = try ProcedureLoader().loadProcedure(at: TestSupport.path("procedures/birth-registration.xml"))
        guard let scenario = ScenarioLoader().load(path: TestSupport.path("examples/scenarios/birth-registration-2024.xml")).scenario else {
            Issue.record("the scenario did not load"); return
        }
        let result = Digitizer().apply(scenario, to: before)
        #expect(result.diagnostics.isEmpty)
        let findings = Analyzer().analyze(before).findings
        let options = SimulationOptions(cases: 2000, replications: 10, seed: 1)
        let after = try Simulator(options: options).run(result.after)
        let onTime = try #require(after.kpis[figure: .onTimeShare])
        #expect(!findings.isEmpty && onTime.mean > 0.9 && onTime.replications == 10)
        let comparison = try Comparer(simulation: options).compare(before: before, after: result.after,
                                                                   scenario: scenario, changes: result.changes)
        #expect(!comparison.simulated.isEmpty)
        #expect(ProcedureLoader().check(result.after, name: "after.xml").diagnostics.filter { $0.severity == .error }.isEmpty)
    }
}
