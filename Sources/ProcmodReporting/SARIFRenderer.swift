public import ProcmodAnalysis
public import ProcmodModel

/// SARIF 2.1.0, for code-scanning tools and editors.
public struct SARIFRenderer: AnalysisRenderer {
    public var version: String
    /// Errors of files that could not be read: reported as results of the rule `invalid-procedure`.
    public var invalid: [Diagnostic]

    public init(version: String, invalid: [Diagnostic] = []) {
        self.version = version
        self.invalid = invalid
    }

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable { var tool: Tool; var results: [Result] }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name = "procmod"
        var version: String
        var rules: [RuleDescriptor]
    }
    struct Text: Encodable { var text: String }
    struct RuleDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Help
        var defaultConfiguration: Configuration
        var properties: [String: String]
    }
    struct Configuration: Encodable { var level: String }
    struct Help: Encodable { var text: String; var markdown: String }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var properties: Saving?
    }
    struct Location: Encodable { var physicalLocation: Physical }
    struct Physical: Encodable { var artifactLocation: Artifact; var region: Region }
    struct Artifact: Encodable { var uri: String }
    struct Region: Encodable { var startLine: Int; var startColumn: Int }

    /// What the rule finds, why, its fix and its legal basis: what a code-scanning tool shows beside a result.
    static func help(_ rule: any Rule) -> Help {
        let legal = rule.legalBasis.isEmpty ? "" : "Legal basis: " + rule.legalBasis.joined(separator: "; ") + "."
        let fix = rule.fix == nil ? "No automatic fix: change the model with levers (docs/scenarios.md)."
            : "`<fix rule=\"\(rule.id)\"/>` in a scenario applies the fix (docs/scenarios.md)."
        return Help(text: [rule.summary, rule.rationale, legal, fix.replacingEvery("`", with: "")].filter { !$0.isEmpty }.joined(separator: " "),
                    markdown: "**\(rule.name)** (`\(rule.id)`): \(rule.summary)\n\n\(rule.rationale)\n\n" + (legal.isEmpty ? "" : legal + "\n\n") + fix
                        + "\n\nSee docs/rules.md.")
    }

    public func render(_ reports: [AnalysisReport]) throws -> String {
        let rules = RuleCatalog.all
        let descriptors = rules.map {
            RuleDescriptor(id: $0.id, name: $0.name, shortDescription: Text(text: $0.summary),
                           fullDescription: Text(text: $0.rationale + ($0.legalBasis.isEmpty ? "" : " Legal basis: "
                                                                        + $0.legalBasis.joined(separator: "; ") + ".")),
                           help: Self.help($0),
                           defaultConfiguration: Configuration(level: $0.defaultSeverity.rawValue),
                           properties: ["category": $0.category.rawValue])
        } + [RuleDescriptor(id: "invalid-procedure", name: "Invalid procedure file",
                            shortDescription: Text(text: "The file is not a valid procmod procedure."),
                            fullDescription: Text(text: "The loader refused the file: its XML, the schema or a semantic check failed. Nothing else was analyzed in it."),
                            help: Help(text: "Fix the error at the location given; `procmod validate FILE` lists every problem.",
                                       markdown: "Fix the error at the location given; `procmod validate FILE` lists every problem (docs/dsl.md)."),
                            defaultConfiguration: Configuration(level: "error"), properties: ["category": "structure"])]
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let results = reports.flatMap { report in
            report.findings.map { f in
                Result(ruleId: f.rule, ruleIndex: index[f.rule] ?? 0, level: f.severity.rawValue, message: Text(text: f.message),
                       locations: [Location(physicalLocation: Physical(artifactLocation: Artifact(uri: f.location.file),
                                                                      region: Region(startLine: f.location.line,
                                                                                     startColumn: f.location.column)))],
                       properties: f.saving)
            }
        }
        let invalidResults = invalid.map { d in
            Result(ruleId: "invalid-procedure", ruleIndex: descriptors.count - 1, level: "error", message: Text(text: d.message + " [\(d.code)]"),
                   locations: [Location(physicalLocation: Physical(artifactLocation: Artifact(uri: d.location.file),
                                                                  region: Region(startLine: max(d.location.line, 1), startColumn: max(d.location.column, 1))))],
                   properties: nil)
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: version, rules: descriptors)), results: results + invalidResults)])
        return try jsonText(log)
    }
}
