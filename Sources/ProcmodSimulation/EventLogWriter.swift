public import ProcmodModel
public import ProcmodOutput

/// Writes replication 1's event log for process mining (docs/simulation.md, "Event log"): one row per
/// step a case went through and one per delay, with when the step was enabled (the case asked for the
/// actor), when work really started (the next opening, when asked while the actor was closed) and when
/// it ended. Timestamps are ISO 8601 with the model's UTC offset (Vietnam, +07:00). Two formats:
///
/// - CSV: `case_id,activity,activity_name,resource,lifecycle,enabled,start,end` (`lifecycle` is `work`
///   or `delay`; a delay row's resource is empty);
/// - XES (IEEE 1849-2016): one trace per case, a `start` and a `complete` event per row, with
///   `concept:name`, `org:resource`, `lifecycle:transition`, `time:timestamp`, and the enabling time as
///   `procmod:enabled`.
///
/// Rows stream to a temporary file that replaces the target only when `finish()` succeeds.
public final class EventLogWriter: EventLogSink, @unchecked Sendable {
    /// The file formats of the log.
    public enum Format: String, Sendable, CaseIterable {
        case csv, xes
    }

    private let file: OutputFile
    private let format: Format
    private let startDay: Int
    private let offsetMinutes: Int
    private var buffer: [UInt8] = []
    private var failure: OutputError?
    private var activities: [String] = [], names: [String] = [], resources: [String] = []
    /// XES: the events of each case still in the system, written as one trace when the case ends.
    private var traces: [Int: [(time: Double, order: Int, text: String)]] = [:]
    private var order = 0

    /// Checks the output (never one of `inputs`, never a device or a read-only file unless `force`) and
    /// opens a fresh temporary file beside it. The format follows `format`, or the extension (`.xes`).
    public init(path: String, startDate: LocalDate, inputs: [String] = [], force: Bool = false, format: Format? = nil,
                utcOffsetMinutes: Int = 7 * 60) throws(OutputError) {
        file = try OutputFile(path: path, inputs: inputs, force: force)
        self.format = format ?? (path.lowercased().hasSuffix(".xes") ? .xes : .csv)
        startDay = startDate.dayNumber
        offsetMinutes = utcOffsetMinutes
        switch self.format {
        case .csv:
            buffer.append(contentsOf: "case_id,activity,activity_name,resource,lifecycle,enabled,start,end\n".utf8)
        case .xes:
            buffer.append(contentsOf: """
                <?xml version="1.0" encoding="UTF-8"?>
                <log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
                  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
                  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
                  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
                  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
                  <global scope="trace"><string key="concept:name" value=""/></global>
                  <global scope="event"><string key="concept:name" value=""/><string key="lifecycle:transition" value="complete"/><date key="time:timestamp" value="1970-01-01T00:00:00+00:00"/></global>
                  <classifier name="Activity" keys="concept:name"/>

                """.utf8)
        }
    }

    func begin(activities: [String], names: [String], resources: [String]) {
        self.activities = activities
        self.names = names
        self.resources = resources
    }

    func record(caseID: Int, step: Int, kind: EventLogRowKind, enabled: Double, start: Double, end: Double) {
        let activity = activities.indices.contains(step) ? activities[step] : "\(step)"
        let name = names.indices.contains(step) ? names[step] : activity
        let resource = kind == .work && resources.indices.contains(step) ? resources[step] : ""
        switch format {
        case .csv:
            let lifecycle = kind == .work ? "work" : "delay"
            buffer.append(contentsOf: ("\(caseID),\(Self.field(activity)),\(Self.field(name)),\(Self.field(resource)),"
                + "\(lifecycle),\(timestamp(enabled)),\(timestamp(start)),\(timestamp(end))\n").utf8)
        case .xes:
            let label = kind == .work ? activity : activity + " (delay)"
            func event(_ transition: String, _ t: Double) -> String {
                "    <event><string key=\"concept:name\" value=\"\(Self.escaped(label))\"/>"
                    + (resource.isEmpty ? "" : "<string key=\"org:resource\" value=\"\(Self.escaped(resource))\"/>")
                    + "<string key=\"procmod:name\" value=\"\(Self.escaped(name))\"/>"
                    + "<string key=\"lifecycle:transition\" value=\"\(transition)\"/>"
                    + "<date key=\"time:timestamp\" value=\"\(timestamp(t))\"/>"
                    + "<date key=\"procmod:enabled\" value=\"\(timestamp(enabled))\"/></event>\n"
            }
            // Events are kept with their times: a trace is written in time order (a delay's row is recorded
            // when it begins, before rows that end earlier).
            order += 2
            traces[caseID, default: []].append((start, order, event("start", start)))
            traces[caseID, default: []].append((end, order + 1, event("complete", end)))
        }
        if buffer.count > 1 << 20 { flush() }
    }

    func caseFinished(_ caseID: Int) {
        guard format == .xes, let events = traces.removeValue(forKey: caseID) else { return }
        writeTrace(caseID, events)
    }

    private func writeTrace(_ caseID: Int, _ events: [(time: Double, order: Int, text: String)]) {
        buffer.append(contentsOf: "  <trace><string key=\"concept:name\" value=\"\(caseID)\"/>\n".utf8)
        for e in events.sorted(by: { ($0.time, $0.order) < ($1.time, $1.order) }) { buffer.append(contentsOf: e.text.utf8) }
        buffer.append(contentsOf: "  </trace>\n".utf8)
        if buffer.count > 1 << 20 { flush() }
    }

    private func flush() {
        guard failure == nil else { buffer.removeAll(keepingCapacity: true); return }
        do { try file.write(buffer) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and renames the file into place (one `rename(2)`: readers see the old file or the new one).
    public func finish() throws(OutputError) {
        if format == .xes {
            // Cases still open when the run ended, in case order.
            for id in traces.keys.sorted() { writeTrace(id, traces[id] ?? []) }
            traces.removeAll()
            buffer.append(contentsOf: "</log>\n".utf8)
        }
        flush()
        if let failure { throw failure }
        try file.commit()
    }

    /// Leaves the target as it was and removes the temporary file (a run that failed).
    public func abandon() { file.abandon() }

    /// A CSV field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, a quote or
    /// a line break (a step named "Nhận, kiểm tra hồ sơ" stays one field).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingEvery("\"", with: "\"\"") + "\""
    }

    /// Text escaped for an XML attribute value.
    static func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Minutes since the start date as an ISO 8601 local date-time with the model's UTC offset.
    private func timestamp(_ minutes: Double) -> String {
        let seconds = Int((minutes * 60).rounded())
        let day = startDay + seconds.floorDiv(86_400)
        let rest = seconds - seconds.floorDiv(86_400) * 86_400
        let date = LocalDate(dayNumber: day)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "\(date)T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))\(sign)\(two(offset / 60)):\(two(offset % 60))"
    }
}

extension Int {
    func floorDiv(_ d: Int) -> Int { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
