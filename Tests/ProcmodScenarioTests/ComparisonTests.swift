import Foundation
import ProcmodLoader
import ProcmodModel
import ProcmodReporting
import ProcmodScenario
import ProcmodSimulation
import ProcmodTestSupport
import Testing

/// The before/after comparison: paired statistics, goldens in every format.
@Suite struct ComparisonTests {
    static let options = SimulationOptions(cases: 300, replications: 4, seed: 3, threads: 2)

    func shipped(_ name: String, _ scenario: String) throws -> (Procedure, Scenario) {
        let relative = "procedures/\(name).xml"
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestSupport.path(relative))))
        let p = try #require(ProcedureLoader().load(bytes: bytes, path: relative).procedure)
        let s = try #require(ScenarioLoader().load(path: TestSupport.path("examples/scenarios/\(scenario).xml")).scenario)
        return (p, s)
    }

    @Test func aRealDifferenceIsSignificant() throws {
        let (p, s) = try shipped("birth-registration", "birth-registration-2024")
        let r = Digitizer().apply(s, to: p)
        let c = try Comparer(simulation: Self.options).compare(before: p, after: r.after, scenario: s, changes: r.changes)
        let lead = try #require(c.simulated.first { $0.key == "leadTimeWorkingDays" })
        #expect(lead.significant && lead.difference.high < 0)
        let visits = try #require(c.simulated.first { $0.key == "applicantVisits" })
        #expect(visits.significant && visits.difference.mean < -0.4)
    }

    @Test func aNullChangeIsNotSignificant() throws {
        let (p, _) = try shipped("passport", "passport-post")
        let c = try Comparer(simulation: Self.options).compare(before: p, after: p)
        #expect(c.simulated.allSatisfy { !$0.significant })
        #expect(c.simulated.allSatisfy { $0.difference.mean == 0 })
    }

    @Test func theWaterfallStartsAtBeforeAndEndsAtAfter() throws {
        let (p, s) = try shipped("judicial-record", "judicial-record-vneid")
        let r = Digitizer().apply(s, to: p)
        let c = try Comparer(simulation: nil).compare(before: p, after: r.after, scenario: s, changes: r.changes)
        #expect(c.waterfall.count == s.levers.count + 1)
        let beforeLead = try #require(c.staticRows.first { $0.key == "expectedLeadTimeDays" })
        #expect(abs(c.waterfall.first!.leadTimeDays - beforeLead.before) < 1e-9)
        #expect(abs(c.waterfall.last!.costPerCaseVND - (c.staticRows.first { $0.key == "costPerCaseVND" }?.after ?? -1)) < 1e-6)
    }

    /// Golden reports for two shipped procedures in every format. PROCMOD_RECORD_GOLDENS=1 re-records
    /// them; a recording run fails on purpose.
    @Test(arguments: [("birth-registration", "birth-registration-2024"), ("judicial-record", "judicial-record-vneid")])
    func goldenReports(_ name: String, _ scenario: String) throws {
        let (p, s) = try shipped(name, scenario)
        let r = Digitizer().apply(s, to: p)
        let c = try Comparer(simulation: Self.options).compare(before: p, after: r.after, scenario: s, changes: r.changes)
        let renderers: [(String, any ComparisonRenderer)] = [
            ("txt", TextComparisonRenderer(language: .en, colored: false)),
            ("vi.md", MarkdownComparisonRenderer(language: .vi)),
            ("json", JSONComparisonRenderer()),
            ("html", HTMLComparisonRenderer(language: .en, beforeSteps: p.flow.steps.map { ($0.id, $0.name.text(.en, fallback: $0.id)) })),
        ]
        for (ext, renderer) in renderers {
            let text = try renderer.render(c)
            let golden = TestSupport.path("Tests/ProcmodScenarioTests/Goldens/\(scenario).\(ext)")
            if ProcessInfo.processInfo.environment["PROCMOD_RECORD_GOLDENS"] != nil {
                try text.write(toFile: golden, atomically: true, encoding: .utf8)
                Issue.record("recorded \(golden)")
                continue
            }
            #expect(text == (try String(contentsOfFile: golden, encoding: .utf8)), "\(scenario).\(ext) changed; re-record if intended")
        }
    }

    @Test func htmlEscapesWhatTheModelSays() throws {
        let (p, _) = try shipped("passport", "passport-post")
        var evil = p
        evil.name = LocalizedName(vi: "<script>alert('x')</script>", en: "<b>bold</b> & co")
        let c = try Comparer(simulation: nil).compare(before: evil, after: evil)
        let html = try HTMLComparisonRenderer(language: .en, beforeSteps: [("s", "<img src=x onerror=alert(1)>")]).render(c)
        #expect(!html.contains("<b>bold</b>") && html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; co"))
        #expect(!html.contains("<img") && html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func anOverloadedActorIsWarnedOfInEveryFormat() throws {
        let (p, s) = try shipped("passport", "passport-post")
        var overloaded = p
        for id in overloaded.actors.keys where overloaded.actors[id]?.kind != .applicant {
            if case .servers = overloaded.actors[id]!.capacity { overloaded.actors[id]!.capacity = .servers(1) }
        }
        overloaded.volume.perYear *= 1_000
        let r = Digitizer().apply(s, to: overloaded)
        let c = try Comparer(simulation: Self.options).compare(before: overloaded, after: r.after, scenario: s, changes: r.changes)
        let warnings = try #require(c.warnings)
        #expect(warnings.contains { $0.hasPrefix("before: actor '") && $0.contains("its queue grows") })
        for renderer in [TextComparisonRenderer(language: .en, colored: false), MarkdownComparisonRenderer(language: .en),
                         JSONComparisonRenderer()] as [any ComparisonRenderer] {
            #expect(try renderer.render(c).contains("its queue grows"))
        }
        let (plain, _) = try shipped("passport", "passport-post")
        #expect(try Comparer(simulation: Self.options).compare(before: plain, after: plain).warnings == nil)
    }
}
