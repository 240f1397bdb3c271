public import ProcmodModel
public import ProcmodSimulation

/// A loaded catalogue ready to simulate: its procedures with their volumes at one site and their
/// actors mapped onto the shared resources.
public struct CatalogueSite: Sendable {
    public var catalogue: Catalogue
    /// One per entry, in the catalogue's order.
    public var procedures: [Procedure]

    public init(catalogue: Catalogue, procedures: [Procedure]) {
        self.catalogue = catalogue
        self.procedures = procedures
    }

    /// Cases a year of entry `i` at one site: the entry's `per-year`, else the procedure's volume per site.
    public func perYear(_ i: Int) -> Double {
        catalogue.entries[i].perYear ?? procedures[i].volume.perSite
    }

    /// Cases a year of entry `i` over all the sites the catalogue stands for.
    public func casesPerYear(_ i: Int) -> Double { perYear(i) * catalogue.sites }

    /// The procedures as the joint simulator takes them.
    public var members: [JointMember] {
        procedures.indices.map { JointMember(procedure: procedures[$0], perYear: perYear($0), resources: catalogue.entries[$0].uses) }
    }

    /// The shared resources as the joint simulator takes them.
    public var resources: [SharedResource] {
        catalogue.resources.map { r in
            SharedResource(id: r.id, servers: r.capacity.servers, calendar: catalogue.calendar(r.calendar) ?? .alwaysOpen,
                           cadence: r.cadence, batchSize: r.batchSize)
        }
    }

    /// The site with other procedures (the after-models of a scenario) in place of these.
    public func with(procedures: [Procedure], catalogue: Catalogue? = nil) -> CatalogueSite {
        CatalogueSite(catalogue: catalogue ?? self.catalogue, procedures: procedures)
    }

    /// The procedures that use a resource, by code.
    public func users(of resource: String) -> [String] {
        procedures.indices.filter { catalogue.entries[$0].uses.values.contains(resource) }.map { procedures[$0].code }
    }
}
