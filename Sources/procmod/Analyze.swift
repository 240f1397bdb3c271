import ArgumentParser
import ProcmodAnalysis
import ProcmodLoader
import ProcmodLocalization
import ProcmodModel
import ProcmodReporting

extension Severity: ExpressibleByArgument {}
extension Preset: ExpressibleByArgument {}

/// The severity from which `procmod analyze` exits 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case error, warning, note, never
}

extension FailOn {
    var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .note: .note
        case .never: nil
        }
    }
}

/// Formats of `procmod analyze`.
enum AnalysisFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, sarif
}

extension Procmod {
    /// `procmod analyze`: redundant paper, bottlenecks and metrics.
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analyze",
            abstract: "Find redundant paper steps and bottlenecks, with what removing each would save.",
            discussion: """
                Findings print as path:line:col: severity: message [rule-id], each with its saving per case
                and per year (Standard Cost Model), then a metrics table per procedure.
                Exit status: 0 when no finding is at the --fail-on severity or above (default error), 1 when one is,
                65 for invalid files. --exit-zero (the same as --fail-on never) keeps a CI step that uploads SARIF going.

                Examples:
                  procmod analyze procedures/
                  procmod analyze --preset strict --disable unnamed-element FILE
                  procmod analyze --format sarif --exit-zero procedures/ > procmod.sarif
                  procmod analyze --enable wet-signature=error procedures/
                """
        )

        @Argument(help: ArgumentHelp("Procedure files or directories.", valueName: "file-or-dir"), completion: .file(extensions: ["xml"]))
        var paths: [String]

        @Option(help: "Output format: text, json, markdown or sarif.")
        var format: AnalysisFormat = .text

        @Option(help: "Language of text and Markdown output: vi or en (default: PROCMOD_LANG, else the locale). JSON and SARIF keep English messages and add each finding's catalog message.")
        var lang: Language = .fromEnvironment

        @Option(help: "Exit 1 when a finding is at this severity or above: error (default), warning, note, or never.")
        var failOn: FailOn?

        @Flag(help: "Exit 0 whatever the findings (the same as --fail-on never), as linters offer for SARIF uploads.")
        var exitZero = false

        @Option(help: "Severity preset: recommended (default) or strict.")
        var preset: Preset?

        @Option(name: .customLong("enable"), help: ArgumentHelp("Run a rule, optionally at a severity: ID or ID=error|warning|note.", valueName: "rule"),
                completion: .list(RuleCatalog.all.map(\.id)), transform: RuleSetting.parse)
        var enabled: [RuleSetting] = []

        @Option(name: .customLong("disable"), help: ArgumentHelp("Do not run a rule.", valueName: "rule"),
                completion: .list(RuleCatalog.all.map(\.id)), transform: RuleID.parse)
        var disabled: [RuleID] = []

        @Option(help: "Utilisation from which high-utilisation reports (default 0.85).")
        var highUtilisation: Double?

        @Option(help: "Most applicant visits before too-many-visits reports (default 1).")
        var maxVisits: Double?

        @Option(help: ArgumentHelp("Judge obsolete documents at this date instead of the model's as-of (default 2026-01-05).",
                                   valueName: "YYYY-MM-DD"), transform: LocalDate.parseArgument)
        var asOf: LocalDate?

        @OptionGroup var load: LoadOptions

        func validate() throws {
            if let highUtilisation, !(0...1).contains(highUtilisation) { throw ValidationError("--high-utilisation must be between 0 and 1") }
            if let maxVisits, !(maxVisits >= 0 && maxVisits <= 1_000) { throw ValidationError("--max-visits must be from 0 to 1000") }
        }

        /// `.procmod.json`'s analyze settings (checked when it was read).
        private var settings: ProjectConfig.AnalyzeSettings? { ProjectConfig.current?.config.analyze }

        /// The command line's options over the configuration file's over the defaults.
        var configuration: AnalyzerConfiguration {
            var overrides: [String: Severity] = [:]
            for (rule, severity) in settings?.rules ?? [:] { overrides[rule] = Severity(rawValue: severity) }
            for setting in enabled { overrides[setting.rule] = setting.severity }
            for id in disabled { overrides[id.id] = .off }
            var options = RuleOptions()
            options.highUtilisation = highUtilisation ?? settings?.highUtilisation ?? 0.85
            options.maxVisits = maxVisits ?? settings?.maxVisits ?? 1
            options.asOf = asOf
            let preset = preset ?? settings?.preset.flatMap(Preset.init(rawValue:)) ?? .recommended
            return AnalyzerConfiguration(preset: preset, overrides: overrides, options: options)
        }

        var failThreshold: FailOn { failOn ?? settings?.failOn.flatMap(FailOn.init(rawValue:)) ?? .error }

        func run() throws {
            let loaded = ProcedureLoader(maximumFileSize: load.bytes).loadAll(paths)
            if loaded.isEmpty {
                throw CLIError.badInput("no *.xml files found in " + paths.joined(separator: ", "))
            }
            for result in loaded { for d in result.diagnostics { Terminal.err(Terminal.line(for: d)) } }
            let analyzer = Analyzer(configuration: configuration)
            let reports = loaded.compactMap { result in result.procedure.map { analyzer.analyze($0, path: result.path) } }
            // English output names elements by their ids, as the file does; Vietnamese output by the model's
            // Vietnamese names (the ids are English words), with line and column to find them in the file.
            var names: [String: NameBook] = [:]
            if lang == .vi { for result in loaded { if let p = result.procedure { names[result.path] = NameBook(p) } } }
            let renderer: any AnalysisRenderer
            switch format {
            case .text: renderer = TextAnalysisRenderer(colored: Terminal.useColor, language: lang, names: names)
            case .json: renderer = JSONAnalysisRenderer()
            case .markdown: renderer = MarkdownAnalysisRenderer(language: lang, names: names)
            case .sarif:
                // Files that could not be read are results too, so that a code-scanning tool shows them.
                renderer = SARIFRenderer(version: procmodVersion,
                                         invalid: loaded.filter { $0.procedure == nil }.flatMap { $0.diagnostics.filter { $0.severity == .error } })
            }
            Terminal.out(try renderer.render(reports))
            if format == .text {
                let all = reports.flatMap(\.findings)
                let count = { (s: Severity) in "\(all.filter { $0.severity == s }.count)" }
                Terminal.out("\n" + Localizer(lang).text("analysis.summary", ["errors": count(.error), "warnings": count(.warning),
                                                                           "notes": count(.note), "procedures": "\(reports.count)"]))
            }
            if loaded.contains(where: { $0.procedure == nil }) && !exitZero { throw CLIError.badInput() }
            let threshold: Severity? = exitZero ? nil : failThreshold.severity
            if let threshold, reports.contains(where: { $0.findings.contains { $0.severity <= threshold } }) { throw CLIError.findings }
        }
    }

    /// `procmod rules`: list and explain the rules.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List the analyzer's rules, or explain one.",
            discussion: """
                Examples:
                  procmod rules
                  procmod rules certified-copy
                  procmod rules --markdown > docs/rules.md
                """
        )

        @Argument(help: "A rule id to explain.", completion: .list(RuleCatalog.all.map(\.id)))
        var id: String?

        @Flag(help: "Print the whole catalog as Markdown (docs/rules.md).")
        var markdown = false

        func run() throws {
            if markdown {
                Terminal.write(RuleDocumentation.markdown)
                return
            }
            if let id {
                guard let rule = RuleCatalog.rule(id) else {
                    throw CLIError.usage("unknown rule '\(id)'" + RuleID.suggestion(id) + "; `procmod rules` lists them")
                }
                Terminal.out(RuleDocumentation.text(rule))
                return
            }
            for rule in RuleCatalog.all {
                Terminal.out(pad(rule.id, 28) + pad(rule.defaultSeverity.rawValue, 9) + pad(rule.category.rawValue, 16) + rule.summary)
            }
        }
    }
}

/// A rule id as given to `--disable`: checked against the catalog when the option is parsed.
struct RuleID {
    var id: String

    static func parse(_ argument: String) throws -> RuleID {
        guard RuleCatalog.rule(argument) != nil else {
            throw ValidationError("unknown rule '\(argument)'" + RuleID.suggestion(argument) + "; `procmod rules` lists them")
        }
        return RuleID(id: argument)
    }

    /// "; did you mean 'certified-copy'?" for a rule id a letter or two away from one, else "".
    static func suggestion(_ id: String) -> String {
        let best = RuleCatalog.all.map(\.id).min { editDistance(id, $0) < editDistance(id, $1) }
        guard let best, editDistance(id, best) <= max(2, id.count / 4) else { return "" }
        return " (did you mean '\(best)'?)"
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        guard !x.isEmpty else { return y.count }
        var row = Array(0...y.count)
        for i in 1...x.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[y.count]
    }
}

/// `--enable ID` or `--enable ID=error|warning|note`, parsed once: the rule and the severity to run it at.
struct RuleSetting {
    var rule: String
    var severity: Severity

    static func parse(_ argument: String) throws -> RuleSetting {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let id = parts.first ?? ""
        guard let rule = RuleCatalog.rule(id) else {
            throw ValidationError("unknown rule '\(id)'" + RuleID.suggestion(id) + "; `procmod rules` lists them")
        }
        guard parts.count == 2 else { return RuleSetting(rule: id, severity: rule.defaultSeverity) }
        guard let severity = Severity(rawValue: parts[1]), severity != .off else {
            throw ValidationError("'\(argument)': the severity must be error, warning or note")
        }
        return RuleSetting(rule: id, severity: severity)
    }
}
