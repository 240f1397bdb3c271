import Foundation
import ProcmodAnalysis
import ProcmodLoader
import ProcmodReporting
import ProcmodTestSupport
import Testing

/// Every rule's own examples are its tests: each loads, and triggers exactly when it says it does.
@Suite struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: String
        var index: Int
        var testDescription: String { "\(rule) example \(index + 1)" }
    }

    static let cases = RuleCatalog.all.flatMap { rule in rule.examples.indices.map { Case(rule: rule.id, index: $0) } }

    @Test(arguments: cases)
    func example(_ c: Case) throws {
        let rule = try #require(RuleCatalog.rule(c.rule))
        let example = rule.examples[c.index]
        // A failure points at the example in the rule's file.
        let here = Testing.SourceLocation(fileID: example.file, filePath: example.filePath, line: example.line, column: 1)
        let loaded = ProcedureLoader().load(bytes: Array(example.xml.utf8), path: "\(c.rule)-example.xml")
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "the example does not load: \(loaded.diagnostics)",
                sourceLocation: here)
        let procedure = try #require(loaded.procedure, sourceLocation: here)
        let findings = rule.check(ProcedureAnalysis(procedure), RuleOptions())
        if example.triggers {
            // Exactly one finding, on the element the example names, with the rule's id.
            #expect(findings.map(\.element) == [example.element ?? "?"], "found \(findings.map(\.message))", sourceLocation: here)
            #expect(findings.allSatisfy { $0.rule == rule.id }, sourceLocation: here)
            if let words = example.message {
                #expect(findings.allSatisfy { $0.message.contains(words) }, "found \(findings.map(\.message))", sourceLocation: here)
            }
            // A finding carries its rule's legal basis.
            #expect(findings.allSatisfy { $0.legal == rule.legalBasis }, sourceLocation: here)
        } else {
            #expect(findings.isEmpty, "should not trigger; found \(findings.map(\.message))", sourceLocation: here)
        }
    }

    @Test func everyRuleHasATriggeringAndANonTriggeringExample() {
        for rule in RuleCatalog.all {
            #expect(rule.examples.contains { $0.triggers }, "\(rule.id) has no triggering example")
            #expect(rule.examples.allSatisfy { !$0.triggers || $0.element != nil }, "\(rule.id): a triggering example names its element")
            #expect(rule.examples.contains { !$0.triggers }, "\(rule.id) has no non-triggering example")
        }
    }

    /// A reform team signs a finding that removes paper only if it can check it against the law.
    @Test func everyRedundantPaperRuleCitesItsLegalBasis() throws {
        for rule in RuleCatalog.all where rule.category == .redundantPaper {
            let all = rule.legalBasis + rule.sectorLegalBasis.values.joined()
            #expect(!all.isEmpty, "\(rule.id) cites no legal basis")
            #expect(all.allSatisfy { $0.contains("Art.") }, "\(rule.id): every citation names an article")
        }
        // A sector's citations reach only that sector's findings.
        let judicial = try ProcedureLoader().loadProcedure(at: TestSupport.path("procedures/judicial-record.xml"))
        let findings = Analyzer().analyze(judicial).findings
        #expect(!findings.contains { $0.legal.contains { $0.contains("Enterprise Law") || $0.contains("Decree 123/2015") } })
        let enterprise = try ProcedureLoader().loadProcedure(at: TestSupport.path("procedures/enterprise-registration.xml"))
        #expect(Analyzer().analyze(enterprise).findings.contains { $0.rule == "paper-alongside-electronic" && $0.legal.contains { $0.contains("Enterprise Law") } })
    }

    @Test func catalogIsSortedAndIdsAreKebabCase() {
        let ids = RuleCatalog.all.map(\.id)
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(id) is not kebab-case") }
        for rule in RuleCatalog.all {
            #expect(rule.summary.hasSuffix("."), "\(rule.id): the summary is one sentence ending in a period")
        }
    }

    @Test func rulesDocumentationIsFresh() throws {
        let file = try String(contentsOfFile: TestSupport.path("docs/rules.md"), encoding: .utf8)
        #expect(file == RuleDocumentation.markdown, "docs/rules.md is stale: run `procmod rules --markdown > docs/rules.md`")
    }
}

struct SourceLocationNote: CustomStringConvertible {
    var file: String
    var line: Int
    var description: String { "\(file):\(line)" }
}

/// The rule catalog's layout on disk.
@Suite struct RuleFileTests {
    /// One rule per file, named by its id: `once-only` lives in `Rules/OnceOnlyRule.swift` as `OnceOnlyRule`,
    /// and every file in `Rules/` but the helpers holds exactly one rule.
    @Test func everyRuleHasAFileNamedByItsID() throws {
        let folder = TestSupport.path("Sources/ProcmodAnalysis/Rules")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        var expected: Set<String> = ["RuleHelpers.swift"]
        for rule in RuleCatalog.all {
            let name = rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Rule"
            expected.insert(name + ".swift")
            let text = try String(contentsOfFile: folder + "/" + name + ".swift", encoding: .utf8)
            #expect(text.contains("struct \(name): Rule"), "\(name).swift must declare \(name)")
            #expect(text.contains("let ruleID = RuleID.\(rule.ruleID)"), "\(name).swift must hold the rule '\(rule.id)'")
            #expect(text.components(separatedBy: ": Rule {").count == 2, "\(name).swift must hold one rule")
        }
        #expect(files == expected)
    }
}
