public import ProcmodAnalysis
import Foundation

/// SARIF 2.1.0, for code-scanning tools and editors.
public struct SARIFRenderer: AnalysisRenderer {
    public var version: String

    public init(version: String) { self.version = version }

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
        var defaultConfiguration: Configuration
        var properties: [String: String]
    }
    struct Configuration: Encodable { var level: String }
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

    public func render(_ reports: [AnalysisReport]) throws -> String {
        let rules = RuleCatalog.all
        let descriptors = rules.map {
            RuleDescriptor(id: $0.id, name: $0.name, shortDescription: Text(text: $0.summary),
                           fullDescription: Text(text: $0.rationale + ($0.legalBasis.isEmpty ? "" : " Legal basis: "
                                                                        + $0.legalBasis.joined(separator: "; ") + ".")),
                           defaultConfiguration: Configuration(level: $0.defaultSeverity.rawValue),
                           properties: ["category": $0.category.rawValue])
        }
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
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: version, rules: descriptors)), results: results)])
        return try jsonText(log)
    }
}
