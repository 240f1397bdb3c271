/// A site's catalogue of procedures (`<catalogue xmlns="urn:procmod:catalogue:1">`): the resources
/// the procedures share at one site of a level (a commune's one-stop desk and chairman, a district's
/// specialist offices), which actor of each procedure is which resource, and each procedure's
/// volume at that site. The procedures stay files of their own and keep working alone.
public struct Catalogue: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedName
    public var level: AdministrativeLevel?
    /// How many such sites the catalogue stands for (communes of a province, say): yearly totals are
    /// one site's figures times this.
    public var sites: Double
    public var summary: String?
    public var calendars: [WorkCalendar]
    public var resources: [CatalogueResource]
    public var entries: [CatalogueEntry]
    /// Cuts the portfolio report measures the plan against (shares: 0.3 for 30%), when set.
    public var targetCost: Double?
    public var targetTime: Double?
    public var location: SourceLocation

    public init(id: String, name: LocalizedName = .init(), level: AdministrativeLevel? = nil, sites: Double = 1,
                summary: String? = nil, calendars: [WorkCalendar] = [], resources: [CatalogueResource] = [],
                entries: [CatalogueEntry] = [], targetCost: Double? = nil, targetTime: Double? = nil,
                location: SourceLocation = .unknown) {
        self.id = id
        self.name = name
        self.level = level
        self.sites = sites
        self.summary = summary
        self.calendars = calendars
        self.resources = resources
        self.entries = entries
        self.targetCost = targetCost
        self.targetTime = targetTime
        self.location = location
    }

    /// The calendar a resource opens on: the catalogue's own, else a built-in one (`always` included).
    public func calendar(_ id: String) -> WorkCalendar? {
        if let own = calendars.first(where: { $0.id == id }) { return own }
        if id == alwaysOpenCalendarID { return .alwaysOpen }
        return BuiltInCalendars.calendar(id)
    }
}

/// A resource the catalogue's procedures share at one site.
public struct CatalogueResource: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedName
    public var kind: ActorKind
    public var capacity: Capacity
    public var calendar: String
    public var cadence: SigningCadence?
    public var batchSize: Int?
    public var location: SourceLocation

    public init(id: String, name: LocalizedName = .init(), kind: ActorKind = .official, capacity: Capacity = .servers(1),
                calendar: String = BuiltInCalendars.vietnamPublicService, cadence: SigningCadence? = nil, batchSize: Int? = nil,
                location: SourceLocation = .unknown) {
        self.id = id
        self.name = name
        self.kind = kind
        self.capacity = capacity
        self.calendar = calendar
        self.cadence = cadence
        self.batchSize = batchSize
        self.location = location
    }
}

/// One procedure of a catalogue.
public struct CatalogueEntry: Sendable, Hashable, Codable {
    /// The procedure file, relative to the catalogue file's folder.
    public var file: String
    /// Cases a year at one site; nil: the procedure's own volume per site.
    public var perYear: Double?
    /// Actor id → resource id.
    public var uses: [String: String]
    /// A scenario file (relative to the catalogue's folder) for this procedure, applied by catalogue
    /// reports after any catalogue-wide scenario.
    public var scenario: String?
    public var location: SourceLocation

    public init(file: String, perYear: Double? = nil, uses: [String: String] = [:], scenario: String? = nil,
                location: SourceLocation = .unknown) {
        self.file = file
        self.perYear = perYear
        self.uses = uses
        self.scenario = scenario
        self.location = location
    }
}

extension WorkCalendar {
    /// The built-in calendar that never closes (`always`).
    public static let alwaysOpen = WorkCalendar(id: alwaysOpenCalendarID, hours: [WeeklyHours(
        days: Weekday.allCases, start: TimeOfDay(minutes: 0), end: TimeOfDay(minutes: 1440))], holidays: [])
}
