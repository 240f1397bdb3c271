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
import ProcmodAnalysis
import ProcmodModel

/// A team's settings for a repository of procedures: `.procmod.json`, found in the working directory
/// or the nearest folder above it (docs/configuration.md). Options on the command line win over it;
/// it wins over procmod's defaults. `PROCMOD_LANG` wins over its `lang`.
struct ProjectConfig: Decodable, Sendable {
    /// The language of every command's text, Markdown and HTML output.
    var lang: Language?
    var analyze: AnalyzeSettings?

    struct AnalyzeSettings: Decodable, Sendable {
        /// `recommended` or `strict`.
        var preset: String?
        /// Rule id → `error`, `warning`, `note` or `off`.
        var rules: [String: String]?
        var highUtilisation: Double?
        var maxVisits: Double?
        /// `error`, `warning`, `note` or `never`.
        var failOn: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case preset, rules, highUtilisation, maxVisits, failOn }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case lang, analyze }

    /// The file name procmod looks for.
    static let fileName = ".procmod.json"

    /// The configuration in force and where it came from (nil when there is none), read once.
    static let current: (config: ProjectConfig, path: String)? = {
        guard let path = find(from: FileManager.default.currentDirectoryPath) else { return nil }
        switch load(path: path) {
        case .success(let config): return (config, path)
        case .failure(let error):
            Terminal.err("\(path): \(Terminal.paint("error:", "1;31")) \(error.message) [config]")
            exit(65)
        }
    }()

    /// `.procmod.json` in `folder` or the nearest folder above it.
    static func find(from folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    struct Problem: Error { var message: String }

    /// Reads and checks a configuration: unknown keys, values and rule ids are errors, each named.
    static func load(path: String) -> Result<ProjectConfig, Problem> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(Problem(message: "cannot be read")) }
        let keys: SettingNames
        do { keys = try JSONDecoder().decode(SettingNames.self, from: data) } catch {
            if case DecodingError.typeMismatch = error { return .failure(Problem(message: "must hold a JSON object")) }
            return .failure(Problem(message: "is not valid JSON"))
        }
        var problems: [String] = []
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        for key in keys.top.sorted() where !known.contains(key) {
            problems.append("unknown setting '\(key)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        if let analyze = keys.analyze {
            let knownAnalyze = Set(AnalyzeSettings.CodingKeys.allCases.map(\.rawValue))
            for key in analyze.sorted() where !knownAnalyze.contains(key) {
                problems.append("unknown setting 'analyze.\(key)' (known: \(knownAnalyze.sorted().joined(separator: ", ")))")
            }
        }
        let config: ProjectConfig
        do { config = try JSONDecoder().decode(ProjectConfig.self, from: data) } catch {
            return .failure(Problem(message: (problems + ["a setting has the wrong type (\(Self.describe(error)))"]).joined(separator: "; ")))
        }
        if let a = config.analyze {
            if let p = a.preset, Preset(rawValue: p) == nil { problems.append("analyze.preset is '\(p)': expected recommended or strict") }
            if let f = a.failOn, FailOn(rawValue: f) == nil { problems.append("analyze.failOn is '\(f)': expected error, warning, note or never") }
            if let u = a.highUtilisation, !(0...1).contains(u) { problems.append("analyze.highUtilisation is \(u): expected 0 to 1") }
            if let v = a.maxVisits, !(0...1_000).contains(v) { problems.append("analyze.maxVisits is \(v): expected 0 to 1000") }
            for (rule, severity) in (a.rules ?? [:]).sorted(by: { $0.key < $1.key }) {
                if RuleCatalog.rule(rule) == nil { problems.append("analyze.rules names unknown rule '\(rule)'" + RuleID.suggestion(rule)) }
                if Severity(rawValue: severity) == nil {
                    problems.append("analyze.rules.\(rule) is '\(severity)': expected error, warning, note or off")
                }
            }
        }
        return problems.isEmpty ? .success(config) : .failure(Problem(message: problems.joined(separator: "; ")))
    }

    /// The keys a configuration file sets, at the top and under `analyze` (when that is an object), so
    /// unknown ones can be named before the typed decoding.
    struct SettingNames: Decodable {
        var top: [String]
        var analyze: [String]?

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            top = container.allKeys.map(\.stringValue)
            analyze = (try? container.nestedContainer(keyedBy: Key.self, forKey: Key(stringValue: "analyze")))?.allKeys.map(\.stringValue)
        }
    }

    /// A JSON decoding error as one line: where in the file and what was wrong.
    static func describe(_ error: Error) -> String {
        guard let e = error as? DecodingError else { return "\(error)" }
        switch e {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : path + ": ") + c.debugDescription
        case .keyNotFound(let key, _): return "missing \(key.stringValue)"
        @unknown default: return "\(error)"
        }
    }
}
