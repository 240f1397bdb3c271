/// The kind of an actor: who performs a step.
public enum ActorKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The citizen or business (người dân, doanh nghiệp).
    case applicant
    /// The one-stop reception and result desk (Bộ phận tiếp nhận và trả kết quả, Bộ phận Một cửa).
    case receptionDesk = "reception-desk"
    /// A specialist office that handles the case (phòng chuyên môn).
    case specialistOffice = "specialist-office"
    /// An individual official (công chức) such as a civil-status officer.
    case official
    /// A leader who approves or signs (lãnh đạo ký duyệt).
    case signer
    /// Another agency treated as one black box.
    case agency
    /// The postal service (bưu chính công ích).
    case postalService = "postal-service"
    /// An online system: a public service portal, VNeID, a sector database.
    case onlineSystem = "online-system"
    /// A third party outside the state: a notary, a bank, a hospital, a photocopy shop.
    case thirdParty = "third-party"
}

/// How many cases an actor works on at once.
public enum Capacity: Sendable, Hashable, Codable {
    /// `servers` parallel servers (people, counters, system slots).
    case servers(Int)
    /// No limit (the applicant's own time; a self-service online step).
    case unlimited

    /// The number of servers, or nil when unlimited.
    public var servers: Int? {
        if case .servers(let n) = self { return n }
        return nil
    }

    /// In JSON the number of servers, or the string `"unlimited"`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .servers(let n): try c.encode(n)
        case .unlimited: try c.encode("unlimited")
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) { self = .servers(n); return }
        let text = try c.decode(String.self)
        guard text == "unlimited" else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "capacity is a number of servers or \"unlimited\"")
        }
        self = .unlimited
    }
}

/// When a signer signs: at fixed times of the working day, on the listed weekdays.
public struct SigningCadence: Sendable, Hashable, Codable {
    public var times: [TimeOfDay]
    public var days: [Weekday]
    public var location: SourceLocation

    public init(times: [TimeOfDay], days: [Weekday], location: SourceLocation = .unknown) {
        self.times = times
        self.days = days
        self.location = location
    }
}

/// Failures of an online system: mean time between failures and mean time to repair, in hours.
public struct Availability: Sendable, Hashable, Codable {
    public var meanHoursBetweenFailures: Double
    public var meanHoursToRepair: Double
    public var location: SourceLocation

    public init(meanHoursBetweenFailures: Double, meanHoursToRepair: Double, location: SourceLocation = .unknown) {
        self.meanHoursBetweenFailures = meanHoursBetweenFailures
        self.meanHoursToRepair = meanHoursToRepair
        self.location = location
    }

    /// The long-run share of time the system is up.
    public var uptime: Double { meanHoursBetweenFailures / (meanHoursBetweenFailures + meanHoursToRepair) }
}

/// Someone or something that performs steps: the applicant, a desk, an office, a signer, a system.
public struct Actor: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedName
    public var kind: ActorKind
    /// The agency this actor belongs to, if any.
    public var agency: String?
    public var capacity: Capacity
    /// The id of the calendar this actor works by.
    public var calendar: String
    /// Cost of one hour of this actor's time, in VND (the Standard Cost Model tariff).
    public var tariff: Double?
    /// For signers: the times at which they sign everything waiting.
    public var cadence: SigningCadence?
    /// For signers and batch workers: how many cases are collected before work starts.
    public var batchSize: Int?
    /// For online systems: outages.
    public var availability: Availability?
    public var provenance: Provenance
    public var location: SourceLocation

    public init(id: String, name: LocalizedName = .init(), kind: ActorKind, agency: String? = nil,
                capacity: Capacity, calendar: String, tariff: Double? = nil, cadence: SigningCadence? = nil,
                batchSize: Int? = nil, availability: Availability? = nil, provenance: Provenance = .init(),
                location: SourceLocation = .unknown) {
        self.id = id
        self.name = name
        self.kind = kind
        self.agency = agency
        self.capacity = capacity
        self.calendar = calendar
        self.tariff = tariff
        self.cadence = cadence
        self.batchSize = batchSize
        self.availability = availability
        self.provenance = provenance
        self.location = location
    }
}
