public import ProcmodModel
public import ProcmodScenario

/// What a scenario did to one procedure of a catalogue.
public struct AppliedLevers: Sendable, Hashable, Codable {
    /// Lever element names applied, in order (`digital-signature`, `share-data`, ...).
    public var applied: [String]
    /// Levers of the catalogue-wide scenario that do not apply to this procedure, with the reason.
    public var notApplicable: [String]
    public var changes: [Change]

    public init(applied: [String] = [], notApplicable: [String] = [], changes: [Change] = []) {
        self.applied = applied
        self.notApplicable = notApplicable
        self.changes = changes
    }
}

/// Applies scenarios across a catalogue: a catalogue-wide scenario (its `procedure` attribute is the
/// catalogue's id) to every procedure it fits, then each entry's own scenario.
///
/// In a catalogue-wide scenario an actor may be named by its shared resource: `digital-signature
/// signers="chairman"` signs digitally for every procedure's actor mapped onto resource `chairman`, and
/// `capacity actor="desk"` changes the shared desk itself. A lever that does not fit a procedure (a step,
/// channel or signer it does not have) is passed over for that procedure and listed, not an error.
public struct CatalogueDigitizer: Sendable {
    public init() {}

    /// The after-site and, per entry, what was applied. Errors of an entry's own scenario are errors.
    public func apply(_ wide: Scenario?, own: [Scenario?], to site: CatalogueSite) -> (CatalogueSite, [AppliedLevers], [Diagnostic]) {
        var catalogue = site.catalogue
        var procedures: [Procedure] = []
        var applied: [AppliedLevers] = []
        var diagnostics: [Diagnostic] = []
        if let wide, wide.procedure != catalogue.id {
            diagnostics.append(Diagnostic(.error, wide.location, "the scenario is for \(wide.procedure), not catalogue \(catalogue.id): a "
                                          + "catalogue-wide scenario names the catalogue's id in its procedure attribute; a "
                                          + "procedure's own scenario is named on its <procedure> entry", code: "scenario"))
            return (site, [], diagnostics)
        }
        // Capacity levers on a shared resource change the resource, once.
        for lever in wide?.levers ?? [] {
            guard case .capacity(let actor, let capacity) = lever.kind,
                  let k = catalogue.resources.firstIndex(where: { $0.id == actor }) else { continue }
            catalogue.resources[k].capacity = capacity
        }
        for (i, procedure) in site.procedures.enumerated() {
            let entry = site.catalogue.entries[i]
            var current = procedure
            var record = AppliedLevers(applied: [], notApplicable: [], changes: [])
            for lever in wide?.levers ?? [] {
                guard let translated = translate(lever, entry: entry, procedure: current, resources: catalogue.resources) else {
                    continue
                }
                guard let lever = translated.lever else {
                    record.notApplicable.append("\(lever.name): \(translated.reason)")
                    continue
                }
                let one = Scenario(procedure: current.code, name: wide?.name ?? .init(), levers: [lever], location: lever.location)
                let result = Digitizer().apply(one, to: current)
                if let error = result.diagnostics.first(where: { $0.severity == .error }) {
                    record.notApplicable.append("\(lever.name): \(error.message)")
                } else {
                    current = result.after
                    record.applied.append(lever.name)
                    record.changes += result.changes
                }
            }
            if let scenario = own[i] {
                let result = Digitizer().apply(scenario, to: current)
                diagnostics += result.diagnostics
                current = result.after
                record.applied += scenario.levers.map(\.name)
                record.changes += result.changes
            }
            procedures.append(current)
            applied.append(record)
        }
        return (site.with(procedures: procedures, catalogue: catalogue), applied, diagnostics)
    }

    /// A catalogue-wide lever as it reads for one procedure: resource ids turned into the procedure's
    /// actor ids; `lever` nil with the reason when it does not fit; nil when it acts on the site itself.
    private func translate(_ lever: Lever, entry: CatalogueEntry, procedure p: Procedure,
                           resources: [CatalogueResource]) -> (lever: Lever?, reason: String)? {
        var out = lever
        let resourceIDs = Set(resources.map(\.id))
        func actors(of id: String) -> [String] {
            if resourceIDs.contains(id) { return entry.uses.filter { $0.value == id }.map(\.key).sorted() }
            return p.actors[id] != nil ? [id] : []
        }
        switch lever.kind {
        case .digitalSignature(let signers, let keep):
            guard !signers.isEmpty else { return (out, "") }
            let mine = signers.flatMap(actors(of:))
            guard !mine.isEmpty else { return (nil, "none of \(signers.joined(separator: ", ")) signs in this procedure") }
            out.kind = .digitalSignature(signers: mine, keepCadence: keep)
        case .capacity(let actor, let capacity):
            if resourceIDs.contains(actor) { return nil }
            guard p.actors[actor] != nil else { return (nil, "no actor '\(actor)'") }
            out.kind = .capacity(actor: actor, capacity: capacity)
        case .channelShare(let channel, _, _), .deadline(.some(let channel), _, _, _, _):
            guard p.channels[channel] != nil else { return (nil, "no channel '\(channel)'") }
        case .duration(let step, _, _), .removeStep(let step):
            guard p.flow.steps.contains(where: { $0.id == step }) else { return (nil, "no step '\(step)'") }
        case .parallelize(let a, let b), .merge(let a, let b):
            let steps = Set(p.flow.steps.map(\.id))
            guard steps.contains(a), steps.contains(b) else { return (nil, "no steps '\(a)' and '\(b)'") }
        default: break
        }
        return (out, "")
    }
}
