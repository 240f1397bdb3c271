import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProcmodModel
import ProcmodOutput
import ProcmodReporting
import ProcmodSimulation

/// Writes to standard output and error, with colour only on a terminal and never under NO_COLOR.
enum Terminal {
    static func out(_ text: String) {
        write(text + "\n", to: STDOUT_FILENO)
    }

    static func err(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Writes `text` to standard output as it is (no newline added).
    static func write(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// Writes all of `text` to a standard stream, again after an interrupted or partial write; stops
    /// when the stream is gone (a closed pipe), as there is no one left to tell.
    static func write(_ text: String, to stream: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(stream, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                offset += n
            }
        }
    }

    /// Writes `text` to the file at `path` atomically (a fresh temporary file renamed into place), so a
    /// failed or interrupted run never leaves a half-written file behind; `-` is standard output. Refuses
    /// (exit 64) a path that is one of `inputs`, and (exit 73) one that is a device, pipe or directory,
    /// one that is read-only unless `force`, or one whose folder does not exist.
    static func save(_ text: String, to path: String, inputs: [String], force: Bool) throws {
        if path == "-" { write(text); return }
        do throws(OutputError) { try OutputFile.write(text, to: path, inputs: inputs, force: force) } catch { throw CLIError(error) }
    }

    /// Writes `bytes` (a binary format) to `path` atomically, like ``save(_:to:inputs:force:)``.
    static func save(bytes: [UInt8], to path: String, inputs: [String], force: Bool) throws {
        do throws(OutputError) {
            let file = try OutputFile(path: path, inputs: inputs, force: force)
            do throws(OutputError) {
                try file.write(bytes)
                try file.commit()
            } catch {
                file.abandon()
                throw error
            }
        } catch { throw CLIError(error) }
    }

    /// Checks an output path before the work that fills it starts, so a bad `-o` is said at once.
    static func precheck(_ path: String?, inputs: [String], force: Bool) throws {
        guard let path, path != "-" else { return }
        do throws(OutputError) { try OutputFile.check(path, inputs: inputs, force: force) } catch { throw CLIError(error) }
    }

    /// The date a report is prepared on: the day `SOURCE_DATE_EPOCH` (seconds since 1970, the
    /// reproducible-builds convention) falls on when it is set, else today, in the local time zone.
    static var today: LocalDate {
        let environment = ProcessInfo.processInfo.environment
        var now = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init).flatMap { abs($0) < 1e12 ? time_t($0.rounded(.down)) : nil } ?? time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return LocalDate(dayNumber: 0) }
        return LocalDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? LocalDate(dayNumber: 0)
    }

    static let useColor: Bool = {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        // FORCE_COLOR (not empty, not 0) colours even a pipe, as CI logs that render colour want.
        if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0" { return true }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }()

    static func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `path:line:col: error: message [code]`, with the severity coloured on a terminal.
    static func line(for diagnostic: Diagnostic) -> String {
        let severity: String
        switch diagnostic.severity {
        case .error: severity = paint("error:", "1;31")
        case .warning: severity = paint("warning:", "1;33")
        case .note: severity = paint("note:", "1;36")
        }
        return "\(paint("\(diagnostic.location):", "1")) \(severity) \(diagnostic.message) [\(diagnostic.code)]"
    }
}

/// JSON with sorted keys and no escaped slashes, so output is byte-stable.
func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    try jsonText(value)
}
