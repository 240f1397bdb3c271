import Foundation
import ProcmodLoader
import ProcmodModel
@testable import ProcmodSimulation
import ProcmodTestSupport
import Testing

/// Calendars, deadlines, and byte-for-byte reproducibility.
@Suite struct CalendarTests {
    /// 2026-01-05 is a Monday: day 0 of the clock.
    let monday = LocalDate(year: 2026, month: 1, day: 5)!
    func nineToFive(holidays: [Holiday] = []) -> CalendarTimeline {
        CalendarTimeline(WorkCalendar(id: "c", hours: [WeeklyHours(days: [.mon, .tue, .wed, .thu, .fri],
                                                                     start: TimeOfDay("09:00")!, end: TimeOfDay("17:00")!)],
                                        holidays: holidays), start: monday)
    }

    @Test func eightHourTaskFromMondayNineEndsMondayFive() {
        let c = nineToFive()
        #expect(c.advance(9 * 60, by: 8 * 60) == 17 * 60)
    }

    @Test func threeHourTaskFromFridayThreeEndsMondayTen() {
        let c = nineToFive()
        let friday15 = 4.0 * 1440 + 15 * 60
        let monday10 = 7.0 * 1440 + 10 * 60
        #expect(c.advance(friday15, by: 180) == monday10)
    }

    @Test func workWaitsForOpeningAndSkipsHolidays() {
        let tuesday = LocalDate(year: 2026, month: 1, day: 6)!
        let c = nineToFive(holidays: [Holiday(start: tuesday, end: tuesday, name: "test")])
        // Started Monday 16:00, 2 hours: 1 hour Monday, Tuesday is a holiday, 1 hour Wednesday from 09:00.
        #expect(c.advance(16 * 60, by: 120) == 2 * 1440 + 10 * 60)
        #expect(c.nextOpen(17 * 60) == 2 * 1440 + 9 * 60)
        #expect(c.openMinutes(from: 0, to: 7 * 1440) == 4 * 480)
    }
}

@Suite struct DeadlineCountingTests {
    /// Received Friday 16:00 after a 15:00 cut-off, 2 working days, Monday a holiday: counting starts
    /// Tuesday (the next working day), so the due day is Thursday, and the due time its end.
    @Test func acrossAWeekendAndAHoliday() throws {
        let xml = deadlineModel(cutOff: "15:00", workingDays: 2, holiday: "2026-01-12")
        let procedure = try #require(TestSupport.load(xml).procedure)
        let model = CompiledModel(procedure, start: LocalDate(year: 2026, month: 1, day: 5)!)
        let clock = model.channelClock[0]
        let friday16 = 4.0 * 1440 + 16 * 60
        // Received Friday (day 4) after the cut-off: counts from Tuesday (day 8; Monday the 12th is a
        // holiday); two working days later is Thursday (day 10).
        #expect(clock.receiptDay(friday16) == 8)
        #expect(clock.dueDay(receiptDay: 8, workingDays: 2) == 10)
        // Before the cut-off, the same Friday counts: due on Wednesday (day 9; Monday is a holiday).
        let friday10 = 4.0 * 1440 + 10 * 60
        #expect(clock.receiptDay(friday10) == 4)
        #expect(clock.dueDay(receiptDay: 4, workingDays: 2) == 9)
        // Same-day deadline received before the cut-off: that day.
        #expect(clock.dueDay(receiptDay: 4, workingDays: 0) == 4)
    }

    func deadlineModel(cutOff: String, workingDays: Int, holiday: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <procedure xmlns="urn:procmod:procedure:1" code="D" name-en="Deadline" level="commune">
          <deadline working-days="\(workingDays)" cut-off="\(cutOff)" calendar="office"/>
          <volume per-year="1000"/>
          <result document="r"/>
          <channels><channel id="c" kind="in-person" share="1"/></channels>
          <calendars><calendar id="office"><hours days="mon tue wed thu fri" from="08:00" to="17:00"/><holiday date="\(holiday)"/></calendar></calendars>
          <actors><actor id="desk" name-en="Desk" kind="reception-desk" calendar="office"/></actors>
          <documents><document id="r" name-en="R" kind="result" medium="paper"/></documents>
          <flow>
            <step id="s" name-en="S" kind="receive" actor="desk"><work unit="hours"><fixed value="1"/></work><produces document="r" medium="paper"/></step>
            <end id="done"/>
          </flow>
        </procedure>
        """
    }
}

@Suite struct DeterministicProcedureTests {
    /// Fixed times on a 08:00–16:00 calendar and no competition: every case's lead time is known.
    @Test func leadTimeByHand() throws {
        let xml = ExampleXML.fixed
        let procedure = try #require(TestSupport.load(xml).procedure)
        let report = try Simulator(options: SimulationOptions(cases: 50, replications: 3, seed: 1)).run(procedure)
        // 2 h of work + 1 working day (8 open hours) of delay + 6 h of work = 16 open hours = exactly 2
        // working days for every case, whenever it arrives (a case crossing a weekend takes 4 calendar days).
        let lead = try #require(report.kpis["leadTimeWorkingDays"])
        #expect(abs(lead.mean - 2) < 1e-9 && lead.halfWidth < 1e-9)
        let p95 = try #require(report.kpis["leadTimeWorkingDaysP95"])
        #expect(abs(p95.mean - 2) < 0.01)
        let work = try #require(report.kpis["workDays"])
        #expect(abs(work.mean - 8.0 / 24) < 1e-9 && work.halfWidth < 1e-9)
        #expect(report.kpis["applicantVisits"]?.mean == 0)
    }
}

@Suite struct ReproducibilityTests {
    func json(_ options: SimulationOptions, _ path: String = "procedures/building-permit.xml") throws -> Data {
        let procedure = try ProcedureLoader().loadProcedure(at: TestSupport.path(path))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(try Simulator(options: options).run(procedure))
    }

    @Test func sameSeedSameBytes() throws {
        let options = SimulationOptions(cases: 300, replications: 4, seed: 11)
        #expect(try json(options) == json(options))
    }

    @Test func differentSeedsDiffer() throws {
        #expect(try json(SimulationOptions(cases: 300, replications: 4, seed: 11))
                != json(SimulationOptions(cases: 300, replications: 4, seed: 12)))
    }

    @Test func oneThreadAndManyThreadsSameBytes() throws {
        #expect(try json(SimulationOptions(cases: 300, replications: 6, seed: 5, threads: 1))
                == json(SimulationOptions(cases: 300, replications: 6, seed: 5, threads: 4)))
    }

    @Test func everyShippedProcedureSimulates() throws {
        for path in ProcedureFiles.expand([TestSupport.path("procedures")]) {
            let procedure = try ProcedureLoader().loadProcedure(at: path)
            let report = try Simulator(options: SimulationOptions(cases: 200, replications: 2, seed: 1)).run(procedure)
            #expect(report.kpis["cases"]?.mean == 200, "\(path)")
            #expect((report.kpis["leadTimeWorkingDays"]?.mean ?? 0) > 0, "\(path)")
        }
    }
}

@Suite struct EventLogTests {
    @Test func oneRowPerStepInProcessMiningShape() throws {
        let procedure = try #require(TestSupport.load(ExampleXML.fixed).procedure)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.csv").path
        let options = SimulationOptions(cases: 3, replications: 2, seed: 1)
        let log = try EventLogWriter(path: path, startDate: options.startDate)
        _ = try Simulator(options: options).run(procedure, eventLog: log)
        try log.finish()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "case_id,activity,activity_name,resource,lifecycle,enabled,start,end")
        // One work row per step of each case (two steps, three cases), and one row per delay.
        #expect(lines.filter { $0.contains(",work,") }.count == 3 * 2)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",work,") || $0.contains(",delay,") })
        let fields = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields.count == 8 && fields[1] == "first" && fields[3] == "clerk" && fields[4] == "work")
        // ISO 8601 with Vietnam's offset; enabled ≤ start ≤ end.
        #expect(fields[6].count == 25 && fields[6].hasPrefix("2026-01-") && fields[6].hasSuffix("+07:00"))
        #expect(fields[5] <= fields[6] && fields[6] <= fields[7])
    }
}

enum ExampleXML {
    static let fixed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <procedure xmlns="urn:procmod:procedure:1" code="F" name-en="Fixed" level="commune">
          <volume per-year="100"/>
          <result document="r"/>
          <channels><channel id="c" kind="in-person" share="1"/></channels>
          <calendars><calendar id="office"><hours days="mon tue wed thu fri" from="08:00" to="16:00"/></calendar></calendars>
          <actors><actor id="clerk" name-en="Clerk" kind="official" capacity="unlimited" calendar="office"/></actors>
          <documents><document id="r" name-en="R" kind="result" medium="paper"/></documents>
          <flow>
            <step id="first" name-en="First" kind="verify" actor="clerk">
              <work unit="hours"><fixed value="2"/></work><delay unit="working-days"><fixed value="1"/></delay>
            </step>
            <step id="second" name-en="Second" kind="record" actor="clerk">
              <work unit="hours"><fixed value="6"/></work><produces document="r" medium="paper"/>
            </step>
            <end id="done"/>
          </flow>
        </procedure>
        """
}
