import Foundation
import ProcmodAnalysis
import ProcmodInvariants
import ProcmodLoader
import ProcmodModel
import ProcmodReporting
import ProcmodSimulation
import ProcmodTestSupport
@testable import ProcmodXML
import Testing

/// Each invariant with a passing and a failing procedure, the three-valued verdict at the edge, and the
/// JUnit XML shape.
@Suite struct InvariantTests {
    static let options = SimulationOptions(cases: 400, replications: 6, seed: 2, threads: 2)

    func procedure(_ name: String) throws -> Procedure {
        if name == "cited" {
            // Every requirement cites its basis.
            let flow = #"<step id="s" name-en="S" kind="submit" actor="applicant"><requires document="form" form="original" legal="law"/></step>"#
            let xml = ExampleProcedure.xml(RuleExample(triggers: false, flow: flow))
                .replacingOccurrences(of: "<agencies>", with: #"<legal-basis><provision id="law" act="Law"/></legal-basis><agencies>"#)
            return try #require(TestSupport.load(xml).procedure)
        }
        let relative = name.hasPrefix("examples/") ? name : "procedures/\(name).xml"
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestSupport.path(relative))))
        return try #require(ProcedureLoader().load(bytes: bytes, path: relative).procedure)
    }

    func verdict(_ kind: Invariant.Kind, _ p: Procedure) -> Verdict {
        InvariantChecker(simulation: Self.options).check([Invariant(kind, name: "test")], on: p, path: p.location.file)[0].verdict
    }

    /// (invariant, passing procedure, the invariant for the failing case, failing procedure).
    static let cases: [(Invariant.Kind, String, Invariant.Kind?, String)] = [
        (.maxVisits(1), "examples/after/judicial-record-vneid.xml", nil, "passport"),
        (.maxHandoffs(1), "passport", nil, "land-use-certificate"),
        (.noCertifiedCopies, "examples/after/birth-registration-2024.xml", nil, "birth-registration"),
        (.onceOnly(registers: ["population"]), "examples/after/judicial-record-vneid.xml", nil, "judicial-record"),
        (.noPaperAlongsideElectronic, "passport", nil, "enterprise-registration"),
        (.approvalOnEveryPath(actor: "chairman"), "birth-registration", .approvalOnEveryPath(actor: "civil-officer"), "birth-registration"),
        (.legalBasisForRequirements, "cited", nil, "birth-registration"),
        (.maxCostPerCase(200_000), "examples/after/birth-registration-2024.xml", nil, "land-use-certificate"),
        (.rule("obsolete-document"), "passport", nil, "judicial-record"),
        (.leadTimePercentile(percentile: 90, maxWorkingDays: 8), "passport", nil, "land-use-certificate"),
        (.onTimeShare(minimum: 0.9), "passport", nil, "land-use-certificate"),
    ]

    @Test(arguments: cases.indices)
    func passesAndFails(_ i: Int) throws {
        let (kind, passing, failingKind, failing) = Self.cases[i]
        #expect(verdict(kind, try procedure(passing)) == .pass, "\(kind) should pass on \(passing)")
        #expect(verdict(failingKind ?? kind, try procedure(failing)) == .fail, "\(failingKind ?? kind) should fail on \(failing)")
    }

    @Test func simulatedVerdictIsThreeValued() throws {
        let p = try procedure("passport")
        let r = try Simulator(options: Self.options).run(p)
        let p90 = try #require(r.kpis["leadTimeWorkingDaysP90"])
        // A bound inside the interval is inconclusive; just above its top passes; just below its bottom fails.
        let inside = InvariantChecker(simulation: Self.options)
            .check([Invariant(.leadTimePercentile(percentile: 90, maxWorkingDays: p90.mean + p90.halfWidth / 2), name: "lead-time")],
                   on: p, path: "p")[0]
        #expect(inside.verdict == .inconclusive)
        #expect((inside.replicationsNeeded ?? 0) > Self.options.replications)
        #expect(verdict(.leadTimePercentile(percentile: 90, maxWorkingDays: p90.high + 1e-6), p) == .pass)
        #expect(verdict(.leadTimePercentile(percentile: 90, maxWorkingDays: p90.low - 1e-6), p) == .fail)
    }

    @Test func failuresPointIntoTheModel() throws {
        let r = InvariantChecker().check([Invariant(.noCertifiedCopies, name: "no-certified-copies")],
                                         on: try procedure("birth-registration"), path: "procedures/birth-registration.xml")[0]
        #expect(r.message == "certified copies: 'parent-id' at procedures/birth-registration.xml:96:7, "
                + "'household-book' at procedures/birth-registration.xml:97:7")
    }

    @Test func suitesApplyByPathFieldAndLevel() throws {
        let p = try procedure("birth-registration")
        let suite = { (a: InvariantSuite.Applies) in InvariantSuite(name: nil, applies: [a], invariants: [Invariant(.noCertifiedCopies, name: "x")]) }
        #expect(applicableInvariants(for: p, path: "procedures/birth-registration.xml",
                                     suites: [suite(.init(path: "procedures/*.xml", field: nil, level: nil))]).count == 1)
        #expect(applicableInvariants(for: p, path: "procedures/birth-registration.xml",
                                     suites: [suite(.init(path: "examples/**", field: nil, level: nil))]).isEmpty)
        #expect(applicableInvariants(for: p, path: "x.xml", suites: [suite(.init(path: nil, field: "civil-status", level: .commune))]).count == 1)
        #expect(applicableInvariants(for: p, path: "x.xml", suites: [suite(.init(path: nil, field: "land", level: nil))]).isEmpty)
        #expect(globMatches("examples/**/*.xml", "examples/after/a.xml") && !globMatches("examples/*.xml", "examples/after/a.xml"))
        #expect(globMatches("p?ss*.xml", "passport.xml") && !globMatches("*.xml", "a/b.xml") && globMatches("**", "a/b/c"))
        // Many stars against a long name that does not match: answered by dynamic programming, not backtracking.
        #expect(!globMatches(String(repeating: "*", count: 30) + "x", String(repeating: "a", count: 400)))
    }

    /// The Apache Ant JUnit schema (windyroad JUnit.xsd, which CI systems follow): testsuites > testsuite
    /// with name, timestamp (no zone), hostname, tests, failures, errors, time, package and id;
    /// properties first, test cases, then system-out and system-err; a test case has name, classname and
    /// time and at most one of skipped, error or failure (failure and error need a type).
    @Test func junitHasTheShapeCIExpects() throws {
        let results = InvariantChecker(simulation: Self.options).check(
            [Invariant(.maxVisits(1), name: "max-visits"), Invariant(.noCertifiedCopies, name: "no-certified-copies"),
             Invariant(.leadTimePercentile(percentile: 90, maxWorkingDays: 5.95), name: "lead-time")],
            on: try procedure("passport"), path: "procedures/passport.xml")
        for policy in [true, false] {
            let xml = JUnitWriter(inconclusiveFails: policy).write(results)
            let doc = XMLReader.read(bytes: Array(xml.utf8), path: "junit.xml", rootName: "testsuites", schema: nil)
            #expect(doc.diagnostics.isEmpty)
            let root = try #require(doc.root)
            #expect(root.name == "testsuites")
            for suite in root.children {
                #expect(suite.name == "testsuite")
                for a in ["name", "timestamp", "hostname", "tests", "failures", "errors", "time", "package", "id"] {
                    #expect(suite.attribute(a) != nil, "testsuite needs \(a)")
                }
                #expect(suite.attribute("timestamp")?.value.wholeMatch(of: try Regex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}")) != nil)
                let names = suite.children.map(\.name)
                #expect(names.first == "properties" && names.suffix(2) == ["system-out", "system-err"])
                let cases = suite.children.filter { $0.name == "testcase" }
                #expect(suite.attribute("tests")?.value == String(cases.count))
                for c in cases {
                    #expect(c.attribute("name") != nil && c.attribute("classname") != nil && c.attribute("time") != nil)
                    #expect(c.children.count <= 1)
                    if let f = c.children.first { #expect(f.name == "skipped" || f.attribute("type") != nil) }
                }
                let failures = cases.filter { $0.child(named: "failure") != nil }.count
                #expect(suite.attribute("failures")?.value == String(failures))
            }
        }
    }
}
