public import OrderedCollections

/// How an online channel is offered (Decree 42/2022/NĐ-CP, Art. 11).
public enum OnlineLevel: String, Sendable, Hashable, CaseIterable, Codable {
    /// Dịch vụ công trực tuyến toàn trình: every step online, result online or by post.
    case endToEnd = "end-to-end"
    /// Dịch vụ công trực tuyến một phần: some steps still in person or on paper.
    case partial
}

/// How a case reaches the agency (cách thức thực hiện).
public enum ChannelKind: String, Sendable, Hashable, CaseIterable, Codable {
    case inPerson = "in-person"
    case post
    case online
}

/// A fee or charge (phí, lệ phí).
public struct Fee: Sendable, Hashable, Codable {
    public var name: String
    /// Amount in VND.
    public var amount: Double
    public var legal: [String]
    public var provenance = Provenance()
    public var location: SourceLocation

    public init(name: String, amount: Double, legal: [String] = [], location: SourceLocation = .unknown) {
        self.name = name
        self.amount = amount
        self.legal = legal
        self.location = location
    }
}

/// One agency's share of an inter-agency (liên thông) deadline: the working days it has from the moment
/// the dossier reaches it until it passes its part on (Decree 61/2018/NĐ-CP Art. 19.6; e.g. TTLT
/// 05/2015 Art. 11–12: residence 15 days, health-insurance card 10 working days).
public struct DeadlinePart: Sendable, Hashable, Codable {
    public var agency: String
    /// The limit: working days, or calendar days when `calendarDays` is set.
    public var workingDays: Double
    /// The law counts calendar days ("ngày"), not working days ("ngày làm việc").
    public var calendarDays = false
    public var legal: [String]
    public var location: SourceLocation

    public init(agency: String, workingDays: Double, legal: [String] = [], location: SourceLocation = .unknown) {
        self.agency = agency
        self.workingDays = workingDays
        self.legal = legal
        self.location = location
    }
}

/// The statutory time limit (thời hạn giải quyết), in working days.
///
/// Counting starts on the day the complete dossier is received, or on the next working day when it is
/// received after `cutOff`; `workingDays = 0` means the same day.
public struct Deadline: Sendable, Hashable, Codable {
    /// The limit: working days, or calendar days when `calendarDays` is set.
    public var workingDays: Double
    /// The law counts calendar days ("ngày", e.g. Law 28/2009 Art. 48.1), not working days ("ngày làm
    /// việc"): the due day is that many days after receipt, moved to the next working day when it falls
    /// on a closed day (Civil Code 2015 Art. 148).
    public var calendarDays = false
    public var cutOff: TimeOfDay?
    /// The calendar whose working days count; the first agency calendar when nil.
    public var calendar: String?
    public var legal: [String]
    /// Each agency's part of an inter-agency deadline, each with its own clock and on-time share.
    public var parts: [DeadlinePart] = []
    public var provenance = Provenance()
    public var location: SourceLocation

    public init(workingDays: Double, calendarDays: Bool = false, cutOff: TimeOfDay? = nil, calendar: String? = nil,
                legal: [String] = [], location: SourceLocation = .unknown) {
        self.workingDays = workingDays
        self.calendarDays = calendarDays
        self.cutOff = cutOff
        self.calendar = calendar
        self.legal = legal
        self.location = location
    }
}

/// A way of doing the procedure, with its share of cases, deadline and fees.
public struct Channel: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedName
    public var kind: ChannelKind
    public var onlineLevel: OnlineLevel?
    /// Share of cases using this channel (all channels sum to 1).
    public var share: Double
    /// A deadline that differs from the procedure's.
    public var deadline: Deadline?
    public var fees: [Fee]
    public var provenance: Provenance
    public var location: SourceLocation

    public init(id: String, name: LocalizedName = .init(), kind: ChannelKind, onlineLevel: OnlineLevel? = nil,
                share: Double, deadline: Deadline? = nil, fees: [Fee] = [], provenance: Provenance = .init(),
                location: SourceLocation = .unknown) {
        self.id = id
        self.name = name
        self.kind = kind
        self.onlineLevel = onlineLevel
        self.share = share
        self.deadline = deadline
        self.fees = fees
        self.provenance = provenance
        self.location = location
    }
}

/// How many cases a year, and over how many offices (sites) they spread.
public struct Volume: Sendable, Hashable, Codable {
    /// Cases a year in the whole area the model covers (the figure costs are multiplied by).
    public var perYear: Double
    /// Offices that each handle an equal share: loads and queues are per site.
    public var sites: Double
    public var provenance: Provenance
    public var location: SourceLocation

    public init(perYear: Double, sites: Double = 1, provenance: Provenance = .init(), location: SourceLocation = .unknown) {
        self.perYear = perYear
        self.sites = sites
        self.provenance = provenance
        self.location = location
    }

    /// Cases a year at one site.
    public var perSite: Double { perYear / max(sites, 1) }
}

/// How arrivals spread over time: relative weights by month, weekday and time of day (1 where not
/// listed; the annual volume is kept), or a fixed list of arrival times.
public struct ArrivalProfile: Sendable, Hashable, Codable {
    /// Weight of each month, January first (12 entries).
    public var months: [Double]
    /// Weight of each weekday, Monday first (7 entries).
    public var weekdays: [Double]
    /// Time-of-day windows with their weight; outside every window the weight is 1.
    public var hours: [HourWeight]
    /// Fixed arrivals: (date, minute of the day), in order. When present, they replace Poisson arrivals.
    public var fixed: [FixedArrival]
    public var location: SourceLocation

    public struct HourWeight: Sendable, Hashable, Codable {
        public var start: TimeOfDay
        public var end: TimeOfDay
        public var weight: Double
        public init(start: TimeOfDay, end: TimeOfDay, weight: Double) { self.start = start; self.end = end; self.weight = weight }
    }

    public struct FixedArrival: Sendable, Hashable, Codable {
        public var date: LocalDate
        public var time: TimeOfDay
        public init(date: LocalDate, time: TimeOfDay) { self.date = date; self.time = time }
    }

    public init(months: [Double] = Array(repeating: 1, count: 12), weekdays: [Double] = Array(repeating: 1, count: 7),
                hours: [HourWeight] = [], fixed: [FixedArrival] = [], location: SourceLocation = .unknown) {
        self.months = months
        self.weekdays = weekdays
        self.hours = hours
        self.fixed = fixed
        self.location = location
    }

    /// The weight of a moment: month × weekday × time-of-day window.
    public func weight(date: LocalDate, minute: Int) -> Double {
        let weekday = Weekday.allCases.firstIndex(of: date.weekday) ?? 0
        let hour = hours.first { $0.start.minutes <= minute && minute < $0.end.minutes }?.weight ?? 1
        return months[date.month - 1] * weekdays[weekday] * hour
    }
}

/// An administrative procedure (thủ tục hành chính) as the DSL describes it.
public struct Procedure: Sendable, Hashable, Codable {
    /// The procedure code (mã TTHC), e.g. `1.001193`.
    public var code: String
    public var name: LocalizedName
    /// Which version of the procedure this model describes (e.g. `2015-paper`).
    public var version: String?
    public var validFrom: LocalDate?
    /// The field (lĩnh vực), e.g. `civil-status`.
    public var field: String?
    public var level: AdministrativeLevel
    public var summary: String?
    public var sources: OrderedDictionary<String, Source>
    public var legal: OrderedDictionary<String, LegalReference>
    public var agencies: OrderedDictionary<String, Agency>
    public var deadline: Deadline?
    public var volume: Volume
    /// How arrivals spread over the year, the week and the day; nil for an even spread.
    public var arrivals: ArrivalProfile?
    /// The document this procedure produces.
    public var result: String
    public var channels: OrderedDictionary<String, Channel>
    public var calendars: OrderedDictionary<String, WorkCalendar>
    public var actors: OrderedDictionary<String, Actor>
    public var documents: OrderedDictionary<String, Document>
    public var flow: Flow
    /// Promises this procedure must keep (`<invariants>`).
    public var invariants: [Invariant] = []
    /// The date the model describes (`as-of`): documents obsolete after it are still valid in the model.
    public var asOf: LocalDate?
    public var location: SourceLocation

    public init(code: String, name: LocalizedName, version: String? = nil, validFrom: LocalDate? = nil,
                field: String? = nil, level: AdministrativeLevel, summary: String? = nil,
                sources: OrderedDictionary<String, Source> = [:],
                legal: OrderedDictionary<String, LegalReference> = [:],
                agencies: OrderedDictionary<String, Agency> = [:], deadline: Deadline? = nil, volume: Volume,
                result: String, channels: OrderedDictionary<String, Channel>,
                calendars: OrderedDictionary<String, WorkCalendar>, actors: OrderedDictionary<String, Actor>,
                documents: OrderedDictionary<String, Document>, flow: Flow, location: SourceLocation = .unknown) {
        self.code = code
        self.name = name
        self.version = version
        self.validFrom = validFrom
        self.field = field
        self.level = level
        self.summary = summary
        self.sources = sources
        self.legal = legal
        self.agencies = agencies
        self.deadline = deadline
        self.volume = volume
        self.result = result
        self.channels = channels
        self.calendars = calendars
        self.actors = actors
        self.documents = documents
        self.flow = flow
        self.location = location
    }

    /// The deadline that applies to a channel: its own, or the procedure's.
    public func deadline(for channel: String?) -> Deadline? {
        channel.flatMap { channels[$0]?.deadline } ?? deadline
    }
}
