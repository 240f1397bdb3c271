import Foundation
import ProcmodAnalysis
import ProcmodLoader
import ProcmodModel
import ProcmodScenario
import ProcmodTestSupport
import Testing

/// Each lever on a small procedure, checked against what the after-model must say.
@Suite struct LeverTests {
    /// The rule-example frame with a paper flow: the applicant certifies a copy, travels, hands in the
    /// form, the ID card (population register) and the certified copy, pays, the desk sends the dossier on
    /// paper to the province, the head signs in ink at set times, the applicant travels back to collect.
    static let before: Procedure = {
        let xml = ExampleProcedure.xml(RuleExample(
            triggers: true,
            actors: #"<actor id="chair" name-en="Chair" kind="signer" capacity="1" calendar="office"><cadence at="16:00"/></actor>"#,
            flow: """
            <step id="certify" name-en="Certify" kind="certify" actor="officer"><requires document="form" form="present"/></step>
            <step id="go" name-en="Go" kind="travel" actor="applicant"><work unit="minutes"><fixed value="30"/></work></step>
            <step id="hand-in" name-en="Hand in" kind="submit" actor="applicant">
              <requires document="form" form="certified-copy"/><requires document="id-card" form="copy" sets="2"/>
              <payment amount="50000" method="cash"/>
            </step>
            <step id="receive" name-en="Receive" kind="receive" actor="desk"/>
            <step id="send" name-en="Send" kind="transfer" actor="desk">
              <delay unit="working-days"><fixed value="2"/></delay><handoff to="other" medium="paper"/>
            </step>
            <step id="sign" name-en="Sign" kind="sign" actor="chair"><signature kind="wet"/></step>
            <step id="back" name-en="Back" kind="travel" actor="applicant"><work unit="minutes"><fixed value="30"/></work></step>
            <step id="collect" name-en="Collect" kind="collect" actor="applicant"><work unit="minutes"><fixed value="10"/></work></step>
            """))
        return TestSupport.load(xml).procedure!
    }()

    func apply(_ kinds: Lever.Kind...) -> DigitizationResult {
        let scenario = Scenario(procedure: "EXAMPLE", name: .init(en: "test"),
                                levers: kinds.map { Lever($0, name: "lever") })
        return Digitizer().apply(scenario, to: Self.before)
    }

    func steps(_ p: Procedure) -> [String] { p.flow.steps.map(\.id) }

    @Test func theFrameIsValid() {
        #expect(steps(Self.before) == ["certify", "go", "hand-in", "receive", "send", "sign", "back", "collect", "issue"])
    }

    @Test func shareDataDropsRegisterDocuments() {
        let r = apply(.shareData(registers: ["population"]))
        #expect(r.after.flow.steps.first { $0.id == "hand-in" }?.requires.map(\.document) == ["form"])
        #expect(r.after.documents["id-card"] == nil, "no longer used, so no longer listed")
        #expect(r.changes.contains { $0.resolves == "once-only" })
    }

    @Test func electronicCopiesRemoveTheCertifyStep() {
        let r = apply(.electronicCopies)
        #expect(r.after.flow.steps.first { $0.id == "hand-in" }?.requires.first?.form == .electronic)
        #expect(!steps(r.after).contains("certify"))
    }

    @Test func electronicResultRemovesTheVisitToCollect() {
        let r = apply(.electronicResult)
        #expect(!steps(r.after).contains("back"))
        #expect(r.after.documents["result"]?.medium == .electronic)
        let collect = r.after.flow.steps.first { $0.id == "collect" }
        #expect(collect?.work?.distribution == .fixed(value: 5))
        #expect(ProcedureAnalysis(r.after).metrics.applicantVisits == 1)
    }

    @Test func digitalSignatureDropsTheCadence() {
        let r = apply(.digitalSignature(signers: [], keepCadence: false))
        #expect(r.after.flow.steps.first { $0.id == "sign" }?.signature?.kind == .digital)
        #expect(r.after.actors["chair"]?.cadence == nil)
    }

    @Test func electronicTransferReplacesThePaperDelay() {
        let r = apply(.electronicTransfer(minutes: 10))
        let send = r.after.flow.steps.first { $0.id == "send" }
        #expect(send?.handoff?.medium == .electronic)
        #expect(send?.delay?.unit == .minutes && send?.delay?.distribution == .fixed(value: 10))
    }

    @Test func onlinePaymentChangesTheMethod() {
        let r = apply(.onlinePayment)
        #expect(r.after.flow.steps.first { $0.id == "hand-in" }?.payment?.method == .online)
    }

    @Test func postalDeliveryReplacesTheCollectVisit() {
        let r = apply(.postalDelivery(days: 2, fee: 20000))
        let delivery = r.after.flow.steps.first { $0.id == "collect" }
        #expect(delivery?.kind == .deliver && delivery?.actor == "post")
        #expect(delivery?.delay?.distribution == .fixed(value: 2) && delivery?.payment?.amount == 20000)
        #expect(!steps(r.after).contains("back"))
    }

    @Test func capacityDurationAndRemove() {
        let work = TimedQuantity(unit: .hours, distribution: .fixed(value: 3))
        let r = apply(.capacity(actor: "desk", capacity: .servers(5)), .duration(step: "receive", work: work, delay: nil),
                      .removeStep(step: "certify"))
        #expect(r.after.actors["desk"]?.capacity == .servers(5))
        #expect(r.after.flow.steps.first { $0.id == "receive" }?.work == work)
        #expect(steps(r.after).first == "go", "removing the start makes its successor the start")
    }

    @Test func fixRuleFixesEveryFinding() {
        let r = apply(.fixRule(rule: "multiple-sets"), .fixRule(rule: "certified-copy"))
        let handIn = r.after.flow.steps.first { $0.id == "hand-in" }
        #expect(handIn?.requires.map(\.sets) == [1, 1])
        #expect(handIn?.requires.first?.form == .copy)
        #expect(!steps(r.after).contains("certify"))
        #expect(apply(.fixRule(rule: "overloaded-actor")).diagnostics.map(\.message)
                == ["fix: rule 'overloaded-actor' has no automatic fix; change the model with other levers (capacity, duration, remove)"])
    }

    @Test func onlineSubmissionAddsARoutedChannel() throws {
        let r = apply(.onlineSubmission(channel: "online", share: 0.6, level: .endToEnd, minutes: 20))
        #expect(r.after.channels["online"]?.share == 0.6)
        #expect(abs((r.after.channels["in-person"]?.share ?? 0) - 0.4) < 1e-12)
        let submit = try #require(r.after.flow.steps.first { $0.id == "online-submission" })
        #expect(submit.requires.map(\.form) == [.electronic, .electronic])
        // Valid: every channel choice covers the new channel, the flow still reaches its end.
        let text = ProcedureWriter().write(r.after)
        #expect(ProcedureLoader().load(bytes: Array(text.utf8), path: "after.xml").diagnostics.map(\.description) == [])
        // In person: the trip to hand in and the trip to collect; online: only the trip to collect.
        #expect(abs(ProcedureAnalysis(r.after).metrics.applicantVisits - (0.4 * 2 + 0.6 * 1)) < 1e-9)
    }

    @Test func parallelizeRunsTwoStepsSideBySide() {
        let r = apply(.parallelize(first: "send", second: "sign"))
        #expect(r.diagnostics.isEmpty)
        let text = ProcedureWriter().write(r.after)
        #expect(ProcedureLoader().load(bytes: Array(text.utf8), path: "after.xml").diagnostics.map(\.description) == [])
        // send has a 2-working-day delay; sign waits for the chair's 16:00 signing; side by side the
        // slower one counts, not the sum.
        let before = ProcedureAnalysis(Self.before).expectedLeadTimeDays, after = ProcedureAnalysis(r.after).expectedLeadTimeDays
        #expect(after < before)
        #expect(apply(.parallelize(first: "send", second: "collect")).diagnostics.count == 1)
    }

    @Test func mergeAddsMeansAndVariances() throws {
        let r = apply(.merge(first: "back", second: "collect"))
        let merged = try #require(r.after.flow.steps.first { $0.id == "back" })
        // 30 + 10 fixed minutes: the sum is fixed too.
        #expect(merged.work?.distribution == .fixed(value: 40))
        #expect(!steps(r.after).contains("collect"))
        #expect(apply(.merge(first: "go", second: "hand-in")).diagnostics.isEmpty)
        #expect(apply(.merge(first: "receive", second: "send")).diagnostics.isEmpty)
        #expect(apply(.merge(first: "send", second: "sign")).diagnostics.map(\.message)
                == ["merge: 'send' and 'sign' are not two consecutive steps of the same actor"])
    }

    @Test func channelShareNeedsAnExistingChannel() {
        #expect(apply(.channelShare(channel: "web", share: 0.5, level: nil)).diagnostics.first?.message
                == "channel-share: the procedure has no channel 'web'; its channels: in-person")
    }

    @Test func everyAfterModelIsValid() throws {
        for kind: Lever.Kind in [.shareData(registers: ["population"]), .electronicCopies, .electronicResult,
                                 .digitalSignature(signers: [], keepCadence: false), .electronicTransfer(minutes: 10), .onlinePayment,
                                 .postalDelivery(days: 2, fee: 0), .removeStep(step: "send"), .fixRule(rule: "once-only")] {
            let text = ProcedureWriter().write(apply(kind).after)
            #expect(ProcedureLoader().load(bytes: Array(text.utf8), path: "after.xml").diagnostics.filter { $0.severity == .error } == [],
                    "\(kind)")
        }
    }

    /// Issue 10: fixes address requirements by step and index. A model built in code has no source
    /// locations; the fix must still change the certified copy, not the first requirement of the step.
    @Test func fixingCertifiedCopiesOnAModelWithoutLocationsChangesTheRightRequirement() throws {
        var p = Self.before
        let i = try #require(p.flow.index(of: "hand-in"))
        guard case .step(var step) = p.flow.nodes[i].kind else { Issue.record("no step"); return }
        step.requires.insert(DocumentRequirement(document: "id-card", form: .original), at: 0)
        for k in step.requires.indices { step.requires[k].location = .unknown }
        p.flow.nodes[i].kind = .step(step)
        let scenario = Scenario(procedure: "EXAMPLE", name: .init(en: "test"), levers: [Lever(.fixRule(rule: "certified-copy"), name: "fix")])
        let after = Digitizer().apply(scenario, to: p).after
        let requires = try #require(after.flow.nodes.first { $0.id == "hand-in" }?.step?.requires)
        #expect(requires.map(\.document) == ["id-card", "form", "id-card"])
        #expect(requires.map(\.form) == [.original, .copy, .copy], "only the certified copy became a plain copy")
    }

    /// Issue 10: in the 2015 chain, the online-submission lever copies requirements (no locations); the
    /// obsolete household book is removed and the birth registration form stays.
    @Test func theChainsOnlineDossierKeepsTheBirthRegistrationForm() throws {
        let p = try #require(ProcedureLoader().load(path: TestSupport.path("procedures/birth-residence-insurance-chain-2015.xml")).procedure)
        let s = try #require(ScenarioLoader().load(path: TestSupport.path("examples/scenarios/birth-residence-insurance-chain-2024.xml")).scenario)
        let after = Digitizer().apply(s, to: p).after
        let online = try #require(after.flow.nodes.first { $0.id == "online-submission" }?.step)
        #expect(online.requires.contains { $0.document == "birth-form" })
        #expect(!after.flow.steps.contains { $0.requires.contains { $0.document == "household-book" } })
    }

    @Test func aDigitalSignatureForAnUnknownSignerIsAnError() {
        let r = apply(.digitalSignature(signers: ["nobody"], keepCadence: false))
        #expect(r.diagnostics.contains { $0.severity == .error && $0.message.contains("no actor 'nobody'") })
    }
}

/// The levers on a procedure built in Swift, as a team's own code would build one: no source locations
/// anywhere, no file behind it.
@Suite struct CodeBuiltLeverTests {
    static let procedure: Procedure = {
        func step(_ id: String, _ kind: StepKind, _ actor: String, minutes: Double = 10, requires: [DocumentRequirement] = [],
                  produces: [DocumentOutput] = [], signature: Signature? = nil, payment: Payment? = nil,
                  handoff: Handoff? = nil, next: Int) -> FlowNode {
            FlowNode(id: id, kind: .step(Step(id: id, kind: kind, actor: actor,
                                              work: TimedQuantity(unit: .minutes, distribution: .fixed(value: minutes)),
                                              requires: requires, produces: produces, signature: signature, payment: payment,
                                              handoff: handoff)),
                     edges: [FlowEdge(target: next)])
        }
        let office = WorkCalendar(id: "office", hours: [WeeklyHours(days: [.mon, .tue, .wed, .thu, .fri],
                                                                   start: TimeOfDay(minutes: 480), end: TimeOfDay(minutes: 1020))],
                                  holidays: [])
        let nodes = [
            step("go", .travel, "citizen", minutes: 30, next: 1),
            step("hand-in", .submit, "citizen", requires: [DocumentRequirement(document: "form", form: .original),
                                                           DocumentRequirement(document: "id-card", form: .certifiedCopy)],
                 payment: Payment(amount: 50_000, method: .cash), next: 2),
            step("receive", .receive, "desk", handoff: Handoff(to: "head", medium: .paper), next: 3),
            step("sign", .sign, "head", produces: [DocumentOutput(document: "licence", medium: .paper)],
                 signature: Signature(signer: "head", kind: .wet), next: 4),
            step("back", .travel, "citizen", minutes: 30, next: 5),
            step("collect", .collect, "citizen", next: 6),
            FlowNode(id: "done", kind: .end, edges: []),
        ]
        return Procedure(
            code: "CODE.1", name: LocalizedName(en: "Built in code"), level: .commune, deadline: Deadline(workingDays: 3),
            volume: Volume(perYear: 1000), result: "licence",
            channels: ["in-person": Channel(id: "in-person", kind: .inPerson, share: 1)], calendars: ["office": office],
            actors: ["citizen": Actor(id: "citizen", kind: .applicant, capacity: .unlimited, calendar: alwaysOpenCalendarID),
                     "desk": Actor(id: "desk", kind: .receptionDesk, capacity: .servers(1), calendar: "office"),
                     "head": Actor(id: "head", kind: .signer, capacity: .servers(1), calendar: "office")],
            documents: ["form": Document(id: "form", kind: .form, medium: .paper),
                        "id-card": Document(id: "id-card", kind: .certificate, register: "population", medium: .paper),
                        "licence": Document(id: "licence", kind: .result, medium: .paper)],
            flow: Flow(nodes: nodes))
    }()

    func apply(_ kinds: [Lever.Kind]) -> DigitizationResult {
        Digitizer().apply(Scenario(procedure: "CODE.1", name: .init(en: "code"), levers: kinds.map { Lever($0, name: "lever") }),
                          to: Self.procedure)
    }

    @Test func theProcedureIsValid() {
        let text = ProcedureWriter().write(Self.procedure)
        #expect(ProcedureLoader().load(bytes: Array(text.utf8), path: "code.xml").diagnostics.filter { $0.severity == .error } == [])
    }

    @Test func everyLeverWorksWithoutLocations() throws {
        let r = apply([.shareData(registers: ["population"]), .electronicResult, .onlinePayment, .electronicTransfer(minutes: 10),
                       .digitalSignature(signers: [], keepCadence: false), .fixRule(rule: "certified-copy"),
                       .deadline(channel: nil, workingDays: 1, calendarDays: false, cutOff: nil, legal: [])])
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let after = r.after
        let handIn = try #require(after.flow.nodes.first { $0.id == "hand-in" }?.step)
        #expect(handIn.requires.map(\.document) == ["form"], "the register replaces the ID card; the form stays")
        #expect(handIn.payment?.method == .online)
        #expect(after.flow.nodes.first { $0.id == "receive" }?.step?.handoff?.medium == .electronic)
        #expect(after.flow.nodes.first { $0.id == "sign" }?.step?.signature?.kind == .digital)
        #expect(!after.flow.nodes.contains { $0.id == "back" }, "the visit only to collect is gone")
        #expect(after.deadline?.workingDays == 1)
        let text = ProcedureWriter().write(after)
        #expect(ProcedureLoader().load(bytes: Array(text.utf8), path: "after.xml").diagnostics.filter { $0.severity == .error } == [])
    }

    @Test func aFixOnACodeBuiltModelChangesTheRightRequirement() throws {
        let r = apply([.fixRule(rule: "certified-copy")])
        let handIn = try #require(r.after.flow.nodes.first { $0.id == "hand-in" }?.step)
        #expect(handIn.requires.map(\.form) == [.original, .copy])
    }
}
