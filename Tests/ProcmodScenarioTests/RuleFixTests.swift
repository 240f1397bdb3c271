import Foundation
import ProcmodAnalysis
import ProcmodLoader
import ProcmodModel
import ProcmodScenario
import ProcmodTestSupport
import Testing

/// Every automatic fix lives beside its rule with examples before → after: each is applied with
/// `<fix rule>` and must leave exactly the flow the rule says (the example frame's own last step and end
/// aside), and the rule must no longer fire.
@Suite struct RuleFixTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: RuleID
        var index: Int
        var testDescription: String { "\(rule.rawValue) fix #\(index + 1)" }
    }

    static let cases = RuleCatalog.all.flatMap { rule in rule.fixExamples.indices.map { Case(rule: rule.ruleID, index: $0) } }

    @Test func everyFixableRuleHasAFixExample() {
        for rule in RuleCatalog.all where rule.fix != nil {
            #expect(!rule.fixExamples.isEmpty, "\(rule.id) has a fix but no example of it")
        }
        #expect(RuleCatalog.all.filter { $0.fix != nil }.count == 13)
    }

    @Test(arguments: cases)
    func theFixLeavesWhatTheRuleSays(_ c: Case) throws {
        let rule = try #require(RuleCatalog.rule(c.rule.rawValue))
        let example = rule.fixExamples[c.index]
        let before = try #require(TestSupport.load(example.beforeXML).procedure, "\(TestSupport.lines(TestSupport.load(example.beforeXML)))",
                                  sourceLocation: Self.location(example))
        let expected = try #require(TestSupport.load(example.afterXML).procedure, "\(TestSupport.lines(TestSupport.load(example.afterXML)))",
                                    sourceLocation: Self.location(example))
        #expect(Self.fires(rule, on: before), "the 'before' must trigger \(rule.id)", sourceLocation: Self.location(example))
        let result = Digitizer().apply(Scenario(procedure: before.code, name: LocalizedName(en: "fix"),
                                                levers: [Lever(.fixRule(rule: rule.id), name: "fix")]), to: before)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)", sourceLocation: Self.location(example))
        #expect(Self.flow(result.after) == Self.flow(expected), sourceLocation: Self.location(example))
        #expect(!Self.fires(rule, on: result.after), "\(rule.id) still fires after its fix", sourceLocation: Self.location(example))
        #expect(result.changes.contains { $0.resolves == rule.id }, "no change says it resolves \(rule.id)",
                sourceLocation: Self.location(example))
    }

    /// A saving the analyzer claims is what the model shows once the fix is applied: visits, the
    /// applicant's cost (compliance cost), the agencies' cost, expected lead time and pages, before minus
    /// after, on every fix example.
    @Test(arguments: cases)
    func theClaimedSavingIsWhatTheFixSaves(_ c: Case) throws {
        let rule = try #require(RuleCatalog.rule(c.rule.rawValue))
        let example = rule.fixExamples[c.index]
        let here = Self.location(example)
        let before = try #require(TestSupport.load(example.beforeXML).procedure, sourceLocation: here)
        var overrides: [String: Severity] = [:]
        for r in RuleCatalog.all { overrides[r.id] = r.id == rule.id ? .warning : .off }
        let claimed = Analyzer(configuration: AnalyzerConfiguration(overrides: overrides)).analyze(before).findings
            .compactMap(\.saving).reduce(Saving(), +)
        let after = Digitizer().apply(Scenario(procedure: before.code, name: LocalizedName(en: "fix"),
                                               levers: [Lever(.fixRule(rule: rule.id), name: "fix")]), to: before).after
        let a = ProcedureAnalysis(before).metrics, b = ProcedureAnalysis(after).metrics
        func same(_ x: Double, _ y: Double, _ what: String) {
            #expect(abs(x - y) < 1e-6 * max(1, abs(y)), "\(rule.id): claims \(x) \(what), the fix saves \(y)", sourceLocation: here)
        }
        same(claimed.visits, a.applicantVisits - b.applicantVisits, "visits")
        same(claimed.applicantVND, a.cost.perCaseVND - b.cost.perCaseVND, "VND of compliance cost")
        same(claimed.agencyVND, a.cost.agencyVND - b.cost.agencyVND, "VND of agency cost")
        same(claimed.elapsedDays, a.leadTime.expectedDays - b.leadTime.expectedDays, "working days")
        same(claimed.pages, a.pages - b.pages, "pages")
    }

    static func location(_ e: RuleFixExample) -> Testing.SourceLocation {
        Testing.SourceLocation(fileID: e.file, filePath: e.filePath, line: e.line, column: 1)
    }

    static func fires(_ rule: any Rule, on p: Procedure) -> Bool {
        var overrides: [String: Severity] = [:]
        for r in RuleCatalog.all { overrides[r.id] = r.id == rule.id ? .warning : .off }
        return !Analyzer(configuration: AnalyzerConfiguration(overrides: overrides)).analyze(p).findings.isEmpty
    }

    /// The flow as the writer prints it, without the frame's final `issue` step (whose result medium a
    /// lever may change) and end.
    static func flow(_ p: Procedure) -> String {
        let text = ProcedureWriter().write(p)
        guard let start = text.range(of: "<flow>"), let end = text.range(of: "</flow>") else { return text }
        return text[start.upperBound..<end.lowerBound].split(separator: "\n")
            .filter { !$0.contains("id=\"issue\"") && !$0.contains("<end id=\"done\"") && !$0.contains("<produces document=\"result\"") }
            .joined(separator: "\n")
    }
}
