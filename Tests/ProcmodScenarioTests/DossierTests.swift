import Foundation
import ProcmodAnalysis
import ProcmodLoader
import ProcmodModel
import ProcmodScenario
import ProcmodSimulation
import ProcmodTestSupport
import Testing

/// The dossier as the law writes it (docs/dsl.md, "The dossier"): alternatives, conditional
/// requirements, registers that hold part of the cases, translations, several hand-offs at once,
/// `depends-on`, second actors and visits that need the applicant in person. Each is loaded, checked,
/// written back, analysed and simulated as a user relies on.
@Suite struct DossierTests {
    /// Residence: a lease (3 pages) or a proof of family relationship (1 page), 60/40; a foreign birth
    /// certificate for the 10% of applicants born abroad, legalised and translated; the civil-status
    /// register holds 70% of birth records. The desk sends the dossier to the police and the tax office
    /// at once; the officer records the case with the applicant, who signs the register.
    static func xml(flow: String = defaultFlow, extraDocuments: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <procedure xmlns="urn:procmod:procedure:1" code="DOSSIER" name-en="Dossier" level="commune">
          <agencies>
            <agency id="commune" name-en="Commune" level="commune"/>
            <agency id="police" name-en="Police" level="commune"/>
            <agency id="tax" name-en="Tax" level="district"/>
          </agencies>
          <volume per-year="1000"/>
          <result document="result"/>
          <channels><channel id="in-person" kind="in-person" share="1"/></channels>
          <actors>
            <actor id="applicant" name-en="Applicant" kind="applicant" capacity="unlimited" tariff="40000"/>
            <actor id="desk" name-en="Desk" kind="reception-desk" agency="commune" capacity="1" tariff="60000"/>
            <actor id="police" name-en="Police" kind="agency" agency="police" capacity="unlimited"/>
            <actor id="tax" name-en="Tax" kind="agency" agency="tax" capacity="unlimited"/>
          </actors>
          <documents>
            <document id="lease" name-en="Lease" kind="evidence" medium="paper" pages="3"/>
            <document id="family" name-en="Proof of family relationship" kind="certificate" medium="paper"/>
            <document id="birth" name-en="Birth certificate" kind="certificate" medium="paper" pages="2">
              <held-by register="civil-status" coverage="0.7"/>
            </document>
            <document id="foreign-birth" name-en="Foreign birth certificate" kind="certificate" medium="paper"/>
            \(extraDocuments)
            <document id="result" name-en="Result" kind="result" medium="paper"/>
          </documents>
          <flow>\(flow)
            <end id="done"/>
          </flow>
        </procedure>
        """
    }

    static let defaultFlow = """
        <step id="go" kind="travel" actor="applicant"><work unit="minutes"><fixed value="60"/></work></step>
        <step id="submit" kind="submit" actor="applicant">
          <one-of>
            <requires document="lease" form="copy" share="0.6"/>
            <requires document="family" form="copy" share="0.4"/>
          </one-of>
          <requires document="birth" form="copy"/>
          <requires document="foreign-birth" form="copy" share="0.1" when="applicant born abroad"
                    legalisation="consular" translation="certified" issued-within-days="180"/>
        </step>
        <step id="receive" kind="receive" actor="desk">
          <work unit="minutes"><fixed value="20"/></work>
          <handoff to="police" medium="paper"/>
          <handoff to="tax" medium="paper"/>
        </step>
        <step id="record" kind="record" actor="desk" with="applicant" depends-on="receive">
          <work unit="minutes"><fixed value="30"/></work>
          <produces document="result" medium="paper"/>
          <signature signer="applicant" kind="wet"/>
        </step>
        """

    static func findings(_ p: Procedure) -> [Finding] { Analyzer().analyze(p).findings }

    static func load(_ xml: String) throws -> Procedure {
        let loaded = TestSupport.load(xml)
        return try #require(loaded.procedure, "\(TestSupport.lines(loaded))")
    }

    @Test func alternativesAndConditionsCountForTheirShareOfCases() throws {
        let p = try Self.load(Self.xml())
        let submit = try #require(p.flow.steps.first { $0.id == "submit" })
        #expect(submit.requires.map(\.share) == [0.6, 0.4, 1, 0.1])
        #expect(submit.requires.map(\.alternatives) == [0, 0, nil, nil])
        #expect(submit.requires[3].condition == "applicant born abroad")
        // Pages per case: 0.6 × 3 + 0.4 × 1 + 2 + 0.1 × (1 page + its translation).
        let m = ProcedureAnalysis(p).metrics
        #expect(abs(m.pages - (1.8 + 0.4 + 2 + 0.2)) < 1e-9, "pages \(m.pages)")
        #expect(abs(m.copies - (0.6 + 0.4 + 1 + 0.1)) < 1e-9, "copies \(m.copies)")
        #expect(abs(m.legalisations - 0.1) < 1e-9 && abs(m.translations - 0.1) < 1e-9)
    }

    @Test func alternativesWithoutSharesAreEqualAndBadSharesAreLocatedErrors() throws {
        let equal = Self.defaultFlow.replacingOccurrences(of: #" share="0.6""#, with: "").replacingOccurrences(of: #" share="0.4""#, with: "")
        let p = try Self.load(Self.xml(flow: equal))
        #expect(p.flow.steps.first { $0.id == "submit" }?.requires.prefix(2).map(\.share) == [0.5, 0.5])
        let wrong = Self.defaultFlow.replacingOccurrences(of: #"share="0.4""#, with: #"share="0.3""#)
        let lines = TestSupport.lines(TestSupport.load(Self.xml(flow: wrong)))
        #expect(lines.contains { $0.contains("test.xml:") && $0.contains("sum to 0.9, not 1") && $0.hasSuffix("[one-of-shares]") }, "\(lines)")
        let mixed = Self.defaultFlow.replacingOccurrences(of: #" share="0.4""#, with: "")
        #expect(TestSupport.lines(TestSupport.load(Self.xml(flow: mixed))).contains { $0.hasSuffix("[one-of-shares]") })
        let single = Self.defaultFlow.replacingOccurrences(of: #"<requires document="family" form="copy" share="0.4"/>"#, with: "")
        #expect(TestSupport.lines(TestSupport.load(Self.xml(flow: single))).contains { $0.contains("one-of") })
    }

    @Test func everyConstructSurvivesWritingAndReloading() throws {
        let p = try Self.load(Self.xml())
        let written = ProcedureWriter().write(p)
        let again = try Self.load(written)
        #expect(Self.sameSteps(again, p), "\(written)")
        #expect(again.documents["birth"]?.registers.map(\.coverage) == [0.7])
    }

    /// Steps equal but for source locations.
    static func sameSteps(_ a: Procedure, _ b: Procedure) -> Bool {
        func strip(_ p: Procedure) -> [String] {
            p.flow.steps.map { s in
                "\(s.id) \(s.actor) \(s.coActors) \(s.dependsOn) \(s.presenceRequired) \(s.handoffs.map { "\($0.to) \($0.medium)" }) "
                    + s.requires.map { "\($0.document) \($0.form) \($0.share) \($0.alternatives ?? -1) \($0.condition ?? "") "
                        + "\($0.unlessRegistered) \($0.issuedWithinDays ?? 0) \($0.legalisation?.rawValue ?? "") \($0.translation?.rawValue ?? "")" }
                    .joined(separator: "; ")
            }
        }
        return strip(a) == strip(b)
    }

    @Test func aRegisterHoldingPartOfTheCasesSparesOnlyThoseCases() throws {
        let p = try Self.load(Self.xml())
        let a = ProcedureAnalysis(p)
        let finding = try #require(Self.findings(p).first { $0.rule == "once-only" })
        #expect(finding.message.contains("for 70% of cases"), "\(finding.message)")
        #expect(abs((finding.saving?.pages ?? 0) - 0.7 * 2) < 1e-9)
        // Fixed, the desk looks the record up and asks only the 30% the register misses.
        let fixed = Digitizer().apply(Scenario(procedure: p.code, name: LocalizedName(en: "fix"),
                                               levers: [Lever(.fixRule(rule: "once-only"), name: "fix")]), to: p).after
        let birth = try #require(fixed.flow.steps.first { $0.id == "submit" }?.requires.first { $0.document == "birth" })
        #expect(birth.unlessRegistered)
        let after = ProcedureAnalysis(fixed)
        #expect(!Self.findings(fixed).contains { $0.rule == "once-only" })
        #expect(abs(a.metrics.pages - after.metrics.pages - 1.4) < 1e-9)
        // A <held-by> with no coverage and an unless-registered requirement without a register are errors.
        let none = Self.xml().replacingOccurrences(of: #"coverage="0.7""#, with: #"coverage="0""#)
        #expect(TestSupport.lines(TestSupport.load(none)).contains { $0.hasSuffix("[register]") })
        let orphan = Self.defaultFlow.replacingOccurrences(of: #"<requires document="family" form="copy" share="0.4"/>"#,
                                                           with: #"<requires document="family" form="copy" share="0.4" unless-registered="true"/>"#)
        #expect(TestSupport.lines(TestSupport.load(Self.xml(flow: orphan))).contains { $0.contains("no register holds it") })
    }

    @Test func severalHandoffsAtOnceAreEachCountedAndEachMadeElectronic() throws {
        let p = try Self.load(Self.xml())
        let a = ProcedureAnalysis(p)
        #expect(a.metrics.agencyHandoffs == 2)
        #expect(a.metrics.paperHandoffs == 2)
        #expect(Self.findings(p).filter { $0.rule == "physical-handoff" }.count == 2)
        let after = Digitizer().apply(Scenario(procedure: p.code, name: LocalizedName(en: "axis"),
                                               levers: [Lever(.electronicTransfer(minutes: 10), name: "axis")]), to: p).after
        #expect(ProcedureAnalysis(after).metrics.paperHandoffs == 0)
        let twice = Self.defaultFlow.replacingOccurrences(of: #"<handoff to="tax" medium="paper"/>"#, with: #"<handoff to="police" medium="electronic"/>"#)
        #expect(TestSupport.lines(TestSupport.load(Self.xml(flow: twice))).contains { $0.contains("to 'police' twice") })
    }

    @Test func dependsOnNamesAnEarlierStepAndKeepsStepsInOrder() throws {
        let later = Self.defaultFlow.replacingOccurrences(of: #"<step id="receive" kind="receive" actor="desk">"#,
                                                          with: #"<step id="receive" kind="receive" actor="desk" depends-on="record">"#)
        let lines = TestSupport.lines(TestSupport.load(Self.xml(flow: later)))
        #expect(lines.contains { $0.contains("depends on 'record', which no case reaches before it") && $0.hasSuffix("[depends-on]") }, "\(lines)")
        let unknown = Self.defaultFlow.replacingOccurrences(of: #"depends-on="receive""#, with: #"depends-on="recieve""#)
        #expect(TestSupport.lines(TestSupport.load(Self.xml(flow: unknown))).contains { $0.contains("recieve") && $0.contains("receive") })
        let p = try Self.load(Self.xml())
        let result = Digitizer().apply(Scenario(procedure: p.code, name: LocalizedName(en: "p"),
                                                levers: [Lever(.parallelize(first: "receive", second: "record"), name: "p")]), to: p)
        #expect(result.diagnostics.contains { $0.message.contains("depends on 'receive'") }, "\(result.diagnostics)")
    }

    @Test func aSecondActorsTimeCountsInTheAnalysisAndTheSimulation() throws {
        let p = try Self.load(Self.xml())
        let m = ProcedureAnalysis(p).metrics
        // Applicant: 60 min travel + 30 min recording beside the officer.
        #expect(abs(m.cost.applicantHours - 1.5) < 1e-9, "\(m.cost.applicantHours)")
        #expect(abs(m.cost.agencyHours - (20 + 30) / 60.0) < 1e-9)
        let run = try Simulator(options: SimulationOptions(cases: 200, replications: 2, seed: 3)).run(p)
        let hours = try #require(run.kpis[figure: .applicantHours]?.mean)
        #expect(abs(hours - 1.5) < 1e-9, "simulated applicant hours \(hours)")
        // The applicant signing the register is not told to "sign digitally".
        #expect(!Self.findings(p).contains { $0.rule == "wet-signature" })
        // A second actor with a capacity limit is refused: the simulator holds only the step's own actor.
        let limited = Self.defaultFlow.replacingOccurrences(of: #"with="applicant""#, with: #"with="police desk""#)
        let lines = TestSupport.lines(TestSupport.load(Self.xml(flow: limited)))
        #expect(lines.contains { $0.contains("names its own actor 'desk'") })
        let staffed = Self.xml(flow: Self.defaultFlow.replacingOccurrences(of: #"with="applicant""#, with: #"with="clerk""#))
            .replacingOccurrences(of: "</actors>", with: #"<actor id="clerk" name-en="Clerk" kind="official" agency="commune" capacity="2"/></actors>"#)
        #expect(TestSupport.lines(TestSupport.load(staffed)).contains { $0.contains("must have capacity=\"unlimited\"") && $0.hasSuffix("[co-actor]") })
    }

    @Test func aVisitForFingerprintsIsNotOneToRemove() throws {
        // Two visits: submission, and collection with fingerprints taken (presence required).
        let flow = """
            <step id="go" kind="travel" actor="applicant"/>
            <step id="submit" kind="submit" actor="applicant"><produces document="result" medium="paper"/></step>
            <step id="go-again" kind="travel" actor="applicant"/>
            <step id="collect" kind="collect" actor="applicant" presence="required"/>
            """
        let p = try Self.load(Self.xml(flow: flow))
        let findings = Self.findings(p).map(\.rule)
        #expect(!findings.contains("too-many-visits"))
        #expect(!findings.contains("visit-to-collect"))
        let without = try Self.load(Self.xml(flow: flow.replacingOccurrences(of: #" presence="required""#, with: "")))
        #expect(Self.findings(without).map(\.rule).contains("visit-to-collect"))
        // The electronic-result lever keeps a visit that needs the applicant in person.
        let after = Digitizer().apply(Scenario(procedure: p.code, name: LocalizedName(en: "e"),
                                               levers: [Lever(.electronicResult, name: "e")]), to: p).after
        #expect(ProcedureAnalysis(after).metrics.applicantVisits == 2)
    }
}
