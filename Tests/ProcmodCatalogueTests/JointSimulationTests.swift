import Foundation
import ProcmodCatalogue
import ProcmodLoader
import ProcmodModel
import ProcmodSimulation
import ProcmodTestSupport
import Testing

@Suite struct JointSimulationTests {
    let options = SimulationOptions(cases: nil, horizonDays: 365, replications: 4, seed: 11, threads: 2)

    /// A catalogue of one procedure whose shared resources copy its own actors gives exactly the
    /// procedure's own figures: the joint engine adds nothing and loses nothing.
    @Test func aCatalogueOfOneProcedureGivesItsOwnFigures() throws {
        let p = try ProcedureLoader().loadProcedure(at: TestSupport.path("procedures/birth-registration.xml"))
        var mapping: [String: String] = [:]
        var resources: [SharedResource] = []
        for (id, actor) in p.actors where actor.kind != .applicant && actor.kind != .thirdParty {
            mapping[id] = "shared-" + id
            resources.append(SharedResource(id: "shared-" + id, servers: actor.capacity.servers, calendar: p.calendar(actor.calendar),
                                            cadence: actor.cadence, batchSize: actor.batchSize))
        }
        let joint = try JointSimulator(options: options).replications(
            [JointMember(procedure: p, perYear: p.volume.perSite, resources: mapping)], resources: resources)
        let alone = try Simulator(options: options).replications(p)
        #expect(joint.count == alone.count)
        for (j, a) in zip(joint, alone) {
            #expect(j.members[0].kpis == a.kpis)
            for (actor, resource) in mapping {
                #expect(j.resources[resource] == a.actors[actor], "\(actor)")
                #expect(j.members[0].actors[actor] == a.actors[actor], "\(actor)")
            }
        }
    }

    /// Two procedures on one shared desk load it with both their work: its joint utilisation is the
    /// sum of what each gives it alone (within the simulation's noise), and each procedure's cases
    /// keep their own volume.
    @Test func aSharedDeskCarriesTheWorkOfEveryProcedure() throws {
        let loaded = CatalogueLoader().load(path: TestSupport.path("examples/catalogue/commune.xml"))
        let catalogue = try #require(loaded.catalogue, "\(loaded.diagnostics)")
        let site = CatalogueSite(catalogue: catalogue, procedures: loaded.procedures)
        let simulator = JointSimulator(options: options)
        func utilisation(_ s: CatalogueSite) throws -> Double {
            let runs = try simulator.replications(s.members, resources: s.resources)
            return runs.map { $0.resources["civil-status-officers"]?[figure: .utilisation] ?? 0 }.reduce(0, +) / Double(runs.count)
        }
        let users = site.procedures.indices.filter { catalogue.entries[$0].uses.values.contains("civil-status-officers") }
        #expect(users.count == 3)
        let together = try utilisation(site)
        var alone = 0.0
        for i in users {
            var one = catalogue
            one.entries = [catalogue.entries[i]]
            alone += try utilisation(CatalogueSite(catalogue: one, procedures: [site.procedures[i]]))
        }
        #expect(together > 0)
        #expect(abs(together - alone) / alone < 0.1, "together \(together), alone summed \(alone)")
        let runs = try simulator.replications(site.members, resources: site.resources)
        for (k, member) in site.members.enumerated() {
            let cases = runs.map { $0.members[k].kpis[figure: .cases] ?? 0 }.reduce(0, +) / Double(runs.count)
            #expect(abs(cases - member.perYear) / member.perYear < 0.15, "\(member.procedure.code): \(cases) of \(member.perYear)")
        }
    }

    /// The same seed gives the same replications whatever the thread count.
    @Test func jointRunsAreTheSameOnOneThreadAndTwo() throws {
        let loaded = CatalogueLoader().load(path: TestSupport.path("examples/catalogue/commune.xml"))
        let site = CatalogueSite(catalogue: try #require(loaded.catalogue), procedures: loaded.procedures)
        var one = options
        one.threads = 1
        let a = try JointSimulator(options: one).replications(site.members, resources: site.resources)
        let b = try JointSimulator(options: options).replications(site.members, resources: site.resources)
        #expect(a == b)
    }
}
