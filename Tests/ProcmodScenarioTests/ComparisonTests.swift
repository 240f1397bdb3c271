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

    /// Charts that tell the truth (issue 13 §2): utilisation is drawn on a 0–100% axis, so a desk at 4%
    /// fills 4% of it, with the 85% threshold marked; the waterfall starts at the lead time before, each
    /// lever a bar from the value before it to the value after it, and ends at the lead time after.
    @Test func chartGeometryFollowsTheFigures() throws {
        let (p, s) = try shipped("birth-registration", "birth-registration-2024")
        let r = Digitizer().apply(s, to: p)
        let c = try Comparer(simulation: Self.options).compare(before: p, after: r.after, scenario: s, changes: r.changes)
        let html = try HTMLComparisonRenderer(context: ReportContext(language: .en)).render(c)
        func rects(_ cls: String) -> [(x: Double, y: Double, width: Double, height: Double)] {
            let pattern = #"<rect class="\#(cls)" x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)" height="([0-9.]+)""#
            let regex = try! NSRegularExpression(pattern: pattern)
            return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { m in
                let v = (1...4).map { Double((html as NSString).substring(with: m.range(at: $0))) ?? -1 }
                return (v[0], v[1], v[2], v[3])
            }
        }
        // Utilisation bars start at x = 200 on a 390-unit axis for 0–100%.
        let desk = try #require(c.steadyUtilisation.first)
        let bar = try #require(rects("before").first { $0.x == 200 && $0.height == 10 })
        #expect(abs(bar.width - desk.before * 390) < 0.1, "\(bar.width) for \(desk.before)")
        #expect(html.contains(#"class="threshold""#) && html.contains(">85%<"))
        // Waterfall: first bar the lead time before, last the lead time after, same scale.
        let first = try #require(c.waterfall.first), last = try #require(c.waterfall.last)
        let start = try #require(rects("before").last), end = try #require(rects("total").first)
        #expect(abs(end.height / start.height - last.leadTimeDays / first.leadTimeDays) < 0.01)
        let barWidth = ((596 / Double(c.waterfall.count + 1) - 8) * 10).rounded() / 10
        let levers = (rects("after") + rects("rise")).filter { abs($0.width - barWidth) < 0.01 }
        #expect(levers.count == c.waterfall.count - 1, "one floating bar per lever")
        // Histogram: a y-axis of shares, the tail bin labelled, and the same-day deadline drawn and named.
        #expect(html.contains(">share of cases<") && html.contains(">0%<"))
        #expect(html.contains(">≥ "))
        #expect(html.contains(">deadline: same day<"))
        // Shares differ in percentage points, with the decimals their interval needs.
        let text = try TextComparisonRenderer(language: .en, colored: false).render(c)
        #expect(text.contains(" pp ± "))
    }

    /// A scenario that moves the lead time by a few percent: the waterfall's axis starts at a round value
    /// below the smallest lead time (said in the chart), so the levers' bars can be seen; the bars keep
    /// their proportions above that value.
    @Test func aSmallChangeZoomsTheWaterfallAndSaysSo() throws {
        let (p, s) = try shipped("land-use-certificate", "land-use-certificate-axis")
        let r = Digitizer().apply(s, to: p)
        let c = try Comparer(simulation: nil).compare(before: p, after: r.after, scenario: s, changes: r.changes)
        let page = try HTMLComparisonRenderer(context: ReportContext(language: .en)).render(c)
        #expect(page.contains("working days (the axis starts at 40)"))
        // The waterfall's own drawing.
        let start = try #require(page.range(of: #"aria-label="What each lever contributed"#))
        let html = String(page[start.lowerBound...].prefix { $0 != "\u{0}" }.split(separator: "</svg>").first ?? "")
        let heights = try NSRegularExpression(pattern: #"<rect class="(before|total)" x="[0-9.]+" y="[0-9.]+" width="[0-9.]+" height="([0-9.]+)""#)
            .matches(in: html, range: NSRange(html.startIndex..., in: html)).map { Double((html as NSString).substring(with: $0.range(at: 2))) ?? 0 }
        let first = try #require(c.waterfall.first).leadTimeDays, last = try #require(c.waterfall.last).leadTimeDays
        // In document order: the lead time before (class before), then after (class total).
        #expect(heights.count == 2)
        let startHeight = try #require(heights.first), endHeight = try #require(heights.last)
        #expect(abs(startHeight / endHeight - (first - 40) / (last - 40)) < 0.02, "\(heights)")
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
        let date = LocalDate(year: 2026, month: 11, day: 30)
        let en = ReportContext(language: .en, before: p, after: r.after, date: date, version: "0.0.0")
        let vi = ReportContext(language: .vi, before: p, after: r.after, date: date, version: "0.0.0")
        let renderers: [(String, any ComparisonRenderer)] = [
            ("txt", TextComparisonRenderer(context: en, colored: false)),
            ("vi.md", MarkdownComparisonRenderer(context: vi)),
            ("json", JSONComparisonRenderer()),
            ("html", HTMLComparisonRenderer(context: en, afterSteps: r.after.flow.steps.map(\.id))),
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
        let first = try #require(evil.flow.nodes.firstIndex { $0.step != nil })
        var step = try #require(evil.flow.nodes[first].step)
        step.name = LocalizedName(en: "<img src=x onerror=alert(1)>")
        evil.flow.nodes[first].kind = .step(step)
        let html = try HTMLComparisonRenderer(context: ReportContext(language: .en, before: evil, after: evil)).render(c)
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
        let vi = try MarkdownComparisonRenderer(context: ReportContext(language: .vi, before: overloaded, after: r.after)).render(c)
        #expect(vi.contains("hàng đợi tăng") && !vi.contains("its queue grows"))
        let (plain, _) = try shipped("passport", "passport-post")
        #expect(try Comparer(simulation: Self.options).compare(before: plain, after: plain).warnings == nil)
    }
}
