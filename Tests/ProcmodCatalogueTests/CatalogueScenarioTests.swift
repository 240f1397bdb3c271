import Foundation
import ProcmodCatalogue
import ProcmodLoader
import ProcmodModel
import ProcmodSimulation
import ProcmodTestSupport
import Testing

@Suite struct CatalogueScenarioTests {
    func site() throws -> CatalogueSite {
        let loaded = CatalogueLoader().load(path: TestSupport.path("examples/catalogue/commune.xml"))
        return CatalogueSite(catalogue: try #require(loaded.catalogue), procedures: loaded.procedures)
    }

    /// "Digital signature for every commune chairman": the lever names the shared resource, reaches every
    /// procedure whose actor is that resource, and is listed as not applicable for the others.
    @Test func aLeverOnAResourceReachesEveryProcedureThatUsesIt() throws {
        let site = try site()
        let scenario = Scenario(procedure: "commune", name: LocalizedName(en: "Digital signature"),
                                levers: [Lever(.digitalSignature(signers: ["chairman"], keepCadence: false), name: "digital-signature")])
        let (after, applied, diagnostics) = CatalogueDigitizer().apply(scenario, own: site.procedures.map { _ in nil }, to: site)
        #expect(diagnostics.isEmpty)
        for (i, p) in site.procedures.enumerated() {
            let usesChairman = site.catalogue.entries[i].uses.values.contains("chairman")
            #expect(applied[i].applied == (usesChairman ? ["digital-signature"] : []), "\(p.code)")
            #expect(applied[i].notApplicable.isEmpty == usesChairman, "\(p.code)")
            if usesChairman {
                let actor = try #require(site.catalogue.entries[i].uses.first { $0.value == "chairman" }?.key)
                #expect(p.actors[actor]?.cadence != nil)
                #expect(after.procedures[i].actors[actor]?.cadence == nil, "\(p.code): the signer no longer waits for a signing hour")
            }
        }
    }

    /// A capacity lever on a shared resource changes the resource, and the saving the portfolio claims
    /// is the difference of the models before and after.
    @Test func capacityOnAResourceChangesTheSharedResource() throws {
        let site = try site()
        let scenario = Scenario(procedure: "commune", name: LocalizedName(en: "More officers"),
                                levers: [Lever(.capacity(actor: "civil-status-officers", capacity: .servers(3)), name: "capacity")])
        let (after, _, _) = CatalogueDigitizer().apply(scenario, own: site.procedures.map { _ in nil }, to: site)
        #expect(after.catalogue.resources.first { $0.id == "civil-status-officers" }?.capacity == .servers(3))
        #expect(after.procedures == site.procedures)
    }

    /// A scenario for another catalogue is refused.
    @Test func aScenarioForAnotherCatalogueIsRefused() throws {
        let site = try site()
        let scenario = Scenario(procedure: "district", name: LocalizedName(en: "x"), levers: [])
        let (_, _, diagnostics) = CatalogueDigitizer().apply(scenario, own: site.procedures.map { _ in nil }, to: site)
        #expect(diagnostics.containsErrors)
    }
}
