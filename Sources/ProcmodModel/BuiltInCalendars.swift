/// Calendars every procedure can extend without defining them (docs/dsl.md, "Built-in calendars").
///
/// `vn-public-service` is the year of Vietnam's public bodies (cán bộ, công chức, viên chức): office
/// hours Monday to Friday, the public holidays of the Labour Code 2019 Art. 112.1 as the Government
/// announced them for public bodies (with the weekly rest days inside each range, and the compensatory
/// days of Art. 111.3), and the dated make-up Saturdays (làm bù). Sources per year are in
/// ``VietnamPublicHolidays``. A procedure writes `<calendar id="office" extends="vn-public-service">`,
/// with its own `<hours>` when its office keeps other hours.
public enum BuiltInCalendars {
    /// The id of the Vietnamese public-service calendar.
    public static let vietnamPublicService = "vn-public-service"

    /// The built-in calendar with this id, if there is one.
    public static func calendar(_ id: String) -> WorkCalendar? {
        guard id == vietnamPublicService else { return nil }
        let weekdays: [Weekday] = [.mon, .tue, .wed, .thu, .fri]
        return WorkCalendar(
            id: id, name: LocalizedName(vi: "Lịch làm việc của cơ quan hành chính nhà nước",
                                        en: "Vietnamese public service calendar"),
            hours: [WeeklyHours(days: weekdays, start: TimeOfDay(minutes: 7 * 60 + 30), end: TimeOfDay(minutes: 11 * 60 + 30)),
                    WeeklyHours(days: weekdays, start: TimeOfDay(minutes: 13 * 60 + 30), end: TimeOfDay(minutes: 17 * 60))],
            holidays: VietnamPublicHolidays.periods.compactMap { period in
                guard let from = LocalDate(period.from), let to = LocalDate(period.to) else { return nil }
                return Holiday(start: from, end: to, name: period.name + (period.projected ? " (dự kiến)" : ""))
            },
            extraWorkingDays: VietnamPublicHolidays.makeUpDays.compactMap { day in
                LocalDate(day.date).map { ExtraWorkingDay(date: $0, hoursOf: .mon, name: day.name) }
            })
    }
}

/// Vietnam's public holidays for public bodies, 2024–2030, as data (lunar dates are never derived at
/// run time: a Chinese-calendar library can be a day off for Vietnam).
///
/// 2024–2026 are the periods the Government announced (the Prime Minister's decisions relayed by the
/// Ministry of Home Affairs and VPCP, e.g. Notice 9441/TB-BNV of 16/10/2025 for 2026; sources listed
/// per period). 2027–2030 are not announced: they are **projected** by the Labour Code's rules (Tết from
/// the lunar New Year's Eve through the 4th day; a holiday on a weekend gives the next working day off,
/// Art. 111.3; National Day with the adjacent weekday), with the lunar dates of Hồ Ngọc Đức's Vietnamese
/// calendar (UTC+7). Replace them when each year's decision is published.
public enum VietnamPublicHolidays {
    /// A period off, both ends inclusive.
    public struct Period: Sendable, Hashable {
        public var from: String
        public var to: String
        public var name: String
        public var source: String
        public var projected: Bool
    }

    /// A make-up working day (a Saturday worked to bridge a holiday).
    public struct MakeUpDay: Sendable, Hashable {
        public var date: String
        public var name: String
        public var source: String
    }

    public static let periods: [Period] = [
        // 2024
        Period(from: "2024-01-01", to: "2024-01-01", name: "Tết Dương lịch", source: "Labour Code 2019 Art. 112.1(a)", projected: false),
        Period(from: "2024-02-08", to: "2024-02-14", name: "Tết Nguyên đán", source: "MoLISA notice (sucsongtre.vn)", projected: false),
        Period(from: "2024-04-18", to: "2024-04-18", name: "Giỗ Tổ Hùng Vương", source: "xaydungchinhsach.chinhphu.vn", projected: false),
        Period(from: "2024-04-27", to: "2024-05-01", name: "Ngày Chiến thắng, Quốc tế Lao động", source: "VPCP 2450/VPCP-KGVX (12/04/2024)", projected: false),
        Period(from: "2024-08-31", to: "2024-09-03", name: "Quốc khánh", source: "MoLISA notice (sucsongtre.vn)", projected: false),
        // 2025
        Period(from: "2025-01-01", to: "2025-01-01", name: "Tết Dương lịch", source: "Labour Code 2019 Art. 112.1(a)", projected: false),
        Period(from: "2025-01-25", to: "2025-02-02", name: "Tết Nguyên đán", source: "tet-amlich.com, announced schedule 2025", projected: false),
        Period(from: "2025-04-07", to: "2025-04-07", name: "Giỗ Tổ Hùng Vương", source: "tet-amlich.com, announced schedule 2025", projected: false),
        Period(from: "2025-04-30", to: "2025-05-04", name: "Ngày Chiến thắng, Quốc tế Lao động", source: "tet-amlich.com, announced schedule 2025", projected: false),
        Period(from: "2025-08-30", to: "2025-09-02", name: "Quốc khánh", source: "tet-amlich.com, announced schedule 2025", projected: false),
        // 2026
        Period(from: "2026-01-01", to: "2026-01-04", name: "Tết Dương lịch", source: "VPCP 12729/VPCP-KGVX (25/12/2025)", projected: false),
        Period(from: "2026-02-14", to: "2026-02-22", name: "Tết Nguyên đán", source: "Notice 9441/TB-BNV (16/10/2025)", projected: false),
        Period(from: "2026-04-25", to: "2026-04-27", name: "Giỗ Tổ Hùng Vương", source: "Notice 9441/TB-BNV (16/10/2025)", projected: false),
        Period(from: "2026-04-30", to: "2026-05-03", name: "Ngày Chiến thắng, Quốc tế Lao động", source: "Notice 9441/TB-BNV (16/10/2025)", projected: false),
        Period(from: "2026-08-29", to: "2026-09-02", name: "Quốc khánh", source: "Notice 9441/TB-BNV (16/10/2025)", projected: false),
        // 2027 (projected)
        Period(from: "2027-01-01", to: "2027-01-01", name: "Tết Dương lịch", source: "Labour Code 2019 Art. 112.1(a)", projected: true),
        Period(from: "2027-02-05", to: "2027-02-11", name: "Tết Nguyên đán", source: "projected: eve Fri 5/2 to mùng 4; Sat–Sun compensated", projected: true),
        Period(from: "2027-04-16", to: "2027-04-16", name: "Giỗ Tổ Hùng Vương", source: "projected: 10/3 lunar", projected: true),
        Period(from: "2027-04-30", to: "2027-05-03", name: "Ngày Chiến thắng, Quốc tế Lao động", source: "projected: 1/5 on Saturday compensated Mon 3/5", projected: true),
        Period(from: "2027-09-02", to: "2027-09-03", name: "Quốc khánh", source: "projected: 2/9 and Fri 3/9", projected: true),
        // 2028 (projected)
        Period(from: "2028-01-01", to: "2028-01-03", name: "Tết Dương lịch", source: "projected: Saturday compensated Mon 3/1", projected: true),
        Period(from: "2028-01-25", to: "2028-01-31", name: "Tết Nguyên đán", source: "projected: eve Tue 25/1 to mùng 4; Saturday compensated", projected: true),
        Period(from: "2028-04-04", to: "2028-04-04", name: "Giỗ Tổ Hùng Vương", source: "projected: 10/3 lunar", projected: true),
        Period(from: "2028-04-30", to: "2028-05-02", name: "Ngày Chiến thắng, Quốc tế Lao động", source: "projected: 30/4 on Sunday compensated Tue 2/5", projected: true),
        Period(from: "2028-09-01", to: "2028-09-04", name: "Quốc khánh", source: "projected: Fri 1/9 and 2/9; Saturday compensated Mon 4/9", projected: true),
        // 2029 (projected)
        Period(from: "2029-01-01", to: "2029-01-01", name: "Tết Dương lịch", source: "Labour Code 2019 Art. 112.1(a)", projected: true),
        Period(from: "2029-02-12", to: "2029-02-16", name: "Tết Nguyên đán", source: "projected: eve Mon 12/2 to mùng 4", projected: true),
        Period(from: "2029-04-23", to: "2029-04-23", name: "Giỗ Tổ Hùng Vương", source: "projected: 10/3 lunar", projected: true),
        Period(from: "2029-04-30", to: "2029-05-01", name: "Ngày Chiến thắng, Quốc tế Lao động", source: "Labour Code 2019 Art. 112.1(c)", projected: true),
        Period(from: "2029-09-02", to: "2029-09-04", name: "Quốc khánh", source: "projected: Sun 2/9 and Mon 3/9; Sunday compensated Tue 4/9", projected: true),
        // 2030 (projected)
        Period(from: "2030-01-01", to: "2030-01-01", name: "Tết Dương lịch", source: "Labour Code 2019 Art. 112.1(a)", projected: true),
        Period(from: "2030-02-01", to: "2030-02-07", name: "Tết Nguyên đán", source: "projected: eve Fri 1/2 to mùng 4 (mùng 1 Sat 2/2 in Vietnam); Sat–Sun compensated", projected: true),
        Period(from: "2030-04-12", to: "2030-04-12", name: "Giỗ Tổ Hùng Vương", source: "projected: 10/3 lunar", projected: true),
        Period(from: "2030-04-30", to: "2030-05-01", name: "Ngày Chiến thắng, Quốc tế Lao động", source: "Labour Code 2019 Art. 112.1(c)", projected: true),
        Period(from: "2030-09-02", to: "2030-09-03", name: "Quốc khánh", source: "projected: 2/9 and Tue 3/9", projected: true),
    ]

    public static let makeUpDays: [MakeUpDay] = [
        MakeUpDay(date: "2024-05-04", name: "Làm bù cho thứ Hai 29/4/2024", source: "VPCP 2450/VPCP-KGVX (12/04/2024)"),
        MakeUpDay(date: "2025-04-26", name: "Làm bù cho thứ Sáu 2/5/2025", source: "tet-amlich.com, announced schedule 2025"),
        MakeUpDay(date: "2026-01-10", name: "Làm bù cho thứ Sáu 2/1/2026", source: "VPCP 12729/VPCP-KGVX (25/12/2025)"),
        MakeUpDay(date: "2026-08-22", name: "Làm bù cho thứ Hai 31/8/2026", source: "Notice 9441/TB-BNV (16/10/2025)"),
    ]
}

extension Procedure {
    /// The kinds of site the simulator draws from: the ordinary one, then one per named site variant of
    /// the calendars, each with its share of sites and the procedure as those sites run it (the
    /// variant's hours in place of the calendar's). Without variants, one kind with share 1.
    public var siteKinds: [(name: String?, share: Double, procedure: Procedure)] {
        var names: [String] = []
        var shares: [String: Double] = [:]
        for calendar in calendars.values {
            for v in calendar.siteVariants where shares[v.name] == nil {
                names.append(v.name)
                shares[v.name] = v.share
            }
        }
        guard !names.isEmpty else { return [(nil, 1, self)] }
        var kinds: [(name: String?, share: Double, procedure: Procedure)] = []
        var base = self
        for id in base.calendars.keys { base.calendars[id]?.siteVariants = [] }
        kinds.append((nil, max(0, 1 - names.reduce(0) { $0 + (shares[$1] ?? 0) }), base))
        for name in names {
            var p = base
            for (id, calendar) in calendars {
                if let v = calendar.siteVariants.first(where: { $0.name == name }) { p.calendars[id]?.hours = v.hours }
            }
            kinds.append((name, shares[name] ?? 0, p))
        }
        return kinds
    }
}
