#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import ProcmodModel
import ProcmodLoader
import ProcmodAnalysis

/// Generates a synthetic province catalogue for benchmarks and rehearsals: `procedures` procedures
/// drawn from the shipped ones' structure (each a copy of a shipped procedure of its level, with its
/// own code, name and volume), volumes on a long tail (Zipf: the k-th procedure of a level gets
/// 1/k^1.1 of the first's, so about a tenth of the procedures carry most of the dossiers), and a
/// catalogue per level whose shared resources the copies' desks, officers and signers map onto.
///
/// The level split (7% commune, 18% district, the rest province), the Zipf exponent and the shared
/// capacities are assumptions for load testing, not published figures (docs/scale.md).
public struct CatalogueGenerator: Sendable {
    /// One shipped procedure used as a template, and how its actors map onto the level's resources.
    public struct Template: Sendable {
        public var procedure: Procedure
        public var uses: [String: String]

        public init(procedure: Procedure, uses: [String: String]) {
            self.procedure = procedure
            self.uses = uses
        }
    }

    public var procedures: Int
    public var seed: UInt64
    public var exponent = 1.1

    public init(procedures: Int = 1_800, seed: UInt64 = 1) {
        self.procedures = procedures
        self.seed = seed
    }

    /// How many procedures each level gets.
    public func counts() -> [(AdministrativeLevel, Int)] {
        let commune = max(1, Int((Double(procedures) * 0.07).rounded()))
        let district = max(1, Int((Double(procedures) * 0.18).rounded()))
        return [(.commune, commune), (.district, district), (.province, max(1, procedures - commune - district))]
    }

    /// The shipped templates of each level (the procedures in `folder`, usually `procedures/`) with the
    /// actor-to-resource maps of the example catalogues.
    public static func templates(folder: String) throws -> [AdministrativeLevel: [Template]] {
        let maps: [String: [String: String]] = [
            "birth-registration.xml": ["civil-officer": "civil-status-officers", "chairman": "chairman"],
            "birth-residence-insurance-chain-2015.xml": ["justice-officer": "civil-status-officers", "chairman": "chairman"],
            "marriage-registration.xml": ["civil-officer": "civil-status-officers", "chairman": "chairman"],
            "permanent-residence.xml": ["police-officer": "commune-police", "police-chief": "police-chief"],
            "building-permit.xml": ["desk": "one-stop-desk", "district-leader": "leader"],
            "land-use-certificate.xml": ["desk": "one-stop-desk", "signer": "leader"],
            "enterprise-registration.xml": ["desk": "service-centre", "examiner": "specialists", "head": "department-head"],
            "judicial-record.xml": ["desk": "service-centre", "records-office": "specialists", "director": "department-head"],
            "passport.xml": ["desk": "service-centre", "processing": "specialists", "head": "department-head"],
        ]
        var out: [AdministrativeLevel: [Template]] = [:]
        for (file, uses) in maps.sorted(by: { $0.key < $1.key }) {
            let p = try ProcedureLoader().loadProcedure(at: folder + "/" + file)
            out[p.level, default: []].append(Template(procedure: p, uses: uses))
        }
        return out
    }

    /// The resources of one site of each level.
    static func resources(_ level: AdministrativeLevel) -> [CatalogueResource] {
        let office = BuiltInCalendars.vietnamPublicService
        func cadence(_ times: [Int]) -> SigningCadence {
            SigningCadence(times: times.map { TimeOfDay(minutes: $0) }, days: [.mon, .tue, .wed, .thu, .fri])
        }
        switch level {
        case .commune:
            return [CatalogueResource(id: "civil-status-officers", name: LocalizedName(vi: "Công chức tư pháp - hộ tịch", en: "Civil-status officers"),
                                      kind: .official, capacity: .servers(2), calendar: office),
                    CatalogueResource(id: "chairman", name: LocalizedName(vi: "Chủ tịch UBND xã", en: "Commune chairman"), kind: .signer,
                                      capacity: .servers(1), calendar: office, cadence: cadence([630, 960])),
                    CatalogueResource(id: "commune-police", name: LocalizedName(vi: "Công an xã", en: "Commune police"), kind: .official,
                                      capacity: .servers(2), calendar: office),
                    CatalogueResource(id: "police-chief", name: LocalizedName(vi: "Trưởng Công an xã", en: "Commune police chief"), kind: .signer,
                                      capacity: .servers(1), calendar: office, cadence: cadence([960]))]
        case .district:
            return [CatalogueResource(id: "one-stop-desk", name: LocalizedName(vi: "Bộ phận một cửa cấp huyện", en: "District one-stop desk"),
                                      kind: .receptionDesk, capacity: .servers(4), calendar: office),
                    CatalogueResource(id: "leader", name: LocalizedName(vi: "Lãnh đạo UBND huyện", en: "District leader"), kind: .signer,
                                      capacity: .servers(2), calendar: office, cadence: cadence([600, 900]))]
        case .province, .central:
            return [CatalogueResource(id: "service-centre", name: LocalizedName(vi: "Trung tâm Phục vụ hành chính công", en: "Public service centre"),
                                      kind: .receptionDesk, capacity: .servers(40), calendar: office),
                    CatalogueResource(id: "specialists", name: LocalizedName(vi: "Chuyên viên các sở", en: "Department specialists"),
                                      kind: .specialistOffice, capacity: .servers(120), calendar: office),
                    CatalogueResource(id: "department-head", name: LocalizedName(vi: "Lãnh đạo các sở", en: "Department heads"), kind: .signer,
                                      capacity: .servers(20), calendar: office, cadence: cadence([660, 960]))]
        }
    }

    /// A generated procedure file and its catalogue entry.
    public struct Generated: Sendable {
        public var level: AdministrativeLevel
        public var file: String
        public var text: String
        public var entry: CatalogueEntry
        /// Hours of work a year it brings each shared resource, and each resource's open hours a year
        /// per server (from the template's calendars).
        public var offeredHours: [String: Double]
        public var openHoursPerServer: [String: Double]
    }

    /// The procedures, as files named `<level>/<code>.xml`, and their entries; the first of each level
    /// keeps its template's volume per site, the k-th gets 1/k^exponent of it.
    public func generate(_ templates: [AdministrativeLevel: [Template]]) -> [Generated] {
        var rng = SplitMix64(seed: seed)
        var out: [Generated] = []
        // Per template: work hours per case and open hours per server of each actor.
        var perCase: [String: [String: (hours: Double, open: Double)]] = [:]
        for template in templates.values.flatMap({ $0 }) {
            let perSite = max(template.procedure.volume.perSite, 1e-9)
            for load in ProcedureAnalysis(template.procedure).loads {
                let servers = Double(template.procedure.actors[load.actor]?.capacity.servers ?? 1)
                perCase[template.procedure.code, default: [:]][load.actor] = (load.offeredHours / perSite, (load.capacityHours ?? 0) / max(servers, 1))
            }
        }
        for (level, count) in counts() {
            guard let pool = templates[level], !pool.isEmpty else { continue }
            let top = pool.map(\.procedure.volume.perSite).max() ?? 1
            for k in 1...count {
                let template = pool[Int(rng.next() % UInt64(pool.count))]
                var p = template.procedure
                let code = "G.\(level.rawValue.prefix(1).uppercased()).\(zeroPadded(k, width: 4))"
                p.code = code
                p.name = LocalizedName(vi: "Thủ tục tổng hợp \(code) (theo mẫu: \(template.procedure.name.vi ?? template.procedure.code))",
                                       en: "Synthetic procedure \(code) (after \(template.procedure.name.en ?? template.procedure.code))")
                let perSite = (top / pow(Double(k), exponent) * 100).rounded() / 100
                p.volume.perYear = perSite * max(p.volume.sites, 1)
                let file = "\(level.rawValue)/\(code).xml"
                var offered: [String: Double] = [:], open: [String: Double] = [:]
                for (actor, resource) in template.uses {
                    guard let load = perCase[template.procedure.code]?[actor] else { continue }
                    offered[resource, default: 0] += load.hours * perSite
                    open[resource] = load.open
                }
                out.append(Generated(level: level, file: file, text: ProcedureWriter().write(p),
                                     entry: CatalogueEntry(file: file, perYear: perSite, uses: template.uses),
                                     offeredHours: offered, openHoursPerServer: open))
            }
        }
        return out
    }

    /// The catalogue of one level, for files generated into the same folder. Each shared resource gets
    /// the servers that keep it busy about 75% of its open hours with the work the procedures bring it
    /// (the example capacities otherwise: a resource no procedure uses keeps them).
    public func catalogue(_ level: AdministrativeLevel, generated: [Generated], sites: Double) -> Catalogue {
        let entries = generated.map(\.entry)
        var resources = Self.resources(level)
        for k in resources.indices {
            let id = resources[k].id
            let offered = generated.reduce(0) { $0 + ($1.offeredHours[id] ?? 0) }
            guard let open = generated.lazy.compactMap({ $0.openHoursPerServer[id] }).first, open > 0, offered > 0 else { continue }
            resources[k].capacity = .servers(max(1, Int((offered / (open * 0.75)).rounded(.up))))
        }
        return Catalogue(id: "generated-\(level.rawValue)",
                         name: LocalizedName(vi: "Danh mục tổng hợp cấp \(level.rawValue) (\(entries.count) thủ tục)",
                                             en: "Synthetic \(level.rawValue) catalogue (\(entries.count) procedures)"),
                         level: level, sites: sites, resources: resources, entries: entries, targetCost: 0.3, targetTime: 0.3)
    }
}

/// SplitMix64: a small, fixed generator, so the same seed gives the same catalogue on every platform.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
