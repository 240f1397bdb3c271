import Foundation
import ProcmodAnalysis
import ProcmodLoader
import ProcmodModel
@testable import ProcmodSimulation
import ProcmodTestSupport
import Testing

/// Issue 9: runs that never ended, answered nothing or said nothing now end with an error or a warning.
@Suite struct RunawayTests {
    static func procedure(volume: Int = 5000, arrivals: String = "", capacity: String = "unlimited",
                          mean: Double = 30) throws -> Procedure {
        try #require(TestSupport.load(ArrivalAndOutageTests.model(arrivals: arrivals, volume: volume)
            .replacingOccurrences(of: "capacity=\"1\"", with: "capacity=\"\(capacity)\"")
            .replacingOccurrences(of: "mean=\"30\"", with: "mean=\"\(mean)\"")).procedure)
    }

    static let few = SimulationOptions(cases: 200, replications: 2, seed: 1, threads: 1)

    /// A model built in code (never validated) whose loop no case can leave.
    static func inescapable() throws -> Procedure {
        var p = try procedure()
        let take = try #require(p.flow.index(of: "take"))
        let choice = FlowNode(id: "again", kind: .choice(.probability),
                              edges: [FlowEdge(target: take, probability: 1), FlowEdge(target: take + 2, probability: 0)])
        p.flow.nodes.insert(choice, at: take + 1)
        for i in p.flow.nodes.indices { for e in p.flow.nodes[i].edges.indices where p.flow.nodes[i].edges[e].target > take {
            p.flow.nodes[i].edges[e].target += 1
        } }
        p.flow.nodes[take].edges = [FlowEdge(target: take + 1)]
        p.flow.nodes[take + 1].edges = [FlowEdge(target: take, probability: 1), FlowEdge(target: take + 2, probability: 0)]
        return p
    }

    @Test func aLoopNoCaseCanLeaveStopsWithTheStep() throws {
        let p = try Self.inescapable()
        let three = SimulationOptions(cases: 3, replications: 2, seed: 1, threads: 1)
        #expect(throws: SimulationError.self) { try Simulator(options: three).run(p) }
        do {
            _ = try Simulator(options: three).run(p)
        } catch {
            #expect(error.diagnostic.message.contains("without finishing at 'take'"))
            #expect(error.diagnostic.code == "simulation")
        }
    }

    @Test func aCappedLoopOfProbabilityOneEndsAfterItsCap() throws {
        var p = try Self.inescapable()
        p.flow.nodes[1].edges[0].maxCount = 2
        let report = try Simulator(options: Self.few).run(p)
        #expect(report.kpis["cases"]?.mean == 200)
        // Three passes through 'take' (1 minute each) and one 'process' per case.
        #expect(report.actors["desk"]?["served"]?.mean == 600)
    }

    @Test func zeroVolumeIsAnErrorNotALeadTimeOfZero() throws {
        let p = try Self.procedure(volume: 0)
        #expect { try Simulator(options: Self.few).run(p) } throws: { error in
            (error as? SimulationError)?.diagnostic.message.contains("the procedure's volume is 0 cases a year") == true
        }
    }

    @Test func arrivalsAllBeforeTheStartAreAnErrorNotPoissonCases() throws {
        let p = try Self.procedure(arrivals: "<arrivals><at time=\"2025-03-03T09:00\"/><at time=\"2025-03-04T09:00\"/></arrivals>")
        #expect { try Simulator(options: Self.few).run(p) } throws: { error in
            (error as? SimulationError)?.diagnostic.message.contains("all 2 listed arrivals fall before the start date") == true
        }
    }

    @Test func someArrivalsBeforeTheStartAreAWarning() throws {
        let p = try Self.procedure(arrivals: "<arrivals><at time=\"2025-03-03T09:00\"/><at time=\"2026-03-04T09:00\"/></arrivals>")
        let report = try Simulator(options: Self.few).run(p)
        #expect(report.kpis["cases"]?.mean == 1)
        #expect(report.warnings.contains { $0.hasPrefix("1 listed arrivals fall before the start date") })
    }

    @Test func anOverloadedActorIsAWarning() throws {
        // 5,000 cases a year of 30 minutes on one server is light; of 3,000 minutes it is overloaded.
        let light = try Simulator(options: Self.few).run(try Self.procedure(capacity: "1"))
        #expect(light.warnings.isEmpty)
        let heavy = try Simulator(options: Self.few).run(try Self.procedure(capacity: "1", mean: 3000))
        #expect(heavy.warnings.contains { $0.contains("actor 'portal' is busy") && $0.contains("overloaded") })
    }

    @Test func oneReplicationSaysItHasNoInterval() throws {
        var one = Self.few
        one.replications = 1
        let report = try Simulator(options: one).run(try Self.procedure())
        #expect(report.warnings.contains { $0.hasPrefix("one replication gives no confidence interval") })
    }

    @Test func theClockGuardStopsAQueueThatGrowsForCenturies() throws {
        // 5,000 cases a year, each 8 years of work on one server: the queue would run for 40,000 years.
        let p = try Self.procedure(capacity: "1", mean: 8 * 365 * 1440)
        #expect { try Simulator(options: SimulationOptions(cases: 5000, replications: 2, seed: 1, threads: 1)).run(p) } throws: { error in
            (error as? SimulationError)?.diagnostic.message.contains("cases would still be waiting at 'process' 200 years after the last one arrived") == true
        }
    }

    @Test func openMinutesInClosedFormEqualsTheDayByDaySum() throws {
        let procedure = try #require(TestSupport.load(String(contentsOfFile: TestSupport.path("examples/every-construct.xml"),
                                                             encoding: .utf8)).procedure)
        for calendar in procedure.calendars.values {
            let c = CalendarTimeline(calendar, start: LocalDate(year: 2026, month: 1, day: 5)!)
            var rng = SystemRandomNumberGenerator()
            for _ in 0..<200 {
                let a = Double.random(in: -20_000...400_000, using: &rng), b = a + Double.random(in: 0...600_000, using: &rng)
                var expected = 0.0
                var day = Int((a / 1440).rounded(.down))
                while Double(day) * 1440 < b {
                    let base = Double(day) * 1440
                    for i in c.dayIntervals(day) { expected += max(0, min(b, base + i.end) - max(a, base + i.start)) }
                    day += 1
                }
                #expect(abs(c.openMinutes(from: a, to: b) - expected) < 1e-6, "\(calendar.id) \(a) \(b)")
            }
        }
    }

    @Test func pathsThroughAChainOfTenThousandStepsNeedNoRecursion() throws {
        let steps = (0..<10_000).map { "<step id=\"s\($0)\" name-en=\"S\" kind=\"verify\" actor=\"desk\"><work unit=\"minutes\"><fixed value=\"1\"/></work></step>" }
            .joined(separator: "\n")
        let xml = ArrivalAndOutageTests.model().replacingOccurrences(of: "<step id=\"process\"", with: steps + "\n<step id=\"process\"")
        let p = try #require(TestSupport.load(xml).procedure)
        let paths = ProcedureAnalysis(p).likelyPaths()
        #expect(paths.count == 1)
        #expect(paths.first?.steps.count == 10_002)
    }
}

/// The event log is CSV as RFC 4180 writes it, whatever the ids hold.
@Suite struct EventLogFieldTests {
    @Test func fieldsWithCommasOrQuotesAreQuoted() {
        #expect(EventLogWriter.field("receive") == "receive")
        #expect(EventLogWriter.field("nhận, kiểm tra") == "\"nhận, kiểm tra\"")
        #expect(EventLogWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }
}
