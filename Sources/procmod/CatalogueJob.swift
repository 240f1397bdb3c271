import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProcmodCatalogue
import ProcmodLoader
import ProcmodLocalization
import ProcmodModel
import ProcmodSimulation
import ProcmodSpreadsheet

/// Formats of the portfolio report.
enum PortfolioFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html, xlsx
}

/// A shard of a catalogue run: `--shard 2/7`.
struct Shard: ExpressibleByArgument, Equatable {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 10_000, (1...n).contains(i) else { return nil }
        index = i
        count = n
    }
}

/// A cut as a share: `30%` or `0.3`.
func parseCut(_ text: String) throws -> Double {
    let percent = text.hasSuffix("%")
    guard let x = Double(percent ? String(text.dropLast()) : text), x.isFinite else {
        throw ValidationError("a target is a cut like 30% or 0.3, not '\(text)'")
    }
    let share = percent || x > 1 ? x / 100 : x
    guard share > 0 && share <= 1 else { throw ValidationError("a target cut lies above 0% and at most 100%, not '\(text)'") }
    return share
}

/// One catalogue run as `simulate`, `report` and `merge` do it: load the catalogue, apply the
/// scenarios, simulate (all replications, one shard's, or those merged from shards), build the
/// portfolio.
struct CatalogueJob {
    var path: String
    var scenario: String?
    var options: SimulationOptions?
    var targetCost: Double?
    var targetTime: Double?
    var maximumFileSize: Int
    /// False for `simulate`: the catalogue as it is, the entries' own scenarios left out.
    var applyScenarios = true

    struct Loaded {
        var before: CatalogueSite
        var after: CatalogueSite
        var levers: [AppliedLevers]
        var paths: [String]
        var scenarioName: LocalizedName?
        var fingerprint: String
    }

    /// Loads everything, printing every problem of every file; throws when any is an error.
    func load() throws -> Loaded {
        let loaded = CatalogueLoader(maximumFileSize: maximumFileSize).load(path: path)
        var diagnostics = loaded.diagnostics
        var wide: Scenario?
        var scenarioBytes: [UInt8] = []
        if let scenario {
            let s = ScenarioLoader(maximumFileSize: maximumFileSize).load(path: scenario)
            diagnostics += s.diagnostics
            wide = s.scenario
            scenarioBytes = (try? Array(Data(contentsOf: URL(fileURLWithPath: scenario)))) ?? []
        }
        guard let catalogue = loaded.catalogue, scenario == nil || wide != nil else {
            for d in diagnostics { Terminal.err(Terminal.line(for: d)) }
            throw CLIError.badInput()
        }
        let site = CatalogueSite(catalogue: catalogue, procedures: loaded.procedures)
        // A run that would take hours is refused up front rather than left to look hung.
        if let options {
            let cases = site.procedures.indices.reduce(0) { $0 + site.perYear($1) } * (options.horizonDays ?? 365) / 365
            if cases > Self.maximumCasesPerReplication {
                throw CLIError.usage("\(path): one replication would simulate about \(Int(cases)) cases (the site's cases a year over "
                                     + "\(decimalText(options.horizonDays ?? 365)) days), over the bound of \(Int(Self.maximumCasesPerReplication)): "
                                     + "shorten --horizon, or lower the entries' per-year (a catalogue describes one site)")
            }
        }
        var after = site
        var levers = site.procedures.map { _ in AppliedLevers(applied: [], notApplicable: [], changes: []) }
        var more: [Diagnostic] = []
        if applyScenarios && (wide != nil || loaded.scenarios.contains(where: { $0 != nil })) {
            (after, levers, more) = CatalogueDigitizer().apply(wide, own: loaded.scenarios, to: site)
        }
        for d in diagnostics + more { Terminal.err(Terminal.line(for: d)) }
        if more.containsErrors { throw CLIError.badInput() }
        var files = [path] + loaded.procedurePaths
        files += catalogue.entries.compactMap(\.scenario)
        var bytes = files.map { (try? Array(Data(contentsOf: URL(fileURLWithPath: $0)))) ?? [] }
        bytes.append(scenarioBytes)
        bytes.append(Array("\(targetCost ?? -1) \(targetTime ?? -1) \(options.map { "\($0.horizonDays ?? -1) \($0.warmupDays) \($0.startDate)" } ?? "none")".utf8))
        let named = wide.map(\.name) ?? (applyScenarios && loaded.scenarios.contains { $0 != nil } ? LocalizedName(vi: "Phương án riêng của từng thủ tục", en: "Each procedure's own scenario") : nil)
        return Loaded(before: site, after: after, levers: levers, paths: loaded.procedurePaths, scenarioName: named,
                      fingerprint: fingerprint(bytes))
    }

    /// About two minutes of one core per replication on the development machine (docs/scale.md).
    static let maximumCasesPerReplication = 20_000_000.0

    /// Simulates the replications numbered `indices` (all when nil), with a progress bar.
    func runs(_ loaded: Loaded, indices: [Int]? = nil) throws -> PortfolioRuns {
        let builder = PortfolioBuilder(simulation: options, targetCost: targetCost, targetTime: targetTime)
        let count = (indices?.count ?? options?.replications ?? 0) * (scenarioApplied(loaded) ? 2 : 1)
        let progress = ProgressBar(total: max(count, 1))
        defer { progress.clear() }
        do throws(SimulationError) {
            return try builder.runs(before: loaded.before, after: scenarioApplied(loaded) ? loaded.after : nil, indices: indices) {
                progress.update($0)
            }
        } catch {
            progress.clear()
            throw CLIError(error)
        }
    }

    func scenarioApplied(_ loaded: Loaded) -> Bool { loaded.scenarioName != nil }

    func portfolio(_ loaded: Loaded, runs: PortfolioRuns) -> Portfolio {
        PortfolioBuilder(simulation: options, targetCost: targetCost, targetTime: targetTime)
            .build(before: loaded.before, after: loaded.after, levers: loaded.levers, paths: loaded.paths,
                   scenario: loaded.scenarioName, runs: runs)
    }

    /// Renders the portfolio in `format` and `language` (a text format; xlsx goes through ``emit``).
    static func render(_ portfolio: Portfolio, format: PortfolioFormat, language: Language) throws -> String {
        switch format {
        case .text: return PortfolioTextRenderer(language: language).render(portfolio)
        case .markdown: return PortfolioMarkdownRenderer(language: language).render(portfolio)
        case .json: return try PortfolioJSONRenderer().render(portfolio)
        case .html:
            return PortfolioHTMLRenderer(language: language, date: NumberStyle(language).date(Terminal.today), version: procmodVersion)
                .render(portfolio)
        case .xlsx: throw CLIError.workbookNeedsFile(example: "portfolio.xlsx")
        }
    }

    /// Prints the portfolio's warnings and writes it in `format` to `output` (standard output when nil or
    /// `-`; a workbook needs a file).
    static func emit(_ portfolio: Portfolio, format: PortfolioFormat, language: Language, output: String?, inputs: [String],
                     force: Bool) throws {
        for warning in portfolio.warnings { Terminal.err("\(Terminal.paint("warning:", "1;33")) \(warning) [simulation]") }
        if format == .xlsx {
            guard let output, output != "-" else {
                throw CLIError.workbookNeedsFile(example: "portfolio.xlsx")
            }
            let bytes: [UInt8]
            do { bytes = try PortfolioWorkbook(language: language).bytes(portfolio) } catch { throw CLIError.cannotWrite("\(error)") }
            try Terminal.save(bytes: bytes, to: output, inputs: inputs, force: force)
            Terminal.err("wrote \(output): the procedures in ranking order, the totals and targets, the shared resources")
            return
        }
        let text = try render(portfolio, format: format, language: language)
        if let output, output != "-" { try Terminal.save(text, to: output, inputs: inputs, force: force) } else { Terminal.out(text) }
    }

    /// The whole run: a shard's partial result, or the portfolio in `format`.
    func run(command: String, shard: Shard?, format: PortfolioFormat, language: Language, output: String?, force: Bool) throws {
        let inputs = [path] + (scenario.map { [$0] } ?? [])
        if format == .xlsx && shard == nil && (output == nil || output == "-") {
            throw CLIError.workbookNeedsFile(example: "portfolio.xlsx")
        }
        try Terminal.precheck(output, inputs: inputs, force: force)
        let loaded = try load()
        guard let shard else {
            return try Self.emit(portfolio(loaded, runs: try runs(loaded)), format: format, language: language, output: output,
                                 inputs: inputs, force: force)
        }
        let replications = options?.replications ?? 0
        let indices = PartialResult.indices(shard: shard.index, of: shard.count, replications: replications)
        let runs = options == nil ? PortfolioRuns(before: [], after: nil) : try self.runs(loaded, indices: indices)
        let partial = PartialResult(command: command, catalogue: path, scenario: scenario, fingerprint: loaded.fingerprint,
                                    shard: shard.index, shards: shard.count, options: options ?? SimulationOptions(replications: 0),
                                    targetCost: targetCost, targetTime: targetTime, noSimulation: options == nil, runs: runs)
        let text = try partial.json()
        Terminal.err("shard \(shard.index)/\(shard.count): replications \(indices.map { "\($0 + 1)" }.joined(separator: ", ")) "
                     + "of \(replications); combine the shards with `procmod merge`")
        if let output, output != "-" { try Terminal.save(text, to: output, inputs: inputs, force: force) } else { Terminal.out(text) }
    }

    /// The simulation options of a catalogue run: one year (or `horizon` days) from `start`, every case
    /// that arrives in it.
    static func options(replications: Int, seed: UInt64, horizon: Double?, warmup: Double, start: LocalDate, threads: Int?) -> SimulationOptions {
        SimulationOptions(cases: nil, horizonDays: horizon ?? 365, replications: replications, seed: seed, warmupDays: warmup,
                          startDate: start, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }
}

extension Procmod {
    /// `procmod merge`: the shards of a catalogue run combined into the run's report.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Combine the partial results of a sharded catalogue run into its report, byte for byte as one run.",
            discussion: """
                Each shard of `procmod simulate|report CATALOGUE --shard I/N -o part-I.json` simulates
                every N-th replication. Merge checks that the parts are the shards of the same inputs,
                each once, then writes exactly what the run without --shard writes. See docs/scale.md.

                Examples:
                  procmod merge part-1.json part-2.json part-3.json
                  procmod merge --format html --lang vi -o bao-cao.html parts/*.json
                  procmod merge --format xlsx --lang vi -o ke-hoach.xlsx parts/*.json
                """
        )

        @Argument(help: ArgumentHelp("Partial results of the shards.", valueName: "part.json"), completion: .file(extensions: ["json"]))
        var parts: [String]

        @Option(help: "Output format: text, markdown, json, html, or xlsx (a workbook; needs -o).")
        var format: PortfolioFormat = .text

        @Option(help: "Language of labels and names: vi or en.")
        var lang: Language = .fromEnvironment

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the report here (atomically) instead of standard output.", valueName: "file"),
                completion: .file())
        var output: String?

        @Flag(help: "Replace the output file even when it is read-only.")
        var force = false

        @OptionGroup var load: LoadOptions

        func run() throws {
            guard !parts.isEmpty else { throw CLIError.usage("give the partial results to merge") }
            try Terminal.precheck(output, inputs: parts, force: force)
            var decoded: [(path: String, partial: PartialResult)] = []
            for path in parts {
                guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.badInput("\(path): cannot be read") }
                do { decoded.append((path, try JSONDecoder().decode(PartialResult.self, from: data))) } catch {
                    throw CLIError.badInput("\(path): not a procmod partial result (\(ProjectConfig.describe(error)))")
                }
            }
            let (first, runs): (PartialResult, PortfolioRuns)
            do throws(MergeError) { (first, runs) = try PartialResult.merge(decoded) } catch { throw CLIError.badInput(error.description) }
            guard let start = LocalDate(first.startDate) else { throw CLIError.badInput("\(parts[0]): bad start date \(first.startDate)") }
            let options = first.noSimulation ? nil : CatalogueJob.options(replications: first.replications, seed: first.seed,
                                                                         horizon: first.horizonDays, warmup: first.warmupDays, start: start, threads: 1)
            let job = CatalogueJob(path: first.catalogue, scenario: first.scenario, options: options, targetCost: first.targetCost,
                                   targetTime: first.targetTime, maximumFileSize: load.bytes, applyScenarios: first.command == "report")
            let loaded = try job.load()
            guard loaded.fingerprint == first.fingerprint else {
                throw CLIError.badInput("the catalogue \(first.catalogue), its procedures or scenarios, changed since the shards ran "
                                        + "(inputs \(loaded.fingerprint), shards \(first.fingerprint)): run the shards again")
            }
            try CatalogueJob.emit(job.portfolio(loaded, runs: runs), format: format, language: lang, output: output, inputs: parts,
                                  force: force)
        }
    }
}
