public import ProcmodModel

/// The names the model gives its elements, by kind and id, so that reports say "Công chức tư pháp - hộ
/// tịch" where the file says `civil-officer`.
public struct NameBook: Sendable, Hashable {
    public var steps: [String: LocalizedName] = [:]
    public var actors: [String: LocalizedName] = [:]
    public var documents: [String: LocalizedName] = [:]
    public var channels: [String: LocalizedName] = [:]
    public var agencies: [String: LocalizedName] = [:]

    /// No names: ids are shown quoted.
    public static let none = NameBook()

    public init() {}

    /// The names of every step, actor, document, channel and agency of `procedures`; an id named in
    /// an earlier procedure keeps that name (pass the before-model first, then the after-model).
    public init(_ procedures: Procedure...) {
        for p in procedures {
            for node in p.flow.nodes { if let s = node.step, !s.name.isEmpty, steps[s.id] == nil { steps[s.id] = s.name } }
            for (id, a) in p.actors where !a.name.isEmpty && actors[id] == nil { actors[id] = a.name }
            for (id, d) in p.documents where !d.name.isEmpty && documents[id] == nil { documents[id] = d.name }
            for (id, c) in p.channels where channels[id] == nil {
                channels[id] = c.name.isEmpty ? Self.catalogName("channel." + c.kind.rawValue) : c.name
            }
            // A choice has no name of its own: it is the outcome of the step before it.
            // The first step (in document order) with an edge to each node, found in one pass.
            var stepBefore = [Int?](repeating: nil, count: p.flow.nodes.count)
            for (j, node) in p.flow.nodes.enumerated() where node.step != nil {
                for edge in node.edges where stepBefore.indices.contains(edge.target) && stepBefore[edge.target] == nil {
                    stepBefore[edge.target] = j
                }
            }
            for (i, node) in p.flow.nodes.enumerated() where steps[node.id] == nil {
                guard case .choice = node.kind, let j = stepBefore[i], let before = p.flow.nodes[j].step else { continue }
                let name = before.name.isEmpty ? LocalizedName(vi: before.id, en: before.id) : before.name
                steps[node.id] = LocalizedName(vi: Localizer(.vi).text("choiceAfter", ["name": name.text(.vi, fallback: before.id)]),
                                               en: Localizer(.en).text("choiceAfter", ["name": name.text(.en, fallback: before.id)]))
            }
            for (id, a) in p.agencies where !a.name.isEmpty && agencies[id] == nil { agencies[id] = a.name }
        }
    }

    private static func catalogName(_ key: String) -> LocalizedName {
        LocalizedName(vi: Catalog.vietnamese[key], en: Catalog.english[key])
    }

    /// The name of an element of `kind` (`step`, `actor`, `document`, `channel`, `agency`, or `element`
    /// for any of them, steps first), or nil when the model gives none.
    public func name(_ id: String, kind: String, _ language: Language) -> String? {
        let tables: [[String: LocalizedName]] = switch kind {
        case "step", "steps": [steps]
        case "actor", "actors": [actors]
        case "document", "documents": [documents]
        case "channel", "channels": [channels]
        case "agency", "agencies": [agencies]
        default: [steps, actors, documents, channels, agencies]
        }
        for table in tables { if let n = table[id] { return n.text(language, fallback: id) } }
        return nil
    }
}
