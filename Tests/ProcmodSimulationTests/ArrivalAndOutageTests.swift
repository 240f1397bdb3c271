import Foundation
import ProcmodLoader
import ProcmodModel
import ProcmodSimulation
import ProcmodTestSupport
import Testing

/// Arrival profiles, fixed arrival lists and online-system outages.
@Suite struct ArrivalAndOutageTests {
    static func model(arrivals: String = "", availability: String = "", volume: Int = 5000) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <procedure xmlns="urn:procmod:procedure:1" code="A" name-en="Arrivals" level="commune">
          <volume per-year="\(volume)"/>
          \(arrivals)
          <result document="r"/>
          <channels><channel id="c" kind="online" share="1"/></channels>
          <calendars><calendar id="office"><hours days="mon tue wed thu fri" from="08:00" to="16:00"/></calendar></calendars>
          <actors>
            <actor id="desk" name-en="Desk" kind="reception-desk" capacity="unlimited" calendar="office"/>
            <actor id="portal" name-en="Portal" kind="online-system" capacity="1">\(availability)</actor>
          </actors>
          <documents><document id="r" name-en="R" kind="result" medium="electronic"/></documents>
          <flow>
            <step id="take" name-en="Take" kind="receive" actor="desk"><work unit="minutes"><fixed value="1"/></work></step>
            <step id="process" name-en="Process" kind="record" actor="portal">
              <work unit="minutes"><exponential mean="30"/></work><produces document="r" medium="electronic"/>
            </step>
            <end id="done"/>
          </flow>
        </procedure>
        """
    }

    func arrivalDates(_ xml: String, cases: Int) throws -> [String] {
        let procedure = try #require(TestSupport.load(xml).procedure)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.csv").path
        let options = SimulationOptions(cases: cases, replications: 1, seed: 3)
        let log = try EventLogWriter(path: path, startDate: options.startDate)
        _ = try Simulator(options: options).run(procedure, eventLog: log)
        try log.finish()
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
            .filter { $0.contains(",take,") }.map { String($0.split(separator: ",")[5].prefix(19)) }
    }

    @Test func weekdayWeightsShiftArrivals() throws {
        let xml = Self.model(arrivals: #"<arrivals><weekday day="mon" weight="3"/></arrivals>"#)
        let dates = try arrivalDates(xml, cases: 4000)
        let mondays = dates.filter { LocalDate(String($0.prefix(10)))?.weekday == .mon }.count
        // Monday weight 3 against 1 on Tuesday–Friday: 3/7 of arrivals.
        #expect(abs(Double(mondays) / Double(dates.count) - 3.0 / 7) < 0.03, "\(mondays) of \(dates.count)")
    }

    @Test func hourWeightsShiftArrivals() throws {
        let xml = Self.model(arrivals: #"<arrivals><hours from="08:00" to="10:00" weight="4"/></arrivals>"#)
        let dates = try arrivalDates(xml, cases: 4000)
        let early = dates.filter { $0.dropFirst(11).prefix(2) < "10" }.count
        // 2 h at weight 4 against 6 h at weight 1: 8/14 of arrivals before 10:00.
        #expect(abs(Double(early) / Double(dates.count) - 8.0 / 14) < 0.03, "\(early) of \(dates.count)")
    }

    @Test func profilesKeepTheAnnualVolume() throws {
        let xml = Self.model(arrivals: #"<arrivals><month number="1" weight="5"/><weekday day="fri" weight="0.2"/></arrivals>"#)
        let procedure = try #require(TestSupport.load(xml).procedure)
        let report = try Simulator(options: SimulationOptions(cases: nil, horizonDays: 365, replications: 40, seed: 2)).run(procedure)
        let done = try #require(report.kpis["cases"]), open = try #require(report.kpis["workInProgressAtEnd"])
        // The weights are normalised over the first 365 days, whose open time is 261 days of 480 minutes
        // against 260.9 in an average year: 5,002 arrivals. A busy January at both ends of the year leaves
        // a queue at the portal, so arrivals = finished + still open at the end.
        let arrived = done.mean + open.mean
        #expect(abs(arrived - 5000 * 261 / (5 * 365.25 / 7)) < 2.5 * (done.halfWidth + open.halfWidth),
                "\(done.mean) ± \(done.halfWidth) done, \(open.mean) open")
    }

    @Test func fixedArrivalsReplacePoisson() throws {
        let xml = Self.model(arrivals: #"<arrivals><at time="2026-01-05T09:00"/><at time="2026-01-06T14:30"/></arrivals>"#)
        let dates = try arrivalDates(xml, cases: 100)
        #expect(dates == ["2026-01-05T09:00:00", "2026-01-06T14:30:00"])
    }

    @Test func outagesMakeCasesWait() throws {
        let options = SimulationOptions(cases: 3000, replications: 6, seed: 4)
        let up = try #require(TestSupport.load(Self.model(volume: 20_000)).procedure)
        let failing = try #require(TestSupport.load(Self.model(availability: #"<availability mtbf-hours="20" mttr-hours="4"/>"#,
                                                               volume: 20_000)).procedure)
        let a = try #require(try Simulator(options: options).run(up).actors["portal"]?["meanWaitMinutes"])
        let b = try #require(try Simulator(options: options).run(failing).actors["portal"]?["meanWaitMinutes"])
        #expect(b.low > a.high, "with outages \(b.mean) ± \(b.halfWidth), without \(a.mean) ± \(a.halfWidth)")
    }
}
