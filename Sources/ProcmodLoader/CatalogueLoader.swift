public import ProcmodModel
import ProcmodXML

/// A catalogue file's outcome: the catalogue, and its procedures and scenarios loaded from the files
/// it names (in its order), with every problem of every file.
public struct LoadedCatalogue: Sendable {
    public var path: String
    public var catalogue: Catalogue?
    /// One per entry, in the catalogue's order (all present when there is no error).
    public var procedures: [Procedure]
    /// The paths of the procedure files, as resolved from the catalogue's folder.
    public var procedurePaths: [String]
    /// Per entry, its own scenario (nil when it names none).
    public var scenarios: [Scenario?]
    public var diagnostics: [Diagnostic]
}

/// Loads `<catalogue xmlns="urn:procmod:catalogue:1">` files and the procedures they name.
public struct CatalogueLoader: Sendable {
    public var maximumFileSize: Int

    public init(maximumFileSize: Int = ProcedureLoader.defaultMaximumFileSize) { self.maximumFileSize = maximumFileSize }

    public func load(path: String) -> LoadedCatalogue {
        let (bytes, diagnostics) = DSLDocument.bytes(at: path, maximumFileSize: maximumFileSize)
        guard let bytes else { return LoadedCatalogue(path: path, catalogue: nil, procedures: [], procedurePaths: [], scenarios: [], diagnostics: diagnostics) }
        return load(bytes: bytes, path: path)
    }

    public func load(bytes: [UInt8], path: String) -> LoadedCatalogue {
        var (root, diagnostics) = DSLDocument.root(bytes, path: path, rootName: "catalogue", namespace: CatalogueSchema.namespace,
                                                   schema: Self.schema, schemaText: CatalogueSchema.text)
        guard let root else {
            return LoadedCatalogue(path: path, catalogue: nil, procedures: [], procedurePaths: [], scenarios: [], diagnostics: diagnostics.sorted())
        }
        var (catalogue, context) = decode(root)
        let folder = path.folderPart
        func resolve(_ file: String) -> String { file.hasPrefix("/") || folder.isEmpty ? file : folder + "/" + file }
        let paths = catalogue.entries.map { resolve($0.file) }
        let loaded = ProcedureLoader(maximumFileSize: maximumFileSize).loadAll(paths)
        var procedures: [Procedure] = []
        var codes: [String: Int] = [:]
        let resources = Dictionary(catalogue.resources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, (entry, result)) in zip(catalogue.entries, loaded).enumerated() {
            diagnostics += result.diagnostics
            guard let p = result.procedure else {
                if !result.diagnostics.containsErrors {
                    context.error(entry.location, "procedure file '\(entry.file)' could not be loaded", code: "catalogue")
                } else {
                    context.error(entry.location, "procedure file '\(entry.file)' has errors (listed above)", code: "catalogue")
                }
                continue
            }
            if let first = codes[p.code] {
                context.error(entry.location, "procedure \(p.code) is already in the catalogue (entry \(first + 1)): each procedure "
                              + "appears once; give it its whole volume", code: "catalogue")
            }
            codes[p.code] = i
            for (actor, resource) in entry.uses.sorted(by: { $0.key < $1.key }) {
                guard let a = p.actors[actor] else {
                    context.error(entry.location, "procedure \(p.code) has no actor '\(actor)' to map onto resource '\(resource)'"
                                  + suggestion(actor, Array(p.actors.keys)), code: "catalogue")
                    continue
                }
                if resources[resource] == nil {
                    context.error(entry.location, "resource '\(resource)' (for actor '\(actor)' of \(p.code)) is not among the "
                                  + "catalogue's <resources>" + suggestion(resource, catalogue.resources.map(\.id)), code: "catalogue")
                }
                if a.kind == .applicant || a.kind == .thirdParty {
                    context.error(entry.location, "actor '\(actor)' of \(p.code) is the \(a.kind == .applicant ? "applicant" : "a third party"): "
                                  + "only the state's actors share a site's resources", code: "catalogue")
                }
            }
            if let level = catalogue.level, p.level != level {
                context.warning(entry.location, "procedure \(p.code) is a \(p.level.rawValue)-level procedure in a "
                                + "\(level.rawValue)-level catalogue", code: "catalogue")
            }
            procedures.append(p)
        }
        var scenarios: [Scenario?] = []
        for entry in catalogue.entries {
            guard let file = entry.scenario else { scenarios.append(nil); continue }
            let s = ScenarioLoader(maximumFileSize: maximumFileSize).load(path: resolve(file))
            diagnostics += s.diagnostics
            if s.scenario == nil && !s.diagnostics.containsErrors {
                context.error(entry.location, "scenario file '\(file)' could not be loaded", code: "catalogue")
            }
            scenarios.append(s.scenario)
        }
        diagnostics += context.diagnostics
        let ok = !diagnostics.containsErrors && procedures.count == catalogue.entries.count
        return LoadedCatalogue(path: path, catalogue: ok ? catalogue : nil, procedures: ok ? procedures : [], procedurePaths: paths,
                               scenarios: ok ? scenarios : [], diagnostics: diagnostics.sorted())
    }

    /// The catalogue element itself: resources, calendars, entries, targets.
    private func decode(_ root: ParsedElement) -> (Catalogue, DecodeContext) {
        var decoder = ProcedureDecoder()
        var calendars: [WorkCalendar] = []
        for e in root.child(named: "calendars")?.children(named: "calendar") ?? [] {
            var calendar = decoder.calendar(e)
            // One level of `extends`: a built-in calendar or one defined above.
            if let base = e.attribute("extends")?.value.trimmingSpaces {
                if let parent = calendars.first(where: { $0.id == base }) ?? BuiltInCalendars.calendar(base) {
                    if calendar.hours.isEmpty { calendar.hours = parent.hours }
                    calendar.holidays = parent.holidays + calendar.holidays
                    calendar.extraWorkingDays = parent.extraWorkingDays + calendar.extraWorkingDays
                } else {
                    decoder.context.error(e.attribute("extends")?.location ?? e.location, "calendar '\(calendar.id)' extends "
                                          + "'\(base)', which is neither a built-in calendar nor one defined before it", code: "calendar")
                }
            }
            calendars.append(calendar)
        }
        var context = decoder.context
        var resources: [CatalogueResource] = []
        var seen: Set<String> = []
        for e in root.child(named: "resources")?.children(named: "resource") ?? [] {
            let id = context.required(e, "id")
            if !seen.insert(id).inserted {
                context.error(e.attribute("id")?.location ?? e.location, "resource '\(id)' is defined twice", code: "catalogue")
            }
            let calendar = context.string(e, "calendar")?.trimmingSpaces ?? BuiltInCalendars.vietnamPublicService
            if Catalogue(id: "", calendars: calendars).calendar(calendar) == nil {
                context.error(e.attribute("calendar")?.location ?? e.location, "resource '\(id)' opens on calendar '\(calendar)', which "
                              + "is neither a built-in calendar nor one of the catalogue's <calendars>", code: "catalogue")
            }
            var capacity = Capacity.servers(1)
            if let text = context.string(e, "capacity")?.trimmingSpaces {
                if text == "unlimited" { capacity = .unlimited } else if let n = context.integer(e, "capacity") {
                    if n <= 0 {
                        context.error(e.attribute("capacity")?.location ?? e.location, "resource '\(id)' has capacity \(n): "
                                      + "expected a positive number of servers or 'unlimited'", code: "capacity")
                    }
                    capacity = .servers(max(n, 1))
                }
            }
            let cadence = e.child(named: "cadence").map { c in
                let at = c.attribute("at")
                let times = context.list(c, "at").compactMap { context.time($0, at: at?.location ?? c.location, in: c) }
                let days = context.list(c, "days").compactMap(Weekday.init(rawValue:))
                return SigningCadence(times: times, days: days.isEmpty ? [.mon, .tue, .wed, .thu, .fri] : days, location: c.location)
            }
            resources.append(CatalogueResource(id: id, name: context.name(e), kind: context.enumeration(e, "kind", default: .official) ?? .official,
                                               capacity: capacity, calendar: calendar, cadence: cadence,
                                               batchSize: context.integer(e, "batch-size"), location: e.location))
        }
        var entries: [CatalogueEntry] = []
        for e in root.children(named: "procedure") {
            var uses: [String: String] = [:]
            for u in e.children(named: "use") {
                let actor = context.required(u, "actor")
                if uses[actor] != nil {
                    context.error(u.location, "actor '\(actor)' is mapped twice", code: "catalogue")
                }
                uses[actor] = context.required(u, "resource")
            }
            entries.append(CatalogueEntry(file: context.required(e, "file"), perYear: context.number(e, "per-year"), uses: uses,
                                          scenario: context.string(e, "scenario"), location: e.location))
        }
        let targets = root.child(named: "targets")
        let catalogue = Catalogue(id: context.required(root, "id"), name: context.name(root),
                                  level: context.enumeration(root, "level"), sites: context.number(root, "sites") ?? 1,
                                  summary: root.child(named: "summary")?.text.trimmingSpaces, calendars: calendars, resources: resources,
                                  entries: entries, targetCost: targets.flatMap { context.number($0, "cost") },
                                  targetTime: targets.flatMap { context.number($0, "time") }, location: root.location)
        return (catalogue, context)
    }

    private func suggestion(_ name: String, _ candidates: [String]) -> String {
        guard let best = closest(to: name, in: candidates) else { return "" }
        return " (did you mean '\(best)'?)"
    }

    static let schema: XMLSchema = {
        do { return try XMLSchema(text: CatalogueSchema.text) } catch {
            fatalError("procmod's own catalogue schema does not compile: \(error)")
        }
    }()
}
