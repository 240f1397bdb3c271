import Foundation
import ProcmodLoader
import ProcmodModel
@testable import ProcmodSimulation
import ProcmodTestSupport
import Testing

/// The statutory clock as the law counts it (docs/simulation.md, "The statutory clock"). Every expected
/// figure is computed by hand in the comment beside it. Day 0 is Monday 2026-01-05; the office opens
/// Monday to Friday 08:00–12:00 and 13:00–17:00 (480 minutes a day).
@Suite struct StatutoryClockTests {
    static let monday = LocalDate(year: 2026, month: 1, day: 5)!

    /// A one-office procedure with fixed arrivals, fixed durations and the given flow.
    static func model(deadline: String, arrivals: [String], flow: String, calendarExtra: String = "",
                      calendarExtends: String = "", extraActors: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <procedure xmlns="urn:procmod:procedure:1" code="CLOCK" name-en="Clock" level="commune">
          <legal-basis><provision id="law" act="Test Act" article="1"/></legal-basis>
          \(deadline)
          <volume per-year="1000"/>
          <arrivals>\(arrivals.map { "<at time=\"\($0)\"/>" }.joined())</arrivals>
          <result document="r"/>
          <channels><channel id="c" kind="in-person" share="1"/></channels>
          <calendars>
            <calendar id="office"\(calendarExtends)>
              <hours days="mon tue wed thu fri" from="08:00" to="12:00"/>
              <hours days="mon tue wed thu fri" from="13:00" to="17:00"/>
              \(calendarExtra)
            </calendar>
          </calendars>
          <actors>
            <actor id="applicant" name-en="Applicant" kind="applicant" capacity="unlimited"/>
            <actor id="desk" name-en="Desk" kind="reception-desk" calendar="office"/>
            <actor id="officer" name-en="Officer" kind="official" calendar="office"/>
            \(extraActors)
          </actors>
          <documents><document id="r" name-en="R" kind="result" medium="paper"/></documents>
          <flow>
            \(flow)
            <end id="done"/>
          </flow>
        </procedure>
        """
    }

    static let receive = #"<step id="receive" name-en="Receive" kind="receive" actor="desk"><work unit="minutes"><fixed value="10"/></work></step>"#
    static let sign = #"<step id="sign" name-en="Sign" kind="sign" actor="officer"><work unit="minutes"><fixed value="10"/></work><produces document="r" medium="paper"/></step>"#

    static func run(_ xml: String) throws -> [String: Double] {
        let loaded = TestSupport.load(xml)
        let procedure = try #require(loaded.procedure, "\(TestSupport.lines(loaded))")
        let report = try Simulator(options: SimulationOptions(cases: nil, replications: 1, startDate: monday)).run(procedure)
        return report.kpis.mapValues(\.mean)
    }

    // MARK: Receipt

    /// A portal accepts the dossier Monday 20:00 (a `start` step on an always-open system), after closing:
    /// it counts from Tuesday, so a same-day deadline falls due on Tuesday, and the officer's signature
    /// Tuesday 08:00–08:10 is on time. Counted from Monday (the old clock) it would be late.
    @Test func receiptAfterClosingCountsFromTheNextWorkingDay() throws {
        let xml = Self.model(
            deadline: #"<deadline working-days="0"/>"#, arrivals: ["2026-01-05T20:00"],
            flow: #"<step id="portal" name-en="Portal" kind="receive" actor="portal" clock="start"><work unit="minutes"><fixed value="1"/></work></step>"# + Self.sign,
            extraActors: #"<actor id="portal" name-en="Portal" kind="online-system" capacity="unlimited"/>"#)
        let k = try Self.run(xml)
        #expect(k["onTimeShare"] == 1)
        #expect(k["lateShare"] == 0)
    }

    /// Received Monday 15:30, ending 15:40, after a 15:00 cut-off: due Tuesday, not Monday. The officer
    /// signs 15:40–15:50 Monday: a day before the due day, so early. Without the cut-off the same case is
    /// on time (due Monday, signed Monday).
    @Test func receiptAfterTheCutOffCountsFromTheNextWorkingDay() throws {
        let withCutOff = try Self.run(Self.model(deadline: #"<deadline working-days="0" cut-off="15:00"/>"#,
                                                 arrivals: ["2026-01-05T15:30"], flow: Self.receive + Self.sign))
        #expect(withCutOff["earlyShare"] == 1)
        let without = try Self.run(Self.model(deadline: #"<deadline working-days="0"/>"#,
                                              arrivals: ["2026-01-05T15:30"], flow: Self.receive + Self.sign))
        #expect(without["earlyShare"] == 0)
        #expect(without["onTimeShare"] == 1)
    }

    /// The first reception Monday 09:00–09:10 finds the dossier incomplete; the applicant supplements it
    /// over 3 calendar days and comes back Thursday 09:10; the second reception ends Thursday 09:20 and
    /// the signature 09:30. The clock restarted Thursday, so a same-day deadline is met; on the old clock
    /// (from Monday) it was late. Time on the clock: 09:20–09:30, 10 minutes = 10/480 working days.
    @Test func aSupplementedDossierRestartsTheClock() throws {
        let flow = Self.receive + """
            <choice id="complete">
              <branch to="supplement" probability="1" loop="supplement" max="1"/>
              <branch to="sign" probability="0"/>
            </choice>
            <step id="supplement" name-en="Supplement" kind="prepare" actor="applicant" next="receive"><delay unit="calendar-days"><fixed value="3"/></delay></step>
            """ + Self.sign
        let k = try Self.run(Self.model(deadline: #"<deadline working-days="0"/>"#, arrivals: ["2026-01-05T09:00"], flow: flow))
        #expect(k["onTimeShare"] == 1)
        #expect(abs((k["statutoryWorkingDays"] ?? 0) - 10.0 / 480) < 1e-9)
    }

    /// Received Monday 09:10 (day 0), deadline 2 working days: due Wednesday. A public posting of 5
    /// working days (09:10–09:20 work, then the delay, to next Monday 09:20) is excluded: 2,410 open
    /// minutes, 5.02 days, rounded to 5, so the due day moves to Wednesday of the next week. The result
    /// (next Monday 09:30) is before it: early. Counted, the same posting makes the case late.
    @Test func anExcludedPeriodMovesTheDueDay() throws {
        func flow(_ clock: String) -> String {
            Self.receive + """
                <step id="post" name-en="Post publicly" kind="publish" actor="officer" clock="\(clock)"><work unit="minutes"><fixed value="10"/></work><delay unit="working-days"><fixed value="5"/></delay></step>
                """ + Self.sign
        }
        let excluded = try Self.run(Self.model(deadline: #"<deadline working-days="2"/>"#, arrivals: ["2026-01-05T09:00"], flow: flow("excluded")))
        #expect(excluded["earlyShare"] == 1)
        // On the clock: open time 09:10 Monday to 09:30 next Monday (2,420 min) less 2,410 excluded = 10 min.
        #expect(abs((excluded["statutoryWorkingDays"] ?? 0) - 10.0 / 480) < 1e-9)
        let counted = try Self.run(Self.model(deadline: #"<deadline working-days="2"/>"#, arrivals: ["2026-01-05T09:00"], flow: flow("counted")))
        #expect(counted["lateShare"] == 1)
    }

    /// A case that takes the verification branch gets its 5-working-day deadline: verification takes 2
    /// working days (Monday 09:10 to Wednesday 09:10), the signature ends Wednesday 09:20, due Monday
    /// of the next week: early. Under the procedure's same-day deadline the same case is late.
    @Test func aBranchSetsACaseDependentDeadline() throws {
        func flow(_ deadline: String) -> String {
            Self.receive + """
                <choice id="verification">
                  <branch to="sign" probability="0"/>
                  <branch to="verify" probability="1"\(deadline)/>
                </choice>
                <step id="verify" name-en="Verify" kind="verify" actor="officer" next="sign"><delay unit="working-days"><fixed value="2"/></delay></step>
                """ + Self.sign
        }
        let five = try Self.run(Self.model(deadline: #"<deadline working-days="0" legal="law"/>"#, arrivals: ["2026-01-05T09:00"],
                                           flow: flow(#" deadline-working-days="5" legal="law""#)))
        #expect(five["earlyShare"] == 1)
        let sameDay = try Self.run(Self.model(deadline: #"<deadline working-days="0"/>"#, arrivals: ["2026-01-05T09:00"], flow: flow("")))
        #expect(sameDay["lateShare"] == 1)
    }

    /// A channel's own deadline replaces the procedure's: 0 for the procedure, 3 for the channel; the
    /// verification (2 working days) makes the case late under 0 and early under 3.
    @Test func aChannelDeadlineIsHonoured() throws {
        let flow = Self.receive + #"<step id="verify" name-en="Verify" kind="verify" actor="officer"><delay unit="working-days"><fixed value="2"/></delay></step>"# + Self.sign
        var xml = Self.model(deadline: #"<deadline working-days="0"/>"#, arrivals: ["2026-01-05T09:00"], flow: flow)
        #expect(try Self.run(xml)["lateShare"] == 1)
        xml = xml.replacingOccurrences(of: #"<channel id="c" kind="in-person" share="1"/>"#,
                                       with: #"<channel id="c" kind="in-person" share="1"><deadline working-days="3"/></channel>"#)
        #expect(try Self.run(xml)["earlyShare"] == 1)
    }

    /// Without a `start` step, the clock starts when the dossier reaches the state's first actor: three
    /// calendar days of the applicant's preparation do not count. The officer works Monday 09:00–09:30
    /// (arrival Friday 09:00, preparation to Monday 09:00): 30 minutes on the clock.
    @Test func aChannelWithoutReceptionStartsAtTheFirstAgencyStep() throws {
        let flow = #"<step id="prepare" name-en="Prepare" kind="prepare" actor="applicant"><delay unit="calendar-days"><fixed value="3"/></delay></step>"#
            + #"<step id="examine" name-en="Examine" kind="verify" actor="officer"><work unit="minutes"><fixed value="30"/></work><produces document="r" medium="paper"/></step>"#
        let k = try Self.run(Self.model(deadline: #"<deadline working-days="0"/>"#, arrivals: ["2026-01-09T09:00"], flow: flow))
        #expect(abs((k["statutoryWorkingDays"] ?? 0) - 30.0 / 480) < 1e-9)
        #expect(k["onTimeShare"] == 1)
    }

    /// A limit in calendar days ("ngày", Law 28/2009 Art. 48.1): received Monday 5 January (day 0), 10
    /// days later is Thursday 15 January (day 10), a working day; received Wednesday 7 January (day 2), 10
    /// days later is Saturday 17 January, so the due day moves to Monday 19 January (day 14; Civil Code
    /// 2015 Art. 148). In working days the same limit from Monday falls on Monday 19 January (day 14).
    @Test func aLimitInCalendarDaysEndsOnAWorkingDay() throws {
        let procedure = try #require(TestSupport.load(Self.model(deadline: #"<deadline days="10"/>"#, arrivals: ["2026-01-05T09:00"],
                                                                 flow: Self.receive + Self.sign)).procedure)
        #expect(procedure.deadline?.calendarDays == true)
        let clock = CompiledModel(procedure, start: Self.monday).channelClock[0]
        #expect(clock.dueDay(receiptDay: 0, workingDays: 10, calendarDays: true) == 10)
        #expect(clock.dueDay(receiptDay: 2, workingDays: 10, calendarDays: true) == 14)
        #expect(clock.dueDay(receiptDay: 0, workingDays: 10) == 14)
    }

    // MARK: Calendars

    /// Saturday 10 January 2026 is a make-up working day (làm bù for Friday 2 January): a dossier arriving
    /// that Saturday at 09:00 is received 09:00–09:10 and signed 09:10–09:20, 20 minutes after arrival.
    /// Without the make-up day it waits for Monday 08:00: 1 day 23 h 20 min after arrival.
    @Test func aCompensatorySaturdayIsAWorkingDay() throws {
        let flow = Self.receive + Self.sign
        let worked = try Self.run(Self.model(deadline: #"<deadline working-days="0"/>"#, arrivals: ["2026-01-10T09:00"], flow: flow,
                                             calendarExtra: #"<working-day date="2026-01-10" hours-of="mon"/>"#))
        #expect(abs((worked["leadTimeCalendarDays"] ?? 0) - 20.0 / 1440) < 1e-9)
        let closed = try Self.run(Self.model(deadline: #"<deadline working-days="0"/>"#, arrivals: ["2026-01-10T09:00"], flow: flow))
        #expect(abs((closed["leadTimeCalendarDays"] ?? 0) - (1440 + 23 * 60 + 20) / 1440.0) < 1e-9)
    }

    /// Tết 2026 for public bodies runs Saturday 14 to Sunday 22 February (Notice 9441/TB-BNV). A dossier
    /// received Friday 13 February at 16:40 with a 1-working-day deadline falls due on Monday 23
    /// February: day 49 after Monday 5 January.
    @Test func theTetRangeClosesTheOffice() throws {
        let xml = Self.model(deadline: #"<deadline working-days="1"/>"#, arrivals: ["2026-02-13T16:30"],
                             flow: Self.receive + Self.sign, calendarExtends: #" extends="vn-public-service""#)
        let procedure = try #require(TestSupport.load(xml).procedure)
        let model = CompiledModel(procedure, start: Self.monday)
        let clock = model.channelClock[0]
        let friday = 39.0 * 1440 + 16 * 60 + 40
        #expect(clock.receiptDay(friday) == 39)
        #expect(clock.dueDay(receiptDay: 39, workingDays: 1) == 49)
        // Every day of the range is closed; the Monday after is open.
        for day in 40...48 { #expect(!clock.calendar.isWorkingDay(day)) }
        #expect(clock.calendar.isWorkingDay(49))
    }

    /// A batch of 5 that does not fill is worked at the end of the working day, 17:00, not at the lunch
    /// break: one case arriving Monday 09:00 is released at 17:00, when the office has closed, so its 10
    /// minutes of work run Tuesday 08:00–08:10: 23 h 10 min after arrival.
    @Test func aPartialBatchIsReleasedAtTheEndOfTheDay() throws {
        let xml = Self.model(deadline: "", arrivals: ["2026-01-05T09:00"],
                             flow: #"<step id="batch" name-en="Batch" kind="verify" actor="batcher"><work unit="minutes"><fixed value="10"/></work><produces document="r" medium="paper"/></step>"#,
                             extraActors: #"<actor id="batcher" name-en="Batcher" kind="official" calendar="office" batch-size="5"/>"#)
        let k = try Self.run(xml)
        #expect(abs((k["leadTimeCalendarDays"] ?? 0) - (23 * 60 + 10) / 1440.0) < 1e-9)
    }

    /// Working days count the calendar's own days: with a four-hour Friday (08:00–12:00), one working day
    /// from Friday 08:00 ends with Friday (12:00); half a working day ends at 10:00; one working day
    /// from Thursday 12:00 (half of Thursday's 8 hours done) ends half-way through Friday, at 10:00.
    @Test func workingDaysCountWholeDaysOfTheCalendar() {
        let calendar = WorkCalendar(id: "c", hours: [
            WeeklyHours(days: [.mon, .tue, .wed, .thu], start: TimeOfDay(minutes: 480), end: TimeOfDay(minutes: 720)),
            WeeklyHours(days: [.mon, .tue, .wed, .thu], start: TimeOfDay(minutes: 780), end: TimeOfDay(minutes: 1020)),
            WeeklyHours(days: [.fri], start: TimeOfDay(minutes: 480), end: TimeOfDay(minutes: 720)),
        ], holidays: [])
        let c = CalendarTimeline(calendar, start: Self.monday)
        let friday8 = 4.0 * 1440 + 480, friday10 = 4.0 * 1440 + 600, friday12 = 4.0 * 1440 + 720
        #expect(c.advance(friday8, workingDays: 1) == friday12)
        #expect(c.advance(friday8, workingDays: 0.5) == friday10)
        #expect(c.advance(3.0 * 1440 + 720, workingDays: 1) == friday10)
        // Two working days from Friday 08:00: the whole Friday, then Monday until its closing, 17:00.
        #expect(c.advance(friday8, workingDays: 2) == 7.0 * 1440 + 1020)
    }

    /// With 20 holidays in the year, the arrivals still add up to `<volume per-year>`: 10,000 cases a
    /// year, over a 365-day horizon, 20 replications: the mean within 1%.
    @Test func annualVolumeIsKeptWhateverTheHolidays() throws {
        let holidays = (0..<20).map { i in
            let date = LocalDate(dayNumber: Self.monday.dayNumber + 14 * i + 2)
            return "<holiday date=\"\(date)\"/>"
        }.joined()
        var xml = Self.model(deadline: "", arrivals: [], flow: Self.receive + Self.sign, calendarExtra: holidays)
        xml = xml.replacingOccurrences(of: "<arrivals></arrivals>", with: "")
            .replacingOccurrences(of: #"<volume per-year="1000"/>"#, with: #"<volume per-year="10000"/>"#)
            .replacingOccurrences(of: #"kind="reception-desk" calendar="office""#, with: #"kind="reception-desk" calendar="office" capacity="unlimited""#)
            .replacingOccurrences(of: #"kind="official" calendar="office""#, with: #"kind="official" calendar="office" capacity="unlimited""#)
        let procedure = try #require(TestSupport.load(xml).procedure, "\(TestSupport.lines(TestSupport.load(xml)))")
        let report = try Simulator(options: SimulationOptions(cases: nil, horizonDays: 365, replications: 20, startDate: Self.monday))
            .run(procedure)
        let cases = try #require(report.kpis["cases"]).mean
        #expect(abs(cases - 10_000) / 10_000 < 0.01, "\(cases) cases in the year")
    }

    // MARK: Event log

    /// A case arriving Saturday 09:00 asks for the desk then (enabled), but the work starts Monday 08:00
    /// and ends 08:10; timestamps carry Vietnam's offset.
    @Test func anEventLogRowStartsAfterTheWeekend() throws {
        let xml = Self.model(deadline: "", arrivals: ["2026-01-10T09:00"], flow: Self.receive + Self.sign)
        let procedure = try #require(TestSupport.load(xml).procedure)
        let directory = try TestSupport.temporaryDirectory()
        let path = directory.appendingPathComponent("log.csv").path
        let log = try EventLogWriter(path: path, startDate: Self.monday)
        _ = try Simulator(options: SimulationOptions(cases: nil, replications: 1, startDate: Self.monday)).run(procedure, eventLog: log)
        try log.finish()
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows[0] == "case_id,activity,activity_name,resource,lifecycle,enabled,start,end")
        #expect(rows[1] == "0,receive,Receive,desk,work,2026-01-10T09:00:00+07:00,2026-01-12T08:00:00+07:00,2026-01-12T08:10:00+07:00")
        #expect(rows[2] == "0,sign,Sign,officer,work,2026-01-12T08:10:00+07:00,2026-01-12T08:10:00+07:00,2026-01-12T08:20:00+07:00")
    }
}

/// The event log rebuilds the simulator's own figures: per actor, the mean of `start − enabled` over the
/// log's work rows is the actor's mean wait, to the second the timestamps keep.
@Suite struct EventLogAgreementTests {
    @Test(arguments: ["birth-registration", "land-use-certificate"])
    func waitingTimesInTheLogAreTheSimulatorsQueueFigures(_ name: String) throws {
        let procedure = try #require(TestSupport.load(try String(contentsOfFile: TestSupport.path("procedures/\(name).xml"),
                                                                 encoding: .utf8)).procedure)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.csv").path
        let options = SimulationOptions(cases: 2000, replications: 1, seed: 7, warmupDays: 0)
        let log = try EventLogWriter(path: path, startDate: options.startDate)
        let report = try Simulator(options: options).run(procedure, eventLog: log)
        try log.finish()
        var waits: [String: (total: Double, count: Double)] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = Self.csvFields(String(line))
            guard fields.count == 8, fields[4] == "work" else { continue }
            let wait = try Self.minutes(fields[6]) - Self.minutes(fields[5])
            waits[fields[3], default: (0, 0)].total += wait
            waits[fields[3], default: (0, 0)].count += 1
        }
        #expect(!waits.isEmpty)
        for (actor, w) in waits {
            let simulated = try #require(report.actors[actor]?["meanWaitMinutes"]?.mean)
            #expect(abs(w.total / w.count - simulated) < 0.01, "\(actor): log \(w.total / w.count) min, simulator \(simulated) min")
        }
    }

    /// Minutes since 1970 of an ISO 8601 timestamp with an offset (`2026-01-05T09:00:00+07:00`).
    static func minutes(_ text: String) throws -> Double {
        let date = try #require(LocalDate(String(text.prefix(10))))
        let parts = text.dropFirst(11).prefix(8).split(separator: ":").compactMap { Double($0) }
        try #require(parts.count == 3)
        return Double(date.dayNumber) * 1440 + parts[0] * 60 + parts[1] + parts[2] / 60
    }

    /// The fields of one CSV line (RFC 4180 quoting).
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { fields.append(field); field = "" } else { field.append(c) }
        }
        fields.append(field)
        return fields
    }
}

/// The clock on whole shipped procedures and on inter-agency parts.
@Suite struct StatutoryClockProcedureTests {
    static func birth(_ edit: ((String) -> String)? = nil) throws -> [String: Estimate] {
        let original = try String(contentsOfFile: TestSupport.path("procedures/birth-registration.xml"), encoding: .utf8)
        let text = edit?(original) ?? original
        try #require(edit == nil || text != original, "the edit must change the model")
        let procedure = try #require(TestSupport.load(text).procedure)
        return try Simulator(options: SimulationOptions(cases: 1500, replications: 6, seed: 11)).run(procedure).kpis
    }

    /// Birth registration's share no longer follows the share of supplemented dossiers (the old clock gave
    /// 1 − P(supplement)): with half the dossiers supplemented it stays within the intervals; and it moves
    /// when the time from receipt to result changes (the chairman signing a day later makes cases late).
    @Test func birthRegistrationsShareFollowsTheTimeFromReceiptToResult() throws {
        let base = try Self.birth()
        let supplemented = try Self.birth {
            $0.replacingOccurrences(of: #"<branch to="verify" probability="0.9" assumed="true"/>"#, with: #"<branch to="verify" probability="0.5" assumed="true"/>"#)
                .replacingOccurrences(of: #"<branch to="supplement" probability="0.1""#, with: #"<branch to="supplement" probability="0.5""#)
        }
        let a = try #require(base["onTimeShare"]), b = try #require(supplemented["onTimeShare"])
        #expect(abs(a.mean - b.mean) <= a.halfWidth + b.halfWidth + 0.005, "\(a.mean) and \(b.mean)")
        #expect(a.mean > 0.95)
        let slowSigner = try Self.birth {
            $0.replacingOccurrences(of: #"<work unit="minutes"><fixed value="2"/></work>"#,
                                    with: #"<work unit="minutes"><fixed value="2"/></work><delay unit="working-days"><fixed value="1"/></delay>"#)
        }
        #expect(try #require(slowSigner["onTimeShare"]).mean < 0.05)
    }

    /// An inter-agency part: the police get the dossier Monday 09:10 (after reception 09:00–09:10) and
    /// take 3 working days (to Thursday 09:10); their part is 2 working days (due Wednesday): late. The
    /// insurance office, in parallel, takes 1 working day (to Tuesday 09:10) against 2: early, so on
    /// time. The whole procedure, 5 working days, is met.
    @Test func eachAgencyHasItsOwnClock() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <procedure xmlns="urn:procmod:procedure:1" code="CHAIN" name-en="Chain" level="commune">
              <agencies>
                <agency id="commune" name-en="Commune" level="commune"/>
                <agency id="police" name-en="Police" level="district"/>
                <agency id="insurance" name-en="Insurance" level="district"/>
              </agencies>
              <deadline working-days="5"><part agency="police" working-days="2"/><part agency="insurance" working-days="2"/></deadline>
              <volume per-year="1000"/>
              <arrivals><at time="2026-01-05T09:00"/></arrivals>
              <result document="r"/>
              <channels><channel id="c" kind="in-person" share="1"/></channels>
              <calendars><calendar id="office"><hours days="mon tue wed thu fri" from="08:00" to="12:00"/><hours days="mon tue wed thu fri" from="13:00" to="17:00"/></calendar></calendars>
              <actors>
                <actor id="desk" name-en="Desk" kind="reception-desk" agency="commune" calendar="office"/>
                <actor id="police-officer" name-en="Police officer" kind="agency" agency="police" calendar="office"/>
                <actor id="insurance-officer" name-en="Insurance officer" kind="agency" agency="insurance" calendar="office"/>
              </actors>
              <documents><document id="r" name-en="R" kind="result" medium="paper"/></documents>
              <flow>
                <step id="receive" name-en="Receive" kind="receive" actor="desk"><work unit="minutes"><fixed value="10"/></work></step>
                <parallel id="split"><branch to="residence"/><branch to="card"/></parallel>
                <step id="residence" name-en="Residence" kind="record" actor="police-officer" next="join"><delay unit="working-days"><fixed value="3"/></delay></step>
                <step id="card" name-en="Card" kind="record" actor="insurance-officer" next="join"><delay unit="working-days"><fixed value="1"/></delay></step>
                <join id="join" split="split"/>
                <step id="issue" name-en="Issue" kind="sign" actor="desk"><work unit="minutes"><fixed value="10"/></work><produces document="r" medium="paper"/></step>
                <end id="done"/>
              </flow>
            </procedure>
            """
        let loaded = TestSupport.load(xml)
        let procedure = try #require(loaded.procedure, "\(TestSupport.lines(loaded))")
        let k = try Simulator(options: SimulationOptions(cases: nil, replications: 1, startDate: StatutoryClockTests.monday))
            .run(procedure).kpis.mapValues(\.mean)
        #expect(k["part.police.onTimeShare"] == 0)
        #expect(k["part.insurance.onTimeShare"] == 1)
        // 3 and 1 working days on the agencies' clocks (09:10 to 09:10).
        #expect(abs((k["part.police.workingDays"] ?? 0) - 3) < 1e-9)
        #expect(abs((k["part.insurance.workingDays"] ?? 0) - 1) < 1e-9)
        #expect(k["onTimeShare"] == 1)
    }
}

/// The lead time split (work, queue, transfer, wait) adds up to the lead time on every shipped
/// procedure, parallel blocks included (their branches are scaled to the time the block took).
@Suite struct LeadTimeSplitTests {
    @Test(arguments: ["birth-registration", "birth-residence-insurance-chain-2015", "building-permit", "enterprise-registration",
                      "judicial-record", "land-use-certificate", "marriage-registration", "passport", "permanent-residence"])
    func theSplitSumsToTheLeadTime(_ name: String) throws {
        let text = try String(contentsOfFile: TestSupport.path("procedures/\(name).xml"), encoding: .utf8)
        let procedure = try #require(TestSupport.load(text).procedure)
        let k = try Simulator(options: SimulationOptions(cases: 400, replications: 2, seed: 3)).run(procedure).kpis
        let parts = ["workDays", "queueDays", "transferDays", "waitDays"].map { k[$0]?.mean ?? .nan }.reduce(0, +)
        let lead = try #require(k["leadTimeCalendarDays"]).mean
        #expect(abs(parts - lead) < 1e-6 * max(1, lead), "\(name): split \(parts), lead time \(lead)")
    }
}

/// A share of sites with a calendar of their own (communes open on Saturday mornings).
@Suite struct SiteVariantTests {
    static func model(share: String) -> String {
        StatutoryClockTests.model(deadline: "", arrivals: ["2026-01-10T09:00"],
                                  flow: StatutoryClockTests.receive + StatutoryClockTests.sign, calendarExtra: """
            <site-variant name="Saturday mornings" share="\(share)">
              <hours days="mon tue wed thu fri" from="08:00" to="12:00"/>
              <hours days="mon tue wed thu fri" from="13:00" to="17:00"/>
              <hours days="sat" from="07:30" to="11:30"/>
            </site-variant>
            """)
    }

    /// Each replication is one site: a Saturday 09:00 arrival is done at 09:20 where the office opens on
    /// Saturdays (20 minutes), and Monday 08:20 elsewhere (1 day 23 h 20 min). With half the sites of
    /// each kind, 40 replications split between the two (binomially: 10 to 30 of each, all but surely),
    /// and the same seed draws the same sites.
    @Test func eachReplicationIsOneSiteDrawnWithTheShares() throws {
        let procedure = try #require(TestSupport.load(Self.model(share: "0.5")).procedure, "\(TestSupport.lines(TestSupport.load(Self.model(share: "0.5"))))")
        let simulator = Simulator(options: SimulationOptions(cases: nil, replications: 40, startDate: StatutoryClockTests.monday))
        let leads = try simulator.replications(procedure).map { $0.kpis["leadTimeCalendarDays"] ?? -1 }
        let saturday = 20.0 / 1440, monday = (1440 + 23 * 60 + 20) / 1440.0
        #expect(leads.allSatisfy { abs($0 - saturday) < 1e-9 || abs($0 - monday) < 1e-9 })
        let open = leads.filter { abs($0 - saturday) < 1e-9 }.count
        #expect((10...30).contains(open), "\(open) of 40 sites open on Saturday")
        #expect(try simulator.replications(procedure).map { $0.kpis["leadTimeCalendarDays"] ?? -1 } == leads)
    }

    @Test func sharesMustLeaveRoomForTheOrdinarySites() {
        let lines = TestSupport.lines(TestSupport.load(Self.model(share: "1")))
        #expect(lines.contains { $0.contains("a share of sites lies strictly between 0 and 1") })
    }
}

/// What an outside review found in the clock, each now a test.
@Suite struct StatutoryClockReviewTests {
    /// The step that produces the result is excluded (an appraisal the law does not count): its own time,
    /// 10 minutes of work and a 2-working-day delay, is left out, so a same-day deadline is met.
    @Test func anExcludedProducingStepDoesNotCount() throws {
        let flow = StatutoryClockTests.receive + """
            <step id="process" name-en="Process" kind="verify" actor="officer" clock="excluded"><work unit="minutes"><fixed value="10"/></work><delay unit="working-days"><fixed value="2"/></delay><produces document="r" medium="paper"/></step>
            """
        let k = try StatutoryClockTests.run(StatutoryClockTests.model(deadline: #"<deadline working-days="0"/>"#,
                                                                       arrivals: ["2026-01-05T09:00"], flow: flow))
        #expect(k["onTimeShare"] == 1)
        #expect(abs(k["statutoryWorkingDays"] ?? 1) < 1e-9)
    }

    /// A reception after the result (the desk receiving the signed result back) does not restart the
    /// clock: the case received Monday 09:00–09:10 with a 2-working-day verification stays late against a
    /// same-day deadline.
    @Test func aReceptionAfterTheResultLeavesTheClockAlone() throws {
        let flow = StatutoryClockTests.receive
            + #"<step id="verify" name-en="Verify" kind="verify" actor="officer"><delay unit="working-days"><fixed value="2"/></delay></step>"#
            + StatutoryClockTests.sign
            + #"<step id="back" name-en="Back at the desk" kind="receive" actor="desk"><work unit="minutes"><fixed value="5"/></work></step>"#
        let k = try StatutoryClockTests.run(StatutoryClockTests.model(deadline: #"<deadline working-days="0"/>"#,
                                                                       arrivals: ["2026-01-05T09:00"], flow: flow))
        #expect(k["lateShare"] == 1)
    }

    @Test func clockNonsenseIsReported() {
        func lines(_ deadline: String, flow: String = StatutoryClockTests.receive + StatutoryClockTests.sign, extra: String = "") -> [String] {
            TestSupport.lines(TestSupport.load(StatutoryClockTests.model(deadline: deadline, arrivals: ["2026-01-05T09:00"], flow: flow,
                                                                         calendarExtra: extra)))
        }
        #expect(lines("", flow: StatutoryClockTests.receive + """
            <choice id="c"><branch to="sign" probability="0.5" deadline-working-days="3"/><branch to="sign" probability="0.5"/></choice>
            """ + StatutoryClockTests.sign).contains { $0.contains("the procedure has no <deadline>") })
        let chain = try? String(contentsOfFile: TestSupport.path("procedures/birth-residence-insurance-chain-2015.xml"), encoding: .utf8)
        let twice = (chain ?? "").replacingOccurrences(of: #"<part agency="police" days="15" legal="ttlt-05"/>"#,
                                                       with: #"<part agency="police" days="15" legal="ttlt-05"/><part agency="police" days="9"/>"#)
        #expect(TestSupport.lines(TestSupport.load(twice)).contains { $0.contains("two parts for agency 'police'") })
        #expect(lines(#"<deadline working-days="1"/>"#, extra: #"<working-day date="2026-01-10" hours-of="sun"/>"#)
            .contains { $0.contains("has none on sun") })
        #expect(lines(#"<deadline working-days="1"/>"#, flow: #"<step id="own" name-en="Own" kind="prepare" actor="applicant" clock="start"/>"#
                      + StatutoryClockTests.sign).contains { $0.contains("clock=\"start\"") })
    }
}
