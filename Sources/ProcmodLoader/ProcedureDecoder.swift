import OrderedCollections
import ProcmodModel
import ProcmodXML

/// Turns a schema-valid `<procedure>` tree into a ``Procedure``, recording every definition and
/// reference so that ``SemanticChecks`` can resolve them afterwards.
struct ProcedureDecoder {
    var context = DecodeContext()
    var definitions = Definitions()
    var references: [Reference] = []

    mutating func decode(_ root: ParsedElement) -> Procedure {
        var sources: OrderedDictionary<String, Source> = [:]
        for e in root.child(named: "sources")?.children(named: "source") ?? [] {
            let id = define(.source, e)
            sources[id] = Source(id: id, quality: context.string(e, "quality"), reference: context.required(e, "ref"),
                                 title: e.text.trimmingSpaces, location: e.location)
        }
        var legal: OrderedDictionary<String, LegalReference> = [:]
        for e in root.child(named: "legal-basis")?.children(named: "provision") ?? [] {
            let id = define(.provision, e)
            legal[id] = LegalReference(id: id, act: context.required(e, "act"), article: context.string(e, "article"),
                                       clause: context.string(e, "clause"), point: context.string(e, "point"),
                                       url: context.string(e, "url"), location: e.location)
        }
        var agencies: OrderedDictionary<String, Agency> = [:]
        for e in root.child(named: "agencies")?.children(named: "agency") ?? [] {
            let id = define(.agency, e)
            agencies[id] = Agency(id: id, name: context.name(e), level: context.enumeration(e, "level"),
                                  role: context.enumeration(e, "role", default: .implementing) ?? .implementing,
                                  location: e.location)
        }
        let volumeElement = root.child(named: "volume")
        let resultElement = root.child(named: "result")
        let result = resultElement.map { refer(.document, $0, "document", owner: "<result>") } ?? ""

        var procedure = Procedure(
            code: context.required(root, "code"), name: context.name(root), version: context.string(root, "version"),
            validFrom: context.date(root, "valid-from"), field: context.string(root, "field"),
            level: context.enumeration(root, "level", default: .commune) ?? .commune,
            summary: root.child(named: "summary")?.text.trimmingSpaces, sources: sources, legal: legal,
            agencies: agencies, deadline: root.child(named: "deadline").map { deadline($0, owner: "the procedure") },
            volume: Volume(perYear: volumeElement.flatMap { context.number($0, "per-year") } ?? 0,
                           sites: volumeElement.flatMap { context.number($0, "sites") } ?? 1,
                           provenance: volumeElement.map { provenance($0) } ?? .init(),
                           location: volumeElement?.location ?? root.location),
            result: result, channels: [:], calendars: [:], actors: [:], documents: [:], flow: Flow(nodes: []),
            location: root.location)

        procedure.asOf = context.date(root, "as-of")
        procedure.arrivals = root.child(named: "arrivals").map { arrivals($0) }
        for e in root.child(named: "channels")?.children(named: "channel") ?? [] {
            let c = channel(e)
            procedure.channels[c.id] = c
        }
        for e in root.child(named: "calendars")?.children(named: "calendar") ?? [] {
            let c = calendar(e)
            procedure.calendars[c.id] = c
        }
        for e in root.child(named: "actors")?.children(named: "actor") ?? [] {
            let a = actor(e)
            procedure.actors[a.id] = a
        }
        for e in root.child(named: "documents")?.children(named: "document") ?? [] {
            let d = document(e)
            procedure.documents[d.id] = d
        }
        var flowDecoder = FlowDecoder()
        procedure.flow = flowDecoder.decode(root.child(named: "flow"), using: &self)
        if let e = root.child(named: "invariants") {
            procedure.invariants = context.invariants(e)
            for invariant in procedure.invariants {
                if case .approvalOnEveryPath = invariant.kind, let c = e.children.first(where: { $0.location == invariant.location }) {
                    _ = refer(.actor, c, "actor", owner: "<\(invariant.name)>")
                }
            }
        }
        return procedure
    }

    // MARK: - Definitions and references

    /// Reads the element's `id` and records it; a second definition of the same id is an error.
    mutating func define(_ kind: IDKind, _ element: ParsedElement) -> String {
        let id = context.required(element, "id")
        if let firstElement = definitions.define(kind, id, by: element) {
            let first = firstElement.attribute("id")?.location ?? firstElement.location
            context.error(element.attribute("id")?.location ?? element.location, "duplicate \(kind.rawValue) id '\(id)': "
                          + "it is already defined at \(first.line):\(first.column)", code: "duplicate-id")
        }
        return id
    }

    /// Reads an attribute that names an id of `kind` and records the reference.
    mutating func refer(_ kind: IDKind, _ element: ParsedElement, _ attribute: String, owner: String) -> String {
        let id = context.required(element, attribute)
        references.append(Reference(kind: kind, id: id, element: element, owner: owner, attribute: attribute))
        return id
    }

    mutating func optionalRefer(_ kind: IDKind, _ element: ParsedElement, _ attribute: String, owner: String) -> String? {
        guard element.attribute(attribute) != nil else { return nil }
        return refer(kind, element, attribute, owner: owner)
    }

    /// Reads an attribute that names a list of ids of `kind` and records each reference.
    mutating func referList(_ kind: IDKind, _ element: ParsedElement, _ attribute: String, owner: String) -> [String] {
        let ids = context.list(element, attribute)
        for id in ids {
            references.append(Reference(kind: kind, id: id, element: element, owner: owner, attribute: attribute))
        }
        return ids
    }

    /// Reads a list of provision ids from `legal`.
    mutating func legal(_ element: ParsedElement, owner: @autoclosure () -> String) -> [String] {
        let ids = context.list(element, "legal")
        guard !ids.isEmpty else { return ids }
        let owner = owner()
        for id in ids {
            references.append(Reference(kind: .provision, id: id, element: element, owner: owner, attribute: "legal"))
        }
        return ids
    }

    mutating func provenance(_ element: ParsedElement) -> Provenance {
        let p = context.provenance(element)
        for id in p.sources {
            references.append(Reference(kind: .source, id: id, element: element, owner: "<\(element.name)>", attribute: "source"))
        }
        return p
    }

    // MARK: - Sections

    mutating func deadline(_ e: ParsedElement, owner: String) -> Deadline {
        let cutOff = e.attribute("cut-off").flatMap { context.time($0.value, at: $0.location, in: e) }
        let (limit, inDays) = deadlineLimit(e, "working-days", "days", owner: "the deadline of \(owner)")
        var d = Deadline(workingDays: limit, cutOff: cutOff,
                         calendar: optionalRefer(.calendar, e, "calendar", owner: "the deadline of \(owner)"),
                         legal: legal(e, owner: "the deadline of \(owner)"), location: e.location)
        d.provenance = provenance(e)
        d.calendarDays = inDays
        for p in e.children(named: "part") {
            let part = "a part of the deadline of \(owner)"
            let (days, partInDays) = deadlineLimit(p, "working-days", "days", owner: part)
            var value = DeadlinePart(agency: refer(.agency, p, "agency", owner: part), workingDays: days,
                                     legal: legal(p, owner: part), location: p.location)
            value.calendarDays = partInDays
            d.parts.append(value)
        }
        return d
    }

    /// A limit written either in working days or in calendar days (exactly one of the two attributes).
    mutating func deadlineLimit(_ e: ParsedElement, _ working: String, _ calendar: String, owner: String) -> (Double, Bool) {
        switch (e.attribute(working) != nil, e.attribute(calendar) != nil) {
        case (true, false): return (context.number(e, working) ?? 0, false)
        case (false, true): return (context.number(e, calendar) ?? 0, true)
        default:
            context.error(e.location, "\(owner) needs exactly one of '\(working)' (working days, \"ngày làm việc\") and "
                          + "'\(calendar)' (calendar days, \"ngày\")", code: "deadline")
            return (0, false)
        }
    }

    mutating func arrivals(_ e: ParsedElement) -> ArrivalProfile {
        var profile = ArrivalProfile(location: e.location)
        _ = provenance(e)
        for m in e.children(named: "month") {
            if let n = context.integer(m, "number"), (1...12).contains(n) { profile.months[n - 1] = context.number(m, "weight") ?? 1 }
        }
        for d in e.children(named: "weekday") {
            if let day: Weekday = context.enumeration(d, "day"), let index = Weekday.allCases.firstIndex(of: day) {
                profile.weekdays[index] = context.number(d, "weight") ?? 1
            }
        }
        for h in e.children(named: "hours") {
            guard let fromA = h.attribute("from"), let toA = h.attribute("to"),
                  let from = context.time(fromA.value, at: fromA.location, in: h),
                  let to = context.time(toA.value, at: toA.location, in: h) else { continue }
            if from >= to {
                context.error(h.location, "<hours> of <arrivals> from \(from) to \(to) is empty: 'from' must be earlier than 'to'",
                              code: "calendar")
            }
            profile.hours.append(.init(start: from, end: to, weight: context.number(h, "weight") ?? 1))
        }
        for a in e.children(named: "at") {
            let text = context.required(a, "time")
            let parts = text.split(separator: "T")
            guard parts.count == 2, let date = LocalDate(parts[0]), let time = TimeOfDay(parts[1]) else {
                context.error(a.attribute("time")?.location ?? a.location, "<at> time '\(text)' is not a date and time: "
                              + "expected YYYY-MM-DDTHH:MM", code: "date")
                continue
            }
            guard Limits.years.contains(date.year) else {
                context.error(a.attribute("time")?.location ?? a.location, "<at> time '\(text)' lies outside the years "
                              + "\(Limits.years.lowerBound) to \(Limits.years.upperBound) (see \"Limits\" in docs/dsl.md)",
                              code: "limit")
                continue
            }
            profile.fixed.append(.init(date: date, time: time))
        }
        profile.fixed.sort { ($0.date, $0.time) < ($1.date, $1.time) }
        if profile.months.allSatisfy({ $0 == 0 }) || profile.weekdays.allSatisfy({ $0 == 0 }) {
            context.error(e.location, "<arrivals> gives every month or every weekday the weight 0: no case could arrive",
                          code: "probability")
        }
        return profile
    }

    mutating func channel(_ e: ParsedElement) -> Channel {
        let id = define(.channel, e)
        let owner = "channel '\(id)'"
        let fees = e.children(named: "fee").map { f in
            var fee = Fee(name: context.required(f, "name"), amount: context.number(f, "amount") ?? 0,
                          legal: legal(f, owner: "a fee of \(owner)"), location: f.location)
            fee.provenance = provenance(f)
            return fee
        }
        let kind: ChannelKind = context.enumeration(e, "kind", default: .inPerson) ?? .inPerson
        let level: OnlineLevel? = context.enumeration(e, "online-level")
        if level != nil && kind != .online, let a = e.attribute("online-level") {
            context.error(a.location, "\(owner) has an online-level but its kind is '\(kind.rawValue)': "
                          + "only online channels have a level", code: "channel")
        }
        return Channel(id: id, name: context.name(e), kind: kind, onlineLevel: level,
                       share: context.number(e, "share") ?? 0,
                       deadline: e.child(named: "deadline").map { deadline($0, owner: owner) }, fees: fees,
                       provenance: provenance(e), location: e.location)
    }

    mutating func calendar(_ e: ParsedElement) -> WorkCalendar {
        let id = define(.calendar, e)
        if id == alwaysOpenCalendarID {
            context.error(e.attribute("id")?.location ?? e.location,
                          "calendar id 'always' is reserved for the built-in calendar that never closes", code: "calendar")
        }
        func hoursOf(_ parent: ParsedElement) -> [WeeklyHours] {
            var hours: [WeeklyHours] = []
            for h in parent.children(named: "hours") {
                let days = context.list(h, "days").compactMap(Weekday.init(rawValue:))
                guard let fromA = h.attribute("from"), let toA = h.attribute("to"),
                      let from = context.time(fromA.value, at: fromA.location, in: h),
                      let to = context.time(toA.value, at: toA.location, in: h) else { continue }
                if from >= to {
                    context.error(h.location, "<hours> from \(from) to \(to) in calendar '\(id)' is empty: "
                                  + "'from' must be earlier than 'to'", code: "calendar")
                }
                hours.append(WeeklyHours(days: days, start: from, end: to, location: h.location))
            }
            return hours
        }
        let hours = hoursOf(e)
        var variants: [SiteVariant] = []
        for v in e.children(named: "site-variant") {
            let share = context.number(v, "share") ?? 0
            let name = context.string(v, "name") ?? ""
            if !(share > 0 && share < 1) {
                context.error(v.attribute("share")?.location ?? v.location, "<site-variant> '\(name)' of calendar '\(id)' has "
                              + "share \(decimalText(share)): a share of sites lies strictly between 0 and 1", code: "calendar")
            }
            let variantHours = hoursOf(v)
            if variantHours.isEmpty {
                context.error(v.location, "<site-variant> '\(name)' of calendar '\(id)' lists no <hours>", code: "calendar")
            }
            variants.append(SiteVariant(name: name, share: share, hours: variantHours, location: v.location))
        }
        var holidays: [Holiday] = []
        for h in e.children(named: "holiday") {
            let single = context.date(h, "date")
            let from = context.date(h, "from"), to = context.date(h, "to")
            switch (h.attribute("date") != nil, h.attribute("from") != nil, h.attribute("to") != nil) {
            case (true, false, false):
                if let single { holidays.append(Holiday(start: single, end: single, name: context.string(h, "name"),
                                                        location: h.location)) }
            case (false, true, true):
                guard let from, let to else { continue }
                if to < from {
                    context.error(h.location, "<holiday> in calendar '\(id)' ends (\(to)) before it starts (\(from))",
                                  code: "calendar")
                } else if to.dayNumber - from.dayNumber >= Limits.maximumHolidayRangeDays {
                    context.error(h.location, "<holiday> in calendar '\(id)' runs from \(from) to \(to), over "
                                  + "\(Limits.maximumHolidayRangeDays) days: a holiday range is a period off, not a "
                                  + "calendar (see \"Limits\" in docs/dsl.md)", code: "limit")
                    continue
                }
                holidays.append(Holiday(start: from, end: to, name: context.string(h, "name"), location: h.location))
            default:
                context.error(h.location, "<holiday> in calendar '\(id)' needs either 'date' or both 'from' and 'to'",
                              code: "calendar")
            }
        }
        if holidays.count > Limits.maximumHolidaysPerCalendar {
            context.error(e.location, "calendar '\(id)' lists \(holidays.count) holidays, over the bound of "
                          + "\(Limits.maximumHolidaysPerCalendar) (see \"Limits\" in docs/dsl.md)", code: "limit")
            holidays = []
        }
        var extra: [ExtraWorkingDay] = []
        for d in e.children(named: "working-day") {
            guard let date = context.date(d, "date") else { continue }
            extra.append(ExtraWorkingDay(date: date, hoursOf: context.enumeration(d, "hours-of", default: .mon) ?? .mon,
                                         name: context.string(d, "name"), location: d.location))
        }
        if let a = e.attribute("extends"), BuiltInCalendars.calendar(a.value.trimmingSpaces) != nil {
            // A built-in calendar (docs/dsl.md, "Built-in calendars"): no definition in the file.
            pendingExtensions.append((id, a.value.trimmingSpaces, a.location))
        } else if let base = optionalRefer(.calendar, e, "extends", owner: "calendar '\(id)'") {
            pendingExtensions.append((id, base, e.attribute("extends")?.location ?? e.location))
        }
        var calendar = WorkCalendar(id: id, name: context.name(e), hours: hours, holidays: holidays, extraWorkingDays: extra,
                                    location: e.location)
        calendar.siteVariants = variants
        return calendar
    }

    /// Calendars that extend another, resolved once all calendars are read.
    var pendingExtensions: [(calendar: String, base: String, location: SourceLocation)] = []

    mutating func actor(_ e: ParsedElement) -> Actor {
        let id = define(.actor, e)
        let owner = "actor '\(id)'"
        var capacity = Capacity.servers(1)
        if let a = e.attribute("capacity") {
            let text = a.value.trimmingSpaces
            if text == "unlimited" {
                capacity = .unlimited
            } else if let n = Int(text), n <= 0 {
                context.error(a.location, "\(owner) has capacity \(text): expected a positive number of servers "
                              + "or 'unlimited'", code: "capacity")
            } else if let n = context.integer(e, "capacity") {
                capacity = .servers(n)
            }
        }
        let cadence = e.child(named: "cadence").map { c in
            let at = c.attribute("at")
            let times = context.list(c, "at").compactMap { context.time($0, at: at?.location ?? c.location, in: c) }
            let days = context.list(c, "days").compactMap(Weekday.init(rawValue:))
            return SigningCadence(times: times, days: days.isEmpty ? [.mon, .tue, .wed, .thu, .fri] : days,
                                  location: c.location)
        }
        let availability = e.child(named: "availability").map { a in
            Availability(meanHoursBetweenFailures: context.number(a, "mtbf-hours") ?? 1,
                         meanHoursToRepair: context.number(a, "mttr-hours") ?? 0, location: a.location)
        }
        return Actor(id: id, name: context.name(e), kind: context.enumeration(e, "kind", default: .official) ?? .official,
                     agency: optionalRefer(.agency, e, "agency", owner: owner), capacity: capacity,
                     calendar: e.attribute("calendar") == nil ? alwaysOpenCalendarID
                        : refer(.calendar, e, "calendar", owner: owner),
                     tariff: context.number(e, "tariff"), cadence: cadence, batchSize: context.integer(e, "batch-size"),
                     availability: availability, provenance: provenance(e), location: e.location)
    }

    mutating func document(_ e: ParsedElement) -> Document {
        let id = define(.document, e)
        var d = Document(id: id, name: context.name(e), kind: context.enumeration(e, "kind", default: .evidence) ?? .evidence,
                        issuer: context.string(e, "issuer"), register: context.string(e, "register"),
                        medium: context.enumeration(e, "medium", default: .paper) ?? .paper,
                        pages: context.integer(e, "pages") ?? 1, obsoleteFrom: context.date(e, "obsolete-from"),
                        resultOf: context.string(e, "result-of"), legal: legal(e, owner: "document '\(id)'"),
                        provenance: provenance(e), location: e.location)
        if let first = d.registers.first { d.registers[0].location = e.attribute("register")?.location ?? first.location }
        for c in e.children where c.isNamed("held-by") {
            let register = context.required(c, "register")
            if let other = d.registers.first(where: { $0.register == register }) {
                context.error(c.location, "document '\(id)' names the \(register) register twice (first at "
                              + "\(other.location.line):\(other.location.column)): give it once, with its coverage",
                              code: "duplicate-register")
                continue
            }
            d.registers.append(RegisterHolding(register: register, coverage: context.number(c, "coverage") ?? 1,
                                               provenance: provenance(c), location: c.location))
        }
        return d
    }
}
