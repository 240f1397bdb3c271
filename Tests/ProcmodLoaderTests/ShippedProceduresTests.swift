import Foundation
import ProcmodLoader
import ProcmodModel
import ProcmodTestSupport
import Testing

/// The procedures and examples the project ships are valid, and the published XSD is the loader's.
@Suite struct ShippedProceduresTests {
    static let files = ProcedureFiles.expand(["procedures", "examples"].map(TestSupport.path)
        .filter { FileManager.default.fileExists(atPath: $0) })

    @Test func shippedScenariosLoad() {
        for path in ProcedureFiles.expand([TestSupport.path("examples")], kind: .scenario) {
            let loaded = ScenarioLoader().load(path: path)
            #expect(loaded.diagnostics.map(\.description) == [], "\(path)")
        }
    }

    @Test func atLeastNineProceduresShip() {
        #expect(ProcedureFiles.expand([TestSupport.path("procedures")]).count >= 9)
    }

    @Test(arguments: files.map { String($0.dropFirst(TestSupport.repositoryRoot.path.count + 1)) })
    func loadsWithoutDiagnostics(_ relative: String) throws {
        let loaded = ProcedureLoader().load(path: TestSupport.path(relative))
        #expect(loaded.diagnostics.map(\.description) == [])
        let procedure = try #require(loaded.procedure)
        #expect(!procedure.flow.steps.isEmpty)
        #expect(procedure.volume.perYear > 0)
        #expect(!procedure.sources.isEmpty, "every shipped procedure cites its sources")
    }

    @Test func publishedSuiteSchemaMatchesTheLoaders() throws {
        let published = try String(contentsOfFile: TestSupport.path("docs/suite-1.xsd"), encoding: .utf8)
        #expect(published == SuiteSchema.text + "\n", "docs/suite-1.xsd is stale: run `procmod schema --suite > docs/suite-1.xsd`")
    }

    @Test func shippedSuitesLoad() {
        let suites = ProcedureFiles.expand([TestSupport.path("examples")], kind: .suite)
        #expect(!suites.isEmpty)
        for path in suites { #expect(SuiteLoader().load(path: path).diagnostics.map(\.description) == [], "\(path)") }
    }

    @Test func invariantsInsideAProcedureLoad() throws {
        let p = try ProcedureLoader().loadProcedure(at: TestSupport.path("examples/every-construct.xml"))
        #expect(p.invariants.count == 11)
        #expect(p.invariants.first?.title == "at most two visits")
        #expect(p.invariants.last?.kind == .onTimeShare(minimum: 0.5))
    }

    @Test func publishedScenarioSchemaMatchesTheLoaders() throws {
        let published = try String(contentsOfFile: TestSupport.path("docs/scenario-1.xsd"), encoding: .utf8)
        #expect(published == ScenarioSchema.text + "\n", "docs/scenario-1.xsd is stale: run `procmod schema --scenario > docs/scenario-1.xsd`")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint")))
    func xmllintAcceptsEveryShippedScenario() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--nonet", "--schema", TestSupport.path("docs/scenario-1.xsd")]
            + ProcedureFiles.expand([TestSupport.path("examples")], kind: .scenario)
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func publishedSchemaMatchesTheLoaders() throws {
        let published = try String(contentsOfFile: TestSupport.path("docs/procedure-1.xsd"), encoding: .utf8)
        #expect(published == ProcedureSchema.text + "\n", "docs/procedure-1.xsd is stale: run `procmod schema > docs/procedure-1.xsd`")
    }

    /// Other tools (xmllint, editors) accept the same files with the published XSD.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint")))
    func xmllintAcceptsEveryShippedFile() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--nonet", "--schema", TestSupport.path("docs/procedure-1.xsd")] + Self.files
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// Loading in two processes (the loader reads folders in parallel) gives the same diagnostics and the
    /// same written models, byte for byte.
    @Test func loadingIsDeterministicAcrossRuns() throws {
        let a = try TestSupport.runProcmod(["validate", "--format", "json", "procedures/", "examples/"])
        let b = try TestSupport.runProcmod(["validate", "--format", "json", "procedures/", "examples/"])
        #expect(!a.stdout.isEmpty)
        #expect(a.stdout == b.stdout && a.status == b.status)
        let showA = try TestSupport.runProcmod(["show", "--lang", "en", "procedures/land-use-certificate.xml"])
        let showB = try TestSupport.runProcmod(["show", "--lang", "en", "procedures/land-use-certificate.xml"])
        #expect(showA.stdout == showB.stdout)
    }

    @Test func householdBookIsObsoleteFrom2023() throws {
        let procedure = try ProcedureLoader().loadProcedure(at: TestSupport.path("procedures/birth-registration.xml"))
        #expect(procedure.documents["household-book"]?.obsoleteFrom == LocalDate(year: 2023, month: 1, day: 1))
        #expect(procedure.deadline?.cutOff == TimeOfDay(minutes: 15 * 60))
        #expect(procedure.actors["chairman"]?.cadence?.times == [TimeOfDay(minutes: 630), TimeOfDay(minutes: 960)])
        let choice = try #require(procedure.flow.nodes.first { $0.id == "complete" })
        #expect(choice.edges.map(\.probability) == [0.9, 0.1])
        #expect(choice.edges[1].loop == .supplement && choice.edges[1].maxCount == 2)
    }
}

/// Schema errors in the DSL's words (issue 12).
@Suite struct SchemaMessageTests {
    static func lines(_ edit: (String) -> String) throws -> [String] {
        let text = try String(contentsOfFile: TestSupport.path("examples/every-construct.xml"), encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text)
        return TestSupport.lines(TestSupport.load(edited))
    }

    @Test func aChoiceWithOneBranchSaysItNeedsTwo() throws {
        let lines = try Self.lines {
            $0.replacingOccurrences(of: #"<branch to="review-again" probability="0.05" loop="rework" max="1" deadline-working-days="7" legal="law"/>"#, with: "")
        }
        #expect(lines.contains { $0.contains("error: a <choice> needs at least two <branch> elements") }, "\(lines)")
    }

    @Test func anAttributeInTheWrongPlaceSaysWhereItBelongs() throws {
        let lines = try Self.lines {
            $0.replacingOccurrences(of: #"<step id="publish" kind="publish""#, with: #"<step id="publish" probability="0.5" kind="publish""#)
        }
        #expect(lines.contains { $0.contains("The attribute 'probability' is not allowed. 'probability' is allowed on <branch> [schema]") },
                "\(lines)")
    }
}
