import ArgumentParser
import Foundation
import ProcmodModel

/// Writes to standard output and error, with colour only on a terminal and never under NO_COLOR.
enum Terminal {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes `text` to standard output as it is (no newline added).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` to the file at `path` atomically (a temporary file renamed into place), so a
    /// failed run never leaves a half-written file behind. Refuses (exit 64) a path that names one of
    /// the command's `inputs`: procmod never overwrites what it reads.
    static func save(_ text: String, to path: String, inputs: [String]) throws {
        try refuseOverwriting(inputs, with: path)
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch { throw cannotWrite(path) }
    }

    /// Says why `path` cannot be written and returns exit 73.
    static func cannotWrite(_ path: String) -> ExitCode {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        let reason = !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue
            ? "the directory \(directory) does not exist"
            : "the directory \(directory) is not writable, or the disk is full"
        err("procmod: cannot write \(path): \(reason)")
        return ExitCodes.cannotWrite
    }

    /// Throws exit 64, with a message, when `output` names one of `inputs` (after `.`/`..` and symlinks).
    static func refuseOverwriting(_ inputs: [String], with output: String) throws {
        func resolved(_ p: String) -> URL { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath() }
        let target = resolved(output)
        guard inputs.contains(where: { resolved($0) == target }) else { return }
        err("procmod: \(output) is one of the command's input files; procmod never overwrites its input")
        throw ExitCode(64)
    }

    static let useColor: Bool = {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
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
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
