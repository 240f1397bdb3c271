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

    /// Three parallel branches of exponential delays with means 2, 3 and 4 days: E[max] by
    /// inclusion–exclusion is 9 − (1.2 + 1.3333 + 1.7143) + 0.9231 = 5.6755 days, not the 4 of the
    /// slowest branch's mean (issue 12 §3: the analytic figure was 13.6% low on such a block).
    static func threeBranches(_ delays: [String]) -> String {
        frame(code: "PAR", """
            <step id="submit" kind="submit" actor="applicant"/>
            <parallel id="split"><branch to="a"/><branch to="b"/><branch to="c"/></parallel>
            <step id="a" kind="verify" actor="office" next="join"><delay unit="hours">\(delays[0])</delay></step>
            <step id="b" kind="verify" actor="office" next="join"><delay unit="hours">\(delays[1])</delay></step>
            <step id="c" kind="verify" actor="office" next="join"><delay unit="hours">\(delays[2])</delay></step>
            <join id="join" split="split"/>
            <step id="issue" kind="record" actor="office"><produces document="result" medium="electronic"/></step>
            """)
    }

    /// A procedure with an applicant and an unlimited office, always open, around `flow` (ended by `done`).
    static func frame(code: String, _ flow: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <procedure xmlns="urn:procmod:procedure:1" code="\(code)" name-en="\(code)" level="commune">
          <volume per-year="1000"/>
          <result document="result"/>
          <channels><channel id="in-person" kind="in-person" share="1"/></channels>
          <actors>
            <actor id="applicant" name-en="Applicant" kind="applicant" capacity="unlimited"/>
            <actor id="office" name-en="Office" kind="official" capacity="unlimited"/>
          </actors>
          <documents><document id="result" name-en="Result" kind="result" medium="electronic"/></documents>
          <flow>
        \(flow)
            <end id="done"/>
          </flow>
        </procedure>
        """
    }

    @Test func aParallelBlockTakesTheExpectedMaximumOfItsBranches() throws {
        // Always-open calendar: a working day is 24 hours.
        let exponential = try #require(TestSupport.load(Self.threeBranches(
            ["<exponential mean=\"48\"/>", "<exponential mean=\"72\"/>", "<exponential mean=\"96\"/>"])).procedure)
        let analytic = ProcedureAnalysis(exponential).expectedLeadTimeDays
        #expect(abs(analytic - 5.6755) < 0.001, "analytic \(analytic)")
        // Skewed triangular branches: the analytic figure lies within the simulation's interval (or 1%).
        let triangular = try #require(TestSupport.load(Self.threeBranches(
            ["<triangular min=\"12\" mode=\"24\" max=\"120\"/>", "<triangular min=\"24\" mode=\"48\" max=\"96\"/>",
             "<uniform min=\"30\" max=\"90\"/>"])).procedure)
        for p in [exponential, triangular] {
            let a = ProcedureAnalysis(p).expectedLeadTimeDays
            let simulated = try #require(try Simulator(options: SimulationOptions(cases: 4000, replications: 10, seed: 11))
                .run(p).kpis["leadTimeWorkingDays"])
            #expect(abs(simulated.mean - a) <= max(simulated.halfWidth * 1.5, 0.01 * a),
                    "analytic \(a), simulated \(simulated.mean) ± \(simulated.halfWidth)")
        }
    }

    /// A capped supplement loop inside a capped rework loop: the cap counts rounds per case, not per entry
    /// to the choice (issue 12 §3: the per-entry formula put lead time 2.5% and rework 8% high). With
    /// fixed durations and no queues, the analytic lead time is the simulated one.
    @Test func nestedCappedLoopsCountRoundsPerCase() throws {
        let xml = Self.frame(code: "NEST", """
                <step id="submit" kind="submit" actor="applicant"><delay unit="hours"><fixed value="24"/></delay></step>
                <step id="check" kind="receive" actor="office"><delay unit="hours"><fixed value="24"/></delay></step>
                <choice id="complete">
                  <branch to="review" probability="0.5"/>
                  <branch to="submit" probability="0.5" loop="supplement" max="2"/>
                </choice>
                <step id="review" kind="verify" actor="office"><delay unit="hours"><fixed value="48"/></delay></step>
                <choice id="sound">
                  <branch to="issue" probability="0.6"/>
                  <branch to="submit" probability="0.4" loop="rework" max="3"/>
                </choice>
                <step id="issue" kind="record" actor="office"><produces document="result" medium="electronic"/></step>
            """)
        let p = try #require(TestSupport.load(xml).procedure)
        let analysis = ProcedureAnalysis(p)
        let analytic = analysis.expectedLeadTimeDays
        let simulated = try #require(try Simulator(options: SimulationOptions(cases: 5000, replications: 10, seed: 3))
            .run(p).kpis["leadTimeWorkingDays"])
        #expect(abs(simulated.mean - analytic) <= simulated.halfWidth * 1.5 + 1e-9,
                "analytic \(analytic), simulated \(simulated.mean) ± \(simulated.halfWidth)")
        // By hand: the review runs 1 + 0.4 + 0.16 + 0.064 = 1.624 times (the rework cap of 3), each
        // reached once the supplements allow; submit runs once per entry plus its supplements, at most
        // two per case in all.
        let review = try #require(p.flow.nodes.firstIndex { $0.id == "review" })
        #expect(abs(analysis.flow.visits[review] - 1.624) < 1e-9, "review \(analysis.flow.visits[review])")
    }
}
