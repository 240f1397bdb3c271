/// An administrative level of the state (cấp).
public enum AdministrativeLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case central, province, district, commune
}

/// A provision of a legal act that elements of the model cite (căn cứ pháp lý).
public struct LegalReference: Sendable, Hashable, Codable {
    public var id: String
    /// The act, as it is usually cited: "Decree 23/2015/NĐ-CP", "Luật Hộ tịch 60/2014/QH13".
    public var act: String
    public var article: String?
    public var clause: String?
    public var point: String?
    /// Where the text can be read.
    public var url: String?
    public var location: SourceLocation

    public init(id: String, act: String, article: String? = nil, clause: String? = nil, point: String? = nil,
                url: String? = nil, location: SourceLocation = .unknown) {
        self.id = id
        self.act = act
        self.article = article
        self.clause = clause
        self.point = point
        self.url = url
        self.location = location
    }

    /// "Decree 23/2015/NĐ-CP, Art. 6.1" style citation.
    public var citation: String {
        guard let article else { return act }
        var text = "\(act), Art. \(article)"
        if let clause { text += ".\(clause)" }
        if let point { text += "(\(point))" }
        return text
    }
}

/// A source of facts used in the model, with its quality tag (L legal text, G government page,
/// N news, S secondary, GH public repository).
public struct Source: Sendable, Hashable, Codable {
    public var id: String
    public var quality: String?
    public var reference: String
    public var title: String
    public var location: SourceLocation

    public init(id: String, quality: String?, reference: String, title: String, location: SourceLocation = .unknown) {
        self.id = id
        self.quality = quality
        self.reference = reference
        self.title = title
        self.location = location
    }
}

/// What part an agency plays in a procedure.
public enum AgencyRole: String, Sendable, Hashable, CaseIterable, Codable {
    case implementing, coordinating, issuing, other
}

/// A state body or other organisation taking part in the procedure (cơ quan).
public struct Agency: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedName
    public var level: AdministrativeLevel?
    public var role: AgencyRole
    public var location: SourceLocation

    public init(id: String, name: LocalizedName, level: AdministrativeLevel?, role: AgencyRole,
                location: SourceLocation = .unknown) {
        self.id = id
        self.name = name
        self.level = level
        self.role = role
        self.location = location
    }
}

/// A weekly opening interval of a calendar: the listed weekdays, from `start` to `end`.
public struct WeeklyHours: Sendable, Hashable, Codable {
    public var days: [Weekday]
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var location: SourceLocation

    public init(days: [Weekday], start: TimeOfDay, end: TimeOfDay, location: SourceLocation = .unknown) {
        self.days = days
        self.start = start
        self.end = end
        self.location = location
    }
}

/// A public holiday or closure: every date from `start` to `end` inclusive.
public struct Holiday: Sendable, Hashable, Codable {
    public var start: LocalDate
    public var end: LocalDate
    public var name: String?
    public var location: SourceLocation

    public init(start: LocalDate, end: LocalDate, name: String?, location: SourceLocation = .unknown) {
        self.start = start
        self.end = end
        self.name = name
        self.location = location
    }
}

/// A dated extra working day (ngày làm bù): a day that is normally closed, usually a Saturday, on which
/// offices work the hours of `hoursOf` to make up for a day swapped into a holiday.
public struct ExtraWorkingDay: Sendable, Hashable, Codable {
    public var date: LocalDate
    /// The weekday whose hours apply on that date.
    public var hoursOf: Weekday
    public var name: String?
    public var location: SourceLocation

    public init(date: LocalDate, hoursOf: Weekday = .mon, name: String? = nil, location: SourceLocation = .unknown) {
        self.date = date
        self.hoursOf = hoursOf
        self.name = name
        self.location = location
    }
}

/// A share of the sites whose office keeps other hours (some communes open on Saturday mornings).
/// Variants with the same name on several calendars describe the same sites.
public struct SiteVariant: Sendable, Hashable, Codable {
    public var name: String
    /// The share of sites (0 < share < 1).
    public var share: Double
    /// The hours those sites keep instead of the calendar's.
    public var hours: [WeeklyHours]
    public var location: SourceLocation

    public init(name: String, share: Double, hours: [WeeklyHours], location: SourceLocation = .unknown) {
        self.name = name
        self.share = share
        self.hours = hours
        self.location = location
    }
}

/// A named working calendar: weekly hours and holidays. `extends` merges another calendar's
/// hours (when this one lists none) and holidays (always).
public struct WorkCalendar: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedName
    public var hours: [WeeklyHours]
    public var holidays: [Holiday]
    /// Dated extra working days (làm bù); one overrides a holiday on the same date.
    public var extraWorkingDays: [ExtraWorkingDay] = []
    /// Shares of sites that keep other hours.
    public var siteVariants: [SiteVariant] = []
    public var location: SourceLocation

    public init(id: String, name: LocalizedName = .init(), hours: [WeeklyHours], holidays: [Holiday],
                extraWorkingDays: [ExtraWorkingDay] = [], location: SourceLocation = .unknown) {
        self.id = id
        self.name = name
        self.hours = hours
        self.holidays = holidays
        self.extraWorkingDays = extraWorkingDays
        self.location = location
    }

    /// The open intervals of each weekday (index 0 = Monday), in minutes of the day, sorted, with
    /// overlapping or touching `<hours>` merged. The one definition of when a calendar is open: the
    /// analyzer's hours a week and the simulator's calendar both read it, so overlapping intervals count
    /// once in both.
    public var openIntervals: [[(start: Int, end: Int)]] {
        var perDay = [[(start: Int, end: Int)]](repeating: [], count: 7)
        for h in hours where h.end.minutes > h.start.minutes {
            for d in h.days {
                if let i = Weekday.allCases.firstIndex(of: d) { perDay[i].append((h.start.minutes, h.end.minutes)) }
            }
        }
        return perDay.map { list in
            var merged: [(start: Int, end: Int)] = []
            for i in list.sorted(by: { $0.start < $1.start }) {
                if let last = merged.last, i.start <= last.end { merged[merged.count - 1].end = max(last.end, i.end) }
                else { merged.append(i) }
            }
            return merged
        }
    }

    /// Weekdays with open hours.
    public var openWeekdays: Int { openIntervals.filter { !$0.isEmpty }.count }

    /// Open hours in an ordinary (non-holiday) week.
    public var weeklyOpenHours: Double {
        Double(openIntervals.joined().reduce(0) { $0 + $1.end - $1.start }) / 60
    }

    /// True when `date` falls in one of the holidays.
    public func isHoliday(_ date: LocalDate) -> Bool {
        holidays.contains { $0.start <= date && date <= $0.end }
    }
}

/// The id of the built-in calendar that is open around the clock, every day.
public let alwaysOpenCalendarID = "always"

/// Weeks in an average year (365.25 days): the analyzer and the simulator use the same year.
public let weeksPerYear = 365.25 / 7
