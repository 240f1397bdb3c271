/// A place in a source file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The file's path as the user named it.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars from the start of the line.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A location for values that were not read from a file (built in code).
    public static let unknown = SourceLocation(file: "<memory>", line: 0, column: 0)

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// A problem found in a procedure file, printed as `path:line:col: severity: message [code]`.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A short kebab-case identifier of the kind of problem (`schema`, `unknown-reference`, ...).
    public var code: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, code: String) {
        self.severity = severity
        self.location = location
        self.message = message
        self.code = code
    }

    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(code)]"
    }

    /// Diagnostics sort by file, line, column, then severity and message, so output is stable;
    /// notes about the file as a whole come last.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if (a.severity == .note) != (b.severity == .note) { return b.severity == .note }
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity < b.severity }
        return (a.message, a.code) < (b.message, b.code)
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
