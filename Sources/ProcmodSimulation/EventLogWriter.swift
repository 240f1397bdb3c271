import Foundation
public import ProcmodModel
public import ProcmodOutput

/// Writes the event log in the process-mining shape: one row per step of each case,
/// `case_id,activity,resource,start,end`, times as ISO 8601 local date-times. Rows stream to a
/// temporary file that replaces the target only when `finish()` succeeds.
public final class EventLogWriter: EventLogSink, @unchecked Sendable {
    private let file: OutputFile
    private let startDay: Int
    private var buffer: [UInt8] = []
    private var failure: OutputError?

    /// Checks the output (never one of `inputs`, never a device or a read-only file unless `force`) and
    /// opens a fresh temporary file beside it.
    public init(path: String, startDate: LocalDate, inputs: [String] = [], force: Bool = false) throws(OutputError) {
        file = try OutputFile(path: path, inputs: inputs, force: force)
        startDay = startDate.dayNumber
        buffer.append(contentsOf: "case_id,activity,resource,start,end\n".utf8)
    }

    func record(caseID: Int, activity: String, resource: String, start: Double, end: Double) {
        buffer.append(contentsOf: "\(caseID),\(Self.field(activity)),\(Self.field(resource)),\(timestamp(start)),\(timestamp(end))\n".utf8)
        if buffer.count > 1 << 20 { flush() }
    }

    private func flush() {
        guard failure == nil else { buffer.removeAll(keepingCapacity: true); return }
        do { try file.write(buffer) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and renames the file into place (one `rename(2)`: readers see the old file or the new one).
    public func finish() throws(OutputError) {
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
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func timestamp(_ minutes: Double) -> String {
        let seconds = Int((minutes * 60).rounded())
        let day = startDay + seconds.floorDiv(86_400)
        let rest = seconds - seconds.floorDiv(86_400) * 86_400
        let date = LocalDate(dayNumber: day)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date)T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))"
    }
}

extension Int {
    func floorDiv(_ d: Int) -> Int { self >= 0 ? self / d : -((-self + d - 1) / d) }
}

extension LocalDate {
    /// The date `dayNumber` days after 1970-01-01 (Howard Hinnant's civil_from_days).
    init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }
}
