public import ProcmodModel
import ProcmodLocalization

/// The text and JSON views of `procmod show`.
public struct ProcedureSummary {
    public let procedure: Procedure
    public let language: Language

    public init(_ procedure: Procedure, language: Language) {
        self.procedure = procedure
        self.language = language
    }

    private func name(_ n: LocalizedName, _ id: String) -> String { n.text(language, fallback: id) }

    private var l: Localizer { Localizer(language) }
    private func number(_ x: Double) -> String { l.numbers.number(x) }
    private func percent(_ x: Double) -> String { l.numbers.percent(x) }
    private func money(_ x: Double) -> String { l.text("money", ["money": l.numbers.money(x)]) }

    // MARK: Text

    /// The procedure as aligned text: steps in order, actors, documents, deadline. Labels are in the
    /// chosen language; ids and the DSL's own words (step kinds, forms, media) are as the file writes them.
    public var text: String {
        let p = procedure, l = self.l
        var lines: [String] = []
        lines.append("\(p.code)  \(name(p.name, p.code))")
        var facts = [l.text("show.level", ["text": p.level.rawValue])]
        if let field = p.field { facts.append(l.text("show.field", ["text": field])) }
        if let version = p.version { facts.append(l.text("show.version", ["text": version])) }
        if let from = p.validFrom { facts.append(l.text("show.validFrom", ["text": l.numbers.date(from)])) }
        lines.append(facts.joined(separator: " · "))
        lines.append("")
        func labelled(_ key: String, _ value: String) -> String { pad(l(key) + ":", 11) + value }
        if let d = p.deadline { lines.append(labelled("show.deadline", describe(d))) }
        lines.append(labelled("show.volume", l.text("show.casesAYear", ["count": number(p.volume.perYear)])
                              + (p.volume.provenance.assumed ? " (" + l("cost.assumed") + ")" : "")))
        lines.append(labelled("show.result", "\(p.result) (\(p.documents[p.result].map { name($0.name, $0.id) } ?? "?"))"))
        lines.append("")
        lines.append(l("show.channels"))
        for c in p.channels.values {
            var row = "  \(pad(c.id, 14)) \(pad(c.kind.rawValue + (c.onlineLevel.map { " (\($0.rawValue))" } ?? ""), 22)) "
                + "\(pad(percent(c.share), 6))"
            let fees = c.fees.reduce(0) { $0 + $1.amount }
            row += " " + l.text("show.fees", ["money": money(fees)])
            if let d = c.deadline { row += " · " + l.text("show.deadlineOf", ["text": describe(d)]) }
            lines.append(row)
        }
        lines.append("")
        lines.append(l("show.actors"))
        for a in p.actors.values {
            let capacity = a.capacity.servers.map(String.init) ?? l("show.unlimited")
            var row = "  \(pad(a.id, 16)) \(pad(a.kind.rawValue, 18)) " + l.text("show.capacity", ["text": pad(capacity, 9)])
                + " " + l.text("show.calendar", ["text": a.calendar])
            if let cadence = a.cadence { row += " · " + l.text("show.signsAt", ["text": cadence.times.map(\.description).joined(separator: ", ")]) }
            lines.append(row + "  \(name(a.name, ""))")
        }
        lines.append("")
        lines.append(l("show.documents"))
        for d in p.documents.values {
            var row = "  \(pad(d.id, 22)) \(pad(d.kind.rawValue, 12)) \(pad(d.medium.rawValue, 11)) " + l.text("show.pages", ["count": "\(d.pages)"])
            if !d.registers.isEmpty {
                row += " · " + l.text("show.heldBy", ["text": d.registers.map {
                    $0.coverage < 1 ? $0.register + " (" + l.text("show.ofCases", ["share": percent($0.coverage)]) + ")" : $0.register
                }.joined(separator: ", ")])
            }
            if let obsolete = d.obsoleteFrom { row += " · " + l.text("show.obsoleteFrom", ["text": l.numbers.date(obsolete)]) }
            lines.append(row + "  \(name(d.name, ""))")
        }
        lines.append("")
        lines.append(l("show.flow"))
        var number = 0
        for node in p.flow.nodes {
            switch node.kind {
            case .step(let s):
                number += 1
                var row = "  \(pad("\(number).", 4)) \(pad(s.id, 22)) \(pad(s.kind.rawValue, 9)) \(pad(s.actor, 16))"
                row += " \(pad(s.channel ?? l("show.allChannels"), 10))"
                if let w = s.work { row += " " + l.text("show.work", ["text": describe(w)]) }
                if let d = s.delay { row += " · " + l.text("show.delay", ["text": describe(d)]) }
                lines.append(row)
                lines.append("       \(name(s.name, s.id))")
                let indent = "       "
                if !s.coActors.isEmpty { lines.append(indent + l.text("show.with", ["text": s.coActors.joined(separator: ", ")])) }
                if !s.dependsOn.isEmpty { lines.append(indent + l.text("show.dependsOn", ["text": s.dependsOn.joined(separator: ", ")])) }
                if s.presenceRequired { lines.append(indent + l("show.presence")) }
                for r in s.requires {
                    var details = [r.form.rawValue]
                    if r.copies > 1 { details.append("×\(r.copies)") }
                    if r.sets > 1 { details.append(l.text("show.sets", ["count": "\(r.sets)"])) }
                    if r.share < 1 { details.append(l.text("show.ofCases", ["share": percent(r.share)])) }
                    if let when = r.condition { details.append(l.text("show.when", ["text": when])) }
                    if r.unlessRegistered { details.append(l("show.unlessRegistered")) }
                    if let days = r.issuedWithinDays { details.append(l.text("show.issuedWithin", ["count": "\(days)"])) }
                    if let legalisation = r.legalisation { details.append(l.text("show.legalisation", ["text": legalisation.rawValue])) }
                    if let t = r.translation { details.append(l.text("show.translation", ["text": t.rawValue])) }
                    let alternative = r.alternatives.map { l.text("show.oneOf", ["count": "\($0 + 1)"]) + " " } ?? ""
                    lines.append(indent + l.text("show.requires", ["text": alternative + r.document + " (" + details.joined(separator: ", ") + ")"]))
                }
                for o in s.produces { lines.append(indent + l.text("show.produces", ["text": "\(o.document) (\(o.medium.rawValue))"])) }
                if let sig = s.signature { lines.append(indent + l.text("show.signature", ["kind": sig.kind.rawValue, "text": sig.signer])) }
                if let pay = s.payment { lines.append(indent + l.text("show.pays", ["money": money(pay.amount), "text": pay.method.rawValue])) }
                for h in s.handoffs { lines.append(indent + l.text("show.handsOff", ["text": "\(h.to) (\(h.medium.rawValue))"])) }
            case .choice(let rule):
                let branches = node.edges.map { e -> String in
                    let target = p.flow.nodes[e.target].id
                    let label = rule == .channel ? (e.channel ?? "?") : percent(e.probability ?? 0)
                    return "\(label) → \(target)" + (e.loop.map { " [\($0.rawValue)\(e.maxCount.map { " ≤\($0)" } ?? "")]" } ?? "")
                }
                lines.append("       " + l.text("show.choice", ["id": node.id, "by": rule.rawValue]) + ": " + branches.joined(separator: "; "))
            case .parallel:
                lines.append("       " + l.text("show.parallel", ["id": node.id]) + ": "
                             + node.edges.map { p.flow.nodes[$0.target].id }.joined(separator: " & "))
            case .join:
                lines.append("       " + l.text("show.join", ["id": node.id]))
            case .end:
                lines.append("       " + l.text("show.end", ["id": node.id]))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func describe(_ d: Deadline) -> String {
        let l = self.l
        var text = d.workingDays == 0 ? l(d.calendarDays ? "show.sameDay" : "show.sameWorkingDay")
            : l.text(d.calendarDays ? "show.days" : "show.workingDays", ["days": number(d.workingDays)])
        if let cut = d.cutOff { text += ", " + l.text("show.cutOff", ["text": cut.description]) }
        let citations = d.legal.compactMap { procedure.legal[$0]?.citation }.map(l.citation)
        if !citations.isEmpty { text += " [" + citations.joined(separator: "; ") + "]" }
        return text
    }

    private func describe(_ q: TimedQuantity) -> String {
        let mean = q.distribution.mean
        let shape = q.distribution.name == "fixed" ? "" : " (" + l.text("show.mean", ["text": q.distribution.name]) + ")"
        return l.text("unit." + q.unit.rawValue, ["count": number(mean)]) + shape + (q.provenance.assumed ? " " + l("cost.assumed") : "")
    }

    // MARK: JSON

    /// The procedure as `show --format json` writes it.
    public struct JSON: Encodable {
        var code: String
        var name: LocalizedName
        var version: String?
        var level: AdministrativeLevel
        var field: String?
        var deadline: Deadline?
        var volume: Volume
        var result: String
        var channels: [Channel]
        var agencies: [Agency]
        var calendars: [WorkCalendar]
        var actors: [Actor]
        var documents: [Document]
        var flow: [FlowNode]
        var legal: [LegalReference]
        var sources: [Source]
    }

    public var json: JSON {
        let p = procedure
        return JSON(code: p.code, name: p.name, version: p.version, level: p.level, field: p.field, deadline: p.deadline,
                    volume: p.volume, result: p.result, channels: Array(p.channels.values),
                    agencies: Array(p.agencies.values), calendars: Array(p.calendars.values),
                    actors: Array(p.actors.values), documents: Array(p.documents.values), flow: p.flow.nodes,
                    legal: Array(p.legal.values), sources: Array(p.sources.values))
    }
}

/// `s` padded with spaces to `width` characters (left-aligned columns of the text views).
package func pad(_ s: String, _ width: Int) -> String {
    let count = s.count
    return count >= width ? s : s + String(repeating: " ", count: width - count)
}
