#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import ProcmodModel
import ProcmodXML

/// A change to note in the written file, before the element it is about.
public struct WriterComment: Sendable, Hashable {
    /// The id of the element the comment goes before (a step, actor, document, channel); comments whose
    /// element no longer exists go in a block at the top.
    public var element: String
    public var text: String

    public init(element: String, text: String) {
        self.element = element
        self.text = text
    }
}

/// Writes a procedure back to the DSL: every part of the model, in the schema's order, deterministic
/// (same model, same bytes). Calendars are written with their `extends` resolved.
public struct ProcedureWriter {
    public var header: String?
    public var comments: [WriterComment]

    public init(header: String? = nil, comments: [WriterComment] = []) {
        self.header = header
        self.comments = comments
    }

    public func write(_ p: Procedure) -> String {
        let w = XMLTextWriter()
        var pending = Dictionary(grouping: comments, by: \.element)
        func note(_ id: String) {
            for c in pending.removeValue(forKey: id) ?? [] { w.comment(c.text) }
        }
        w.start("procedure")
        w.attribute("xmlns", ProcedureSchema.namespace)
        w.attribute("code", p.code)
        names(w, p.name)
        w.attribute("version", p.version)
        w.attribute("valid-from", p.validFrom?.description)
        w.attribute("as-of", p.asOf?.description)
        w.attribute("field", p.field)
        w.attribute("level", p.level.rawValue)
        if let header { w.comment(header) }
        let known = Set(p.flow.nodes.map(\.id) + p.actors.keys + p.documents.keys + p.channels.keys)
        for c in comments where !known.contains(c.element) { w.comment(c.text) }
        pending = pending.filter { known.contains($0.key) }
        if let summary = p.summary { w.start("summary"); w.text(summary); w.end() }
        if !p.sources.isEmpty {
            w.start("sources")
            for s in p.sources.values {
                w.start("source"); w.attribute("id", s.id); w.attribute("quality", s.quality); w.attribute("ref", s.reference)
                w.text(s.title); w.end()
            }
            w.end()
        }
        if !p.legal.isEmpty {
            w.start("legal-basis")
            for l in p.legal.values {
                w.start("provision"); w.attribute("id", l.id); w.attribute("act", l.act); w.attribute("article", l.article)
                w.attribute("clause", l.clause); w.attribute("point", l.point); w.attribute("url", l.url); w.end()
            }
            w.end()
        }
        if !p.agencies.isEmpty {
            w.start("agencies")
            for a in p.agencies.values {
                w.start("agency"); w.attribute("id", a.id); names(w, a.name); w.attribute("level", a.level?.rawValue)
                w.attribute("role", a.role.rawValue); w.end()
            }
            w.end()
        }
        if let d = p.deadline { deadline(w, d) }
        w.start("volume"); w.attribute("per-year", number(p.volume.perYear))
        if p.volume.sites != 1 { w.attribute("sites", number(p.volume.sites)) }
        provenance(w, p.volume.provenance); w.end()
        if let a = p.arrivals { arrivals(w, a) }
        w.start("result"); w.attribute("document", p.result); w.end()
        w.start("channels")
        for c in p.channels.values {
            note(c.id)
            w.start("channel"); w.attribute("id", c.id); names(w, c.name); w.attribute("kind", c.kind.rawValue)
            w.attribute("online-level", c.onlineLevel?.rawValue); w.attribute("share", number(c.share))
            provenance(w, c.provenance)
            if let d = c.deadline { deadline(w, d) }
            for f in c.fees {
                w.start("fee"); w.attribute("name", f.name); w.attribute("amount", number(f.amount)); legal(w, f.legal)
                provenance(w, f.provenance); w.end()
            }
            w.end()
        }
        w.end()
        if !p.calendars.isEmpty {
            w.start("calendars")
            for c in p.calendars.values {
                w.start("calendar"); w.attribute("id", c.id); names(w, c.name)
                for h in c.hours {
                    w.start("hours"); w.attribute("days", h.days.map(\.rawValue).joined(separator: " "))
                    w.attribute("from", h.start.description); w.attribute("to", h.end.description); w.end()
                }
                for h in c.holidays {
                    w.start("holiday")
                    if h.start == h.end { w.attribute("date", h.start.description) } else {
                        w.attribute("from", h.start.description); w.attribute("to", h.end.description)
                    }
                    w.attribute("name", h.name); w.end()
                }
                for d in c.extraWorkingDays {
                    w.start("working-day"); w.attribute("date", d.date.description)
                    w.attribute("hours-of", d.hoursOf.rawValue); w.attribute("name", d.name); w.end()
                }
                for v in c.siteVariants {
                    w.start("site-variant"); w.attribute("name", v.name); w.attribute("share", number(v.share))
                    for h in v.hours {
                        w.start("hours"); w.attribute("days", h.days.map(\.rawValue).joined(separator: " "))
                        w.attribute("from", h.start.description); w.attribute("to", h.end.description); w.end()
                    }
                    w.end()
                }
                w.end()
            }
            w.end()
        }
        w.start("actors")
        for a in p.actors.values {
            note(a.id)
            w.start("actor"); w.attribute("id", a.id); names(w, a.name); w.attribute("kind", a.kind.rawValue)
            w.attribute("agency", a.agency)
            w.attribute("capacity", a.capacity.servers.map(String.init) ?? "unlimited")
            if a.calendar != alwaysOpenCalendarID { w.attribute("calendar", a.calendar) }
            w.attribute("tariff", a.tariff.map(number)); w.attribute("batch-size", a.batchSize.map(String.init))
            provenance(w, a.provenance)
            if let c = a.cadence {
                w.start("cadence"); w.attribute("at", c.times.map(\.description).joined(separator: " "))
                w.attribute("days", c.days.map(\.rawValue).joined(separator: " ")); w.end()
            }
            if let v = a.availability {
                w.start("availability"); w.attribute("mtbf-hours", number(v.meanHoursBetweenFailures))
                w.attribute("mttr-hours", number(v.meanHoursToRepair)); w.end()
            }
            w.end()
        }
        w.end()
        w.start("documents")
        for d in p.documents.values {
            note(d.id)
            w.start("document"); w.attribute("id", d.id); names(w, d.name); w.attribute("kind", d.kind.rawValue)
            // A register covering every case is written as the attribute; the others as <held-by>.
            let whole = d.registers.first.flatMap { $0.coverage == 1 && $0.provenance == Provenance() ? $0 : nil }
            w.attribute("issuer", d.issuer); w.attribute("register", whole?.register); w.attribute("medium", d.medium.rawValue)
            if d.pages != 1 { w.attribute("pages", String(d.pages)) }
            w.attribute("obsolete-from", d.obsoleteFrom?.description); w.attribute("result-of", d.resultOf)
            legal(w, d.legal); provenance(w, d.provenance)
            for holding in d.registers.dropFirst(whole == nil ? 0 : 1) {
                w.start("held-by"); w.attribute("register", holding.register)
                if holding.coverage != 1 { w.attribute("coverage", number(holding.coverage)) }
                provenance(w, holding.provenance); w.end()
            }
            w.end()
        }
        w.end()
        w.start("flow")
        for (i, node) in p.flow.nodes.enumerated() {
            note(node.id)
            flowNode(w, node, index: i, in: p.flow)
        }
        w.end()
        if !p.invariants.isEmpty { InvariantWriter.write(p.invariants, to: w) }
        w.end()
        return w.finish()
    }

    private func requirement(_ w: XMLTextWriter, _ r: DocumentRequirement, inGroup: Bool = false) {
        w.start("requires"); w.attribute("document", r.document); w.attribute("form", r.form.rawValue)
        if r.copies != 1 { w.attribute("copies", String(r.copies)) }
        if r.sets != 1 { w.attribute("sets", String(r.sets)) }
        // An alternative always carries its share (equal shares were only a default of the source file).
        if r.share != 1 || inGroup { w.attribute("share", number(r.share)) }
        w.attribute("when", r.condition)
        if r.unlessRegistered { w.attribute("unless-registered", "true") }
        w.attribute("issued-within-days", r.issuedWithinDays.map(String.init))
        w.attribute("legalisation", r.legalisation?.rawValue); w.attribute("translation", r.translation?.rawValue)
        legal(w, r.legal); provenance(w, r.provenance); w.end()
    }

    private func flowNode(_ w: XMLTextWriter, _ node: FlowNode, index i: Int, in flow: Flow) {
        func next() {
            guard let t = node.edges.first?.target, t != i + 1 else { return }
            w.attribute("next", flow.nodes[t].id)
        }
        switch node.kind {
        case .step(let s):
            w.start("step"); w.attribute("id", s.id); names(w, s.name); w.attribute("kind", s.kind.rawValue)
            w.attribute("actor", s.actor)
            if !s.coActors.isEmpty { w.attribute("with", s.coActors.joined(separator: " ")) }
            w.attribute("channel", s.channel); next()
            if !s.dependsOn.isEmpty { w.attribute("depends-on", s.dependsOn.joined(separator: " ")) }
            if s.presenceRequired { w.attribute("presence", "required") }
            w.attribute("clock", s.clock?.rawValue); legal(w, s.legal)
            provenance(w, s.provenance)
            if let work = s.work { duration(w, "work", work) }
            if let delay = s.delay { duration(w, "delay", delay) }
            var k = 0
            var written: Set<Int> = []
            while k < s.requires.count {
                if let group = s.requires[k].alternatives, written.contains(group) { k += 1; continue }
                // Alternatives of one group are written together in their <one-of>.
                // A group a fix left with one member is an ordinary requirement (with its share).
                guard let group = s.requires[k].alternatives, s.requires.filter({ $0.alternatives == group }).count > 1 else {
                    requirement(w, s.requires[k]); k += 1; continue
                }
                written.insert(group)
                w.start("one-of")
                for r in s.requires[k...] where r.alternatives == group { requirement(w, r, inGroup: true) }
                w.end()
                k += 1
            }
            for o in s.produces {
                w.start("produces"); w.attribute("document", o.document); w.attribute("medium", o.medium.rawValue)
                if o.copies != 1 { w.attribute("copies", String(o.copies)) }
                w.end()
            }
            if let g = s.signature {
                w.start("signature"); if g.signer != s.actor { w.attribute("signer", g.signer) }
                w.attribute("kind", g.kind.rawValue); w.end()
            }
            if let pay = s.payment {
                w.start("payment"); w.attribute("amount", number(pay.amount)); w.attribute("method", pay.method.rawValue)
                w.attribute("purpose", pay.purpose); legal(w, pay.legal); provenance(w, pay.provenance); w.end()
            }
            for h in s.handoffs {
                w.start("handoff"); w.attribute("to", h.to); w.attribute("medium", h.medium.rawValue); w.end()
            }
            w.end()
        case .choice(let rule):
            w.start("choice"); w.attribute("id", node.id)
            if rule == .channel { w.attribute("by", "channel") }
            for e in node.edges {
                w.start("branch"); w.attribute("to", flow.nodes[e.target].id)
                w.attribute("probability", e.probability.map(number)); w.attribute("channel", e.channel)
                w.attribute("loop", e.loop?.rawValue); w.attribute("max", e.maxCount.map(String.init))
                w.attribute("deadline-working-days", e.deadlineWorkingDays.map(number))
                w.attribute("deadline-days", e.deadlineCalendarDays.map(number))
                if !e.legal.isEmpty { w.attribute("legal", e.legal.joined(separator: " ")) }
                provenance(w, e.provenance)
                w.end()
            }
            w.end()
        case .parallel:
            w.start("parallel"); w.attribute("id", node.id)
            for e in node.edges { w.start("branch"); w.attribute("to", flow.nodes[e.target].id); w.end() }
            w.end()
        case .join(let split):
            w.start("join"); w.attribute("id", node.id)
            w.attribute("split", split >= 0 ? flow.nodes[split].id : ""); next(); w.end()
        case .end:
            w.start("end"); w.attribute("id", node.id); w.end()
        }
    }

    private func names(_ w: XMLTextWriter, _ n: LocalizedName) {
        w.attribute("name", n.vi)
        w.attribute("name-en", n.en)
    }

    private func legal(_ w: XMLTextWriter, _ ids: [String]) {
        if !ids.isEmpty { w.attribute("legal", ids.joined(separator: " ")) }
    }

    private func provenance(_ w: XMLTextWriter, _ p: Provenance) {
        if !p.sources.isEmpty { w.attribute("source", p.sources.joined(separator: " ")) }
        if p.assumed { w.attribute("assumed", "true") }
    }

    private func deadline(_ w: XMLTextWriter, _ d: Deadline) {
        w.start("deadline"); w.attribute(d.calendarDays ? "days" : "working-days", number(d.workingDays))
        w.attribute("cut-off", d.cutOff?.description)
        w.attribute("calendar", d.calendar); legal(w, d.legal); provenance(w, d.provenance)
        for p in d.parts {
            w.start("part"); w.attribute("agency", p.agency); w.attribute(p.calendarDays ? "days" : "working-days", number(p.workingDays))
            legal(w, p.legal); w.end()
        }
        w.end()
    }

    private func arrivals(_ w: XMLTextWriter, _ a: ArrivalProfile) {
        w.start("arrivals")
        for (m, weight) in a.months.enumerated() where weight != 1 {
            w.start("month"); w.attribute("number", String(m + 1)); w.attribute("weight", number(weight)); w.end()
        }
        for (d, weight) in a.weekdays.enumerated() where weight != 1 {
            w.start("weekday"); w.attribute("day", Weekday.allCases[d].rawValue); w.attribute("weight", number(weight)); w.end()
        }
        for h in a.hours {
            w.start("hours"); w.attribute("from", h.start.description); w.attribute("to", h.end.description)
            w.attribute("weight", number(h.weight)); w.end()
        }
        for f in a.fixed { w.start("at"); w.attribute("time", "\(f.date)T\(f.time)"); w.end() }
        w.end()
    }

    private func duration(_ w: XMLTextWriter, _ name: String, _ q: TimedQuantity) {
        w.start(name); w.attribute("unit", q.unit.rawValue); provenance(w, q.provenance)
        switch q.distribution {
        case .fixed(let v): w.start("fixed"); w.attribute("value", number(v)); w.end()
        case .uniform(let a, let b): w.start("uniform"); w.attribute("min", number(a)); w.attribute("max", number(b)); w.end()
        case .triangular(let a, let c, let b):
            w.start("triangular"); w.attribute("min", number(a)); w.attribute("mode", number(c)); w.attribute("max", number(b)); w.end()
        case .normal(let mu, let sd, let lo, let hi):
            w.start("normal"); w.attribute("mean", number(mu)); w.attribute("sd", number(sd))
            if lo != 0 { w.attribute("min", number(lo)) }
            w.attribute("max", hi.map(number)); w.end()
        case .lognormal(let m, let sd): w.start("lognormal"); w.attribute("mean", number(m)); w.attribute("sd", number(sd)); w.end()
        case .exponential(let m): w.start("exponential"); w.attribute("mean", number(m)); w.end()
        case .gamma(let k, let t): w.start("gamma"); w.attribute("shape", number(k)); w.attribute("scale", number(t)); w.end()
        case .erlang(let k, let m): w.start("erlang"); w.attribute("k", String(k)); w.attribute("mean", number(m)); w.end()
        case .empirical(let values, let weights):
            w.start("empirical")
            for (v, wt) in zip(values, weights) {
                w.start("point"); w.attribute("value", number(v)); if wt != 1 { w.attribute("weight", number(wt)) }; w.end()
            }
            w.end()
        }
        w.end()
    }
}

/// A decimal as xs:decimal accepts it: no exponent, no trailing zeros.
func number(_ x: Double) -> String {
    if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
    // Past 2^53 every double is whole; print all its digits (Int would trap past 2^63).
    if !x.isFinite { return x.isNaN ? (x.sign == .minus ? "-nan" : "nan") : (x < 0 ? "-inf" : "inf") }
    if abs(x) >= 1e15 { return (x < 0 ? "-" : "") + wholeDigits(x.magnitude.rounded(.toNearestOrEven)) }
    // Fifteen significant digits at most: no binary noise from arithmetic (0.020000000000000004 → 0.02).
    let digits = x == 0 ? 1 : max(1, Int((abs(x)).exponent2Digits))
    return decimalText(x, decimals: max(0, min(12, 15 - digits)))
}

extension Double {
    /// Decimal digits before the point (at least 1).
    var exponent2Digits: Double { self < 1 ? 1 : (log10(self)).rounded(.down) + 1 }

    /// Twelve decimal places without scientific notation.
    var formatted12: String {
        let negative = self < 0
        let scaled = (abs(self) * 1e12).rounded()
        let whole = Int(scaled / 1e12)
        var fraction = String(Int(scaled - Double(whole) * 1e12))
        fraction = String(repeating: "0", count: max(0, 12 - fraction.count)) + fraction
        return (negative ? "-" : "") + "\(whole).\(fraction)"
    }
}

/// Writes `<invariants>`.
enum InvariantWriter {
    static func write(_ invariants: [Invariant], to w: XMLTextWriter) {
        w.start("invariants")
        for i in invariants {
            w.start(i.name)
            switch i.kind {
            case .maxVisits(let v), .maxHandoffs(let v): w.attribute("value", number(v))
            case .onceOnly(let registers): w.attribute("registers", registers.joined(separator: " "))
            case .approvalOnEveryPath(let actor): w.attribute("actor", actor)
            case .maxCostPerCase(let v): w.attribute("vnd", number(v))
            case .rule(let id): w.attribute("rule", id)
            case .leadTimePercentile(let p, let d): w.attribute("percentile", String(p)); w.attribute("max-working-days", number(d))
            case .onTimeShare(let m): w.attribute("min", number(m))
            default: break
            }
            w.attribute("name", i.label)
            w.end()
        }
        w.end()
    }
}
