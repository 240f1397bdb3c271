public import ProcmodModel

/// The text and JSON views of `procmod show`.
public struct ProcedureSummary {
    public let procedure: Procedure
    public let language: Language

    public init(_ procedure: Procedure, language: Language) {
        self.procedure = procedure
        self.language = language
    }

    private func name(_ n: LocalizedName, _ id: String) -> String { n.text(language, fallback: id) }

    // MARK: Text

    /// The procedure as aligned text: steps in order, actors, documents, deadline.
    public var text: String {
        let p = procedure
        var lines: [String] = []
        lines.append("\(p.code)  \(name(p.name, p.code))")
        var facts = ["level \(p.level.rawValue)"]
        if let field = p.field { facts.append("field \(field)") }
        if let version = p.version { facts.append("version \(version)") }
        if let from = p.validFrom { facts.append("valid from \(from)") }
        lines.append(facts.joined(separator: " · "))
        lines.append("")
        if let d = p.deadline { lines.append("Deadline:  " + describe(d)) }
        lines.append("Volume:    \(groupedText(p.volume.perYear)) cases a year" + (p.volume.provenance.assumed ? " (assumed)" : ""))
        lines.append("Result:    \(p.result) (\(p.documents[p.result].map { name($0.name, $0.id) } ?? "?"))")
        lines.append("")
        lines.append("Channels")
        for c in p.channels.values {
            var row = "  \(pad(c.id, 14)) \(pad(c.kind.rawValue + (c.onlineLevel.map { " (\($0.rawValue))" } ?? ""), 22)) "
                + "\(pad(percentText(c.share), 6))"
            let fees = c.fees.reduce(0) { $0 + $1.amount }
            row += " fees \(groupedText(fees)) VND"
            if let d = c.deadline { row += " · deadline " + describe(d) }
            lines.append(row)
        }
        lines.append("")
        lines.append("Actors")
        for a in p.actors.values {
            let capacity = a.capacity.servers.map(String.init) ?? "unlimited"
            var row = "  \(pad(a.id, 16)) \(pad(a.kind.rawValue, 18)) capacity \(pad(capacity, 9)) calendar \(a.calendar)"
            if let cadence = a.cadence { row += " · signs at " + cadence.times.map(\.description).joined(separator: ", ") }
            lines.append(row + "  \(name(a.name, ""))")
        }
        lines.append("")
        lines.append("Documents")
        for d in p.documents.values {
            var row = "  \(pad(d.id, 22)) \(pad(d.kind.rawValue, 12)) \(pad(d.medium.rawValue, 11)) \(d.pages) p."
            if !d.registers.isEmpty {
                row += " · held by " + d.registers.map { $0.coverage < 1 ? "\($0.register) (\(percentText($0.coverage)) of cases)" : $0.register }
                    .joined(separator: ", ")
            }
            if let obsolete = d.obsoleteFrom { row += " · obsolete from \(obsolete)" }
            lines.append(row + "  \(name(d.name, ""))")
        }
        lines.append("")
        lines.append("Flow")
        var number = 0
        for node in p.flow.nodes {
            switch node.kind {
            case .step(let s):
                number += 1
                var row = "  \(pad("\(number).", 4)) \(pad(s.id, 22)) \(pad(s.kind.rawValue, 9)) \(pad(s.actor, 16))"
                row += " \(pad(s.channel ?? "all", 10))"
                if let w = s.work { row += " work " + describe(w) }
                if let d = s.delay { row += " · delay " + describe(d) }
                lines.append(row)
                lines.append("       \(name(s.name, s.id))")
                if !s.coActors.isEmpty { lines.append("       with " + s.coActors.joined(separator: ", ")) }
                if !s.dependsOn.isEmpty { lines.append("       depends on " + s.dependsOn.joined(separator: ", ")) }
                if s.presenceRequired { lines.append("       the applicant must be present in person") }
                for r in s.requires {
                    var details = [r.form.rawValue]
                    if r.copies > 1 { details.append("×\(r.copies)") }
                    if r.sets > 1 { details.append("\(r.sets) sets") }
                    if r.share < 1 { details.append("\(percentText(r.share)) of cases") }
                    if let when = r.condition { details.append("when \(when)") }
                    if r.unlessRegistered { details.append("unless a register holds it") }
                    if let days = r.issuedWithinDays { details.append("issued within \(days) days") }
                    if let l = r.legalisation { details.append("\(l.rawValue) legalisation") }
                    if let t = r.translation { details.append("\(t.rawValue) translation") }
                    lines.append("       requires \(r.alternatives.map { "(one of #\($0 + 1)) " } ?? "")\(r.document) ("
                                 + details.joined(separator: ", ") + ")")
                }
                for o in s.produces { lines.append("       produces \(o.document) (\(o.medium.rawValue))") }
                if let sig = s.signature { lines.append("       signature \(sig.kind.rawValue) by \(sig.signer)") }
                if let pay = s.payment { lines.append("       pays \(groupedText(pay.amount)) VND (\(pay.method.rawValue))") }
                for h in s.handoffs { lines.append("       hands off to \(h.to) (\(h.medium.rawValue))") }
            case .choice(let rule):
                let branches = node.edges.map { e -> String in
                    let target = p.flow.nodes[e.target].id
                    let label = rule == .channel ? (e.channel ?? "?") : percentText(e.probability ?? 0)
                    return "\(label) → \(target)" + (e.loop.map { " [\($0.rawValue)\(e.maxCount.map { " ≤\($0)" } ?? "")]" } ?? "")
                }
                lines.append("       choice \(node.id) by \(rule.rawValue): " + branches.joined(separator: "; "))
            case .parallel:
                lines.append("       parallel \(node.id): " + node.edges.map { p.flow.nodes[$0.target].id }.joined(separator: " & "))
            case .join:
                lines.append("       join \(node.id)")
            case .end:
                lines.append("       end \(node.id)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func describe(_ d: Deadline) -> String {
        var text = d.limitText
        if let cut = d.cutOff { text += ", cut-off \(cut)" }
        let citations = d.legal.compactMap { procedure.legal[$0]?.citation }
        if !citations.isEmpty { text += " [" + citations.joined(separator: "; ") + "]" }
        return text
    }

    private func describe(_ q: TimedQuantity) -> String {
        let unit: String
        switch q.unit {
        case .minutes: unit = "min"
        case .hours: unit = "h"
        case .workingDays: unit = "working days"
        case .calendarDays: unit = "calendar days"
        }
        let mean = q.distribution.mean
        let shape = q.distribution.name == "fixed" ? "" : " (\(q.distribution.name), mean)"
        return "\(decimalText(mean)) \(unit)\(shape)" + (q.provenance.assumed ? " assumed" : "")
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
