import Foundation
import ProcmodBPMN
import ProcmodLoader
import ProcmodModel
import ProcmodSimulation
import ProcmodTestSupport
import Testing

/// Prosimos interop (issue 14 §4): the simulation parameters in Prosimos' JSON format, and the same
/// model run in Prosimos and in procmod giving the same mean cycle time.
@Suite struct ProsimosTests {
    /// A model within Prosimos' range: always-open calendars, exponential work, a rework loop.
    static let model = QueueModels.xml(lambda: 0.35, stations: [(1, 1.0), (2, 2.5), (1, 1.2)], rework: (from: 1, to: 0, p: 0.1))

    static let prosimos: String? = {
        let candidates = [ProcessInfo.processInfo.environment["PROCMOD_PROSIMOS"], "/tmp/prosimos-venv/bin/prosimos"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    func load(_ xml: String) throws -> Procedure {
        try #require(ProcedureLoader().load(bytes: Array(xml.utf8), path: "queue.xml").procedure)
    }

    /// Every section Prosimos reads, with ids that are the BPMN file's, and branching probabilities that
    /// sum to 1 per gateway.
    @Test func theParametersMatchTheBPMN() throws {
        let p = try load(try String(contentsOfFile: TestSupport.path("procedures/judicial-record.xml"), encoding: .utf8))
        let bpmn = BPMNExporter(language: .en, plainTasks: true).export(p)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ProsimosExporter().export(p).utf8)) as? [String: Any])
        for section in ["resource_profiles", "resource_calendars", "arrival_time_calendar", "arrival_time_distribution",
                        "task_resource_distribution", "event_distribution", "gateway_branching_probabilities"] {
            #expect(json[section] != nil, "\(section)")
        }
        let tasks = try #require(json["task_resource_distribution"] as? [[String: Any]])
        #expect(tasks.count == p.flow.steps.count)
        for t in tasks { #expect(bpmn.contains("<bpmn:task id=\"\(t["task_id"] as? String ?? "?")\"")) }
        for g in try #require(json["gateway_branching_probabilities"] as? [[String: Any]]) {
            let probabilities = try #require(g["probabilities"] as? [[String: Any]])
            let total = probabilities.compactMap { $0["value"] as? Double }.reduce(0, +)
            #expect(abs(total - 1) < 1e-9)
            for path in probabilities { #expect(bpmn.contains("id=\"\(path["path_id"] as? String ?? "?")\"")) }
        }
        let events = try #require(json["event_distribution"] as? [[String: Any]])
        #expect(events.count == p.flow.steps.filter { $0.delay != nil }.count + p.flow.steps.filter { p.actors[$0.actor]?.cadence != nil }.count)
    }

    /// The same model in Prosimos (installed from PyPI: `pip install prosimos`; PROCMOD_PROSIMOS names its
    /// command) and in procmod: mean cycle times within 5% (measured: 7.61–7.65 and 7.57 ± 0.08 minutes).
    @Test(.enabled(if: prosimos != nil))
    func prosimosAndProcmodAgree() throws {
        let p = try load(Self.model)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bpmn = directory.appendingPathComponent("q.bpmn"), json = directory.appendingPathComponent("q.json")
        let log = directory.appendingPathComponent("log.csv")
        try BPMNExporter(language: .en, plainTasks: true).export(p).write(to: bpmn, atomically: true, encoding: .utf8)
        try ProsimosExporter().export(p).write(to: json, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.prosimos))
        process.arguments = ["start-simulation", "--bpmn_path", bpmn.path, "--json_path", json.path, "--total_cases", "20000",
                             "--log_out_path", log.path, "--stat_out_path", directory.appendingPathComponent("stat.csv").path,
                             "--starting_at", "2026-01-05T00:00:00+00:00"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // Prosimos' cycle time per case: from the first enablement to the last end.
        var spans: [String: (Double, Double)] = [:]
        // "2026-01-05 00:00:04.989519+00:00" (all in UTC) as seconds.
        func date(_ s: Substring) -> Double? {
            let parts = s.split(separator: " ")
            guard parts.count == 2, let day = LocalDate(parts[0]) else { return nil }
            let clock = parts[1].prefix { $0 != "+" }.split(separator: ":")
            guard clock.count == 3, let h = Double(clock[0]), let m = Double(clock[1]), let sec = Double(clock[2]) else { return nil }
            return Double(day.dayNumber) * 86_400 + h * 3_600 + m * 60 + sec
        }
        for line in try String(contentsOf: log, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count >= 5, let enable = date(f[2]), let end = date(f[4]) else { continue }
            let c = String(f[0])
            let old = spans[c] ?? (enable, end)
            spans[c] = (min(old.0, enable), max(old.1, end))
        }
        #expect(spans.count == 20_000)
        let prosimosMean = spans.values.map { ($0.1 - $0.0) / 60 }.reduce(0, +) / Double(max(spans.count, 1))
        let report = try Simulator(options: SimulationOptions(cases: 20_000, replications: 10, seed: 1, threads: 2)).run(p)
        let procmodMean = try #require(report.kpis[Figure.leadTimeCalendarDays.rawValue]).mean * 1_440
        #expect(abs(prosimosMean / procmodMean - 1) < 0.05, "Prosimos \(prosimosMean) min, procmod \(procmodMean) min")
    }
}
