import ProcmodAnalysis
import ProcmodLoader
import ProcmodModel
import ProcmodTestSupport
import Testing

/// The shipped models say what the law says (../shared/reference/procedure-corrections.md, issue 12 §4):
/// each correction is a fact a reform team would quote, checked here so that an edit cannot undo it.
@Suite struct ShippedCorrectionsTests {
    static func model(_ name: String) throws -> Procedure {
        try ProcedureLoader().loadProcedure(at: TestSupport.path("procedures/\(name).xml"))
    }

    static func requirement(_ p: Procedure, step: String, document: String) -> DocumentRequirement? {
        p.flow.steps.first { $0.id == step }?.requires.first { $0.document == document }
    }

    static func certifies(_ p: Procedure) -> Bool { p.flow.steps.contains { $0.kind == .certify } }

    @Test func marriageShowsIdentityPapersAndAsksTheCertificateOnlyOfPartiesFromElsewhere() throws {
        let p = try Self.model("marriage-registration")
        #expect(Self.requirement(p, step: "submit", document: "id-cards")?.form == .present)
        #expect(p.documents["household-book"] == nil)
        let status = try #require(Self.requirement(p, step: "submit", document: "marital-status"))
        #expect(status.share < 1 && status.condition != nil)
        #expect(p.deadline?.cutOff != nil)
        #expect(p.flow.nodes.contains { $0.edges.contains { $0.deadlineWorkingDays == 5 } })
        // The certificate is valid six months: the once-only finding says the applicant fetches a fresh one.
        #expect(status.issuedWithinDays == 180)
        #expect(Analyzer().analyze(p).findings.contains { $0.rule == "once-only" && $0.message.contains("issued within 180 days") })
        // Both parties attend and sign the register with the officer (Civil Status Law Art. 18.1).
        let ceremony = try #require(p.flow.steps.first { $0.id == "ceremony" })
        #expect(ceremony.presenceRequired && ceremony.coActors == ["couple"])
        #expect(!Self.certifies(p))
    }

    @Test func birthShowsTheParentsMarriageCertificate() throws {
        let p = try Self.model("birth-registration")
        #expect(Self.requirement(p, step: "submit", document: "marriage-certificate")?.form == .present)
        #expect(Self.requirement(p, step: "submit", document: "parent-id")?.form == .present)
        #expect(p.asOf.map { $0 < LocalDate(year: 2023, month: 1, day: 1)! } == true, "the household book is shown while valid")
    }

    @Test func passportAsksABirthCertificateOnlyOfYoungChildrenAndIssuesMillions() throws {
        let p = try Self.model("passport")
        #expect(p.code == "1.001456")
        let birth = try #require(Self.requirement(p, step: "submit", document: "birth-certificate"))
        #expect(birth.form == .copy && birth.share < 0.5 && birth.condition?.contains("under 14") == true)
        #expect(p.volume.perYear >= 1_000_000)
        #expect(p.documents["birth-certificate"].map { $0.registerCoverage > 0 && $0.registerCoverage < 1 } == true)
        #expect(p.flow.steps.contains { $0.presenceRequired }, "photo and fingerprints in person")
    }

    @Test func buildingPermitTakesAPlainCopyOfTheLandPapers() throws {
        let p = try Self.model("building-permit")
        #expect(p.code == "1.013225")
        #expect(Self.requirement(p, step: "submit", document: "land-certificate")?.form == .copy)
        #expect(!Self.certifies(p))
        #expect(p.volume.perYear > 3000)
    }

    @Test func landCertificateHasTwentyWorkingDaysAndNoHouseholdBook() throws {
        let p = try Self.model("land-use-certificate")
        #expect(p.code == "1.013978")
        #expect(p.deadline?.workingDays == 20)
        #expect(p.documents["household-book"] == nil)
        #expect(Self.requirement(p, step: "submit", document: "id-card")?.form == .present)
        #expect(Self.requirement(p, step: "submit", document: "origin-papers")?.form == .copy)
    }

    @Test func judicialRecordTakesCopiesAndKeepsTheHouseholdBookAsTheDocumentedBadPractice() throws {
        let p = try Self.model("judicial-record")
        #expect(!Self.certifies(p))
        #expect(Self.requirement(p, step: "submit", document: "id-card")?.form == .copy)
        #expect(p.volume.perYear >= 2_000_000)
        let findings = Analyzer().analyze(p).findings
        #expect(findings.contains { $0.rule == "obsolete-document" && $0.element == "submit" })
    }

    @Test func enterpriseRegistrationHasItsNationalCodeAndNoCertification() throws {
        let p = try Self.model("enterprise-registration")
        #expect(p.code == "1.000955")
        #expect(!Self.certifies(p))
        #expect(Self.requirement(p, step: "submit", document: "member-ids")?.form == .copy)
        #expect(p.legal["dossier"]?.article == "21")
    }

    @Test func permanentResidenceWithdrawsTheBookAndAsksOneProofOrTheOther() throws {
        let p = try Self.model("permanent-residence")
        #expect(p.code == "1.004222")
        #expect(!p.flow.steps.contains { $0.id == "update-book" })
        let submit = try #require(p.flow.steps.first { $0.id == "submit" })
        let alternatives = submit.requires.filter { $0.alternatives != nil }
        #expect(Set(alternatives.map(\.document)) == ["lease", "family-proof"])
        #expect(alternatives.allSatisfy { $0.form == .copy })
        #expect(alternatives.first { $0.document == "family-proof" }?.unlessRegistered == true)
        #expect(!Self.certifies(p))
    }
}
