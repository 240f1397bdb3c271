import ArgumentParser
import ProcmodAnalysis
import ProcmodLoader
import ProcmodModel
import ProcmodOutput
import ProcmodReporting
import ProcmodScenario
import ProcmodSpreadsheet
import ProcmodSimulation

/// Formats of the before/after report.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html, svg, xlsx, csv
}

/// Options shared by `compare` and `report`.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: text, markdown, json, html, svg (the charts as files in the folder given with -o), xlsx (the simplification plan and the cost forms; needs -o), or csv (the cost forms).")
    var format: ReportFormat = .text

    @Option(help: "Language of labels and names: vi or en.")
    var lang: Language = .fromEnvironment

    @OptionGroup var sampling: SamplingOptions

    @Flag(help: "Static figures and the waterfall only; no simulation.")
    var noSimulation = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report here (atomically) instead of standard output; - is standard output.", valueName: "file"), completion: .file())
    var output: String?

    @Flag(help: "Replace the output file even when it is read-only.")
    var force = false

    var simulation: SimulationOptions? { noSimulation ? nil : sampling.simulation }

    /// Writes the spreadsheet of the plan and the cost forms (no simulation needed) to `--output`.
    func emitWorkbook(before: Procedure, after: Procedure, changes: [Change], inputs: [String]) throws {
        guard let output, output != "-" else {
            throw CLIError.workbookNeedsFile(example: "plan.xlsx")
        }
        let bytes: [UInt8]
        do { bytes = try PlanWorkbook(language: lang).bytes(before: before, after: after, changes: changes) } catch {
            throw CLIError.cannotWrite("\(error)")
        }
        try Terminal.save(bytes: bytes, to: output, inputs: inputs, force: force)
        Terminal.err("wrote \(output): the simplification plan and the cost forms before and after")
    }

    /// The cost forms before and after as CSV (no simulation needed).
    func emitForms(before: Procedure, after: Procedure, inputs: [String]) throws {
        let text = try CostFormRenderer(format: .csv, language: lang)
            .render(before: ProcedureAnalysis(before).costForm, after: ProcedureAnalysis(after).costForm)
        if let output { try Terminal.save(text, to: output, inputs: inputs, force: force) } else { Terminal.out(text) }
    }

    /// Writes each chart of the report as a standalone SVG file into the folder `--output` names.
    func emitCharts(_ comparison: Comparison, context: ReportContext, inputs: [String]) throws {
        guard let output, output != "-" else {
            throw CLIError.usage("--format svg writes one file per chart: give a folder with -o (e.g. -o figures)")
        }
        let files = ReportFigures(context: context).files(comparison)
        guard !files.isEmpty else { throw CLIError.usage("the report has no chart to write (no simulation and no scenario)") }
        do throws(OutputError) { try OutputFolder.create(output) } catch { throw CLIError(error) }
        for file in files {
            try Terminal.save(file.svg, to: output + "/" + file.name, inputs: inputs, force: force)
        }
        Terminal.err("wrote \(files.map { output + "/" + $0.name }.joined(separator: ", "))")
    }

    /// Renders the comparison to standard output or `--output`, never over one of `inputs`.
    func emit(_ comparison: Comparison, before: Procedure, after: Procedure, inputs: [String]) throws {
        for warning in comparison.warnings ?? [] {
            Terminal.err("\(inputs[0]): \(Terminal.paint("warning:", "1;33")) \(warning) [simulation]")
        }
        let context = ReportContext(language: lang, before: before, after: after, date: Terminal.today, version: procmodVersion)
        let renderer: any ComparisonRenderer
        switch format {
        case .text: renderer = TextComparisonRenderer(context: context, colored: output == nil && Terminal.useColor)
        case .markdown: renderer = MarkdownComparisonRenderer(context: context)
        case .json: renderer = JSONComparisonRenderer()
        case .xlsx: return try emitWorkbook(before: before, after: after, changes: [], inputs: inputs)
        case .csv: return try emitForms(before: before, after: after, inputs: inputs)
        case .svg: return try emitCharts(comparison, context: context, inputs: inputs)
        case .html: renderer = HTMLComparisonRenderer(context: context, afterSteps: after.flow.steps.map(\.id))
        }
        let text = try renderer.render(comparison)
        if let output {
            try Terminal.save(text.hasSuffix("\n") ? text : text + "\n", to: output, inputs: inputs, force: force)
        } else {
            Terminal.out(text)
        }
    }
}

extension Procmod {
    /// `procmod compare`: two versions of a procedure side by side.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Compare two versions of a procedure: static figures, and simulated ones with paired confidence intervals.",
            discussion: """
                Examples:
                  procmod compare procedures/passport.xml after.xml
                  procmod compare --format html -o report.html before.xml after.xml
                """
        )

        @Argument(help: ArgumentHelp("The procedure before.", valueName: "before"), completion: .file(extensions: ["xml"]))
        var before: String

        @Argument(help: ArgumentHelp("The procedure after.", valueName: "after"), completion: .file(extensions: ["xml"]))
        var after: String

        @OptionGroup var report: ReportOptions
        @OptionGroup var load: LoadOptions

        func run() throws {
            if report.format != .svg { try Terminal.precheck(report.output, inputs: [before, after], force: report.force) }
            let loader = ProcedureLoader(maximumFileSize: load.bytes)
            let a = loader.load(path: before), b = loader.load(path: after)
            for d in a.diagnostics + b.diagnostics { Terminal.err(Terminal.line(for: d)) }
            guard let pa = a.procedure, let pb = b.procedure else { throw CLIError.badInput() }
            if report.format == .xlsx { return try report.emitWorkbook(before: pa, after: pb, changes: [], inputs: [before, after]) }
            if report.format == .csv { return try report.emitForms(before: pa, after: pb, inputs: [before, after]) }
            let comparison: Comparison
            let progress = ProgressBar(total: 2 * max(report.sampling.replications, 1))
            do throws(SimulationError) {
                comparison = try Comparer(simulation: report.simulation).compare(before: pa, after: pb) { progress.update($0) }
            } catch {
                progress.clear()
                throw CLIError(error)
            }
            progress.clear()
            try report.emit(comparison, before: pa, after: pb, inputs: [before, after])
        }
    }

    /// `procmod report`: the main job — digitize a procedure and report before and after.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Apply a scenario and report before and after: figures, simulation, the levers' waterfall, changes.",
            discussion: """
                Given a catalogue (docs/catalogue.md), report writes the portfolio: every procedure and the
                totals before and after the catalogue-wide --scenario and each entry's own, the cut against
                --target-cost and --target-time, the ranking, and the shared resources.

                Examples:
                  procmod report procedures/passport.xml --scenario post.xml
                  procmod report --lang vi --format html -o bao-cao.html FILE --scenario S.xml
                  procmod report examples/catalogue/commune.xml --target-cost 30%
                  (scenarios for every shipped procedure: examples/scenarios/)
                """
        )

        @Argument(help: ArgumentHelp("The procedure (before), or a catalogue.", valueName: "file"), completion: .file(extensions: ["xml"]))
        var path: String

        @Option(help: ArgumentHelp("The scenario file (for a catalogue: one whose procedure attribute is the catalogue's id).", valueName: "file"),
                completion: .file(extensions: ["xml"]))
        var scenario: String?

        @Option(help: ArgumentHelp("Catalogues: the compliance-cost cut to reach, e.g. 30%.", valueName: "cut"), transform: parseCut)
        var targetCost: Double?

        @Option(help: ArgumentHelp("Catalogues: the processing-time cut to reach, e.g. 30%.", valueName: "cut"), transform: parseCut)
        var targetTime: Double?

        @Option(help: ArgumentHelp("Catalogues: run shard I of N (every N-th replication) and write a partial result for `procmod merge`.",
                                   valueName: "I/N"))
        var shard: Shard?

        @Option(help: ArgumentHelp("Catalogues: calendar days each replication simulates.", valueName: "days"))
        var horizon: Double = 365

        @OptionGroup var report: ReportOptions
        @OptionGroup var load: LoadOptions

        func run() throws {
            if DSLFileKind.of(path: path) == .catalogue { return try runCatalogue() }
            guard let scenario else {
                throw CLIError.usage("report needs --scenario FILE for a procedure (scenarios for every shipped procedure: examples/scenarios/)")
            }
            if shard != nil || targetCost != nil || targetTime != nil {
                throw CLIError.usage("--shard, --target-cost and --target-time are for catalogues")
            }
            if report.format != .svg { try Terminal.precheck(report.output, inputs: [path, scenario], force: report.force) }
            let (after, changes, (before, s)) = try DigitizeJob(path: path, scenario: scenario, maximumFileSize: load.bytes).run()
            if report.format == .xlsx { return try report.emitWorkbook(before: before, after: after, changes: changes, inputs: [path, scenario]) }
            if report.format == .csv { return try report.emitForms(before: before, after: after, inputs: [path, scenario]) }
            let comparison: Comparison
            let progress = ProgressBar(total: 2 * max(report.sampling.replications, 1))
            do throws(SimulationError) {
                comparison = try Comparer(simulation: report.simulation).compare(before: before, after: after, scenario: s,
                                                                                  changes: changes) { progress.update($0) }
            } catch {
                progress.clear()
                throw CLIError(error)
            }
            progress.clear()
            try report.emit(comparison, before: before, after: after, inputs: [path, scenario])
        }

        /// The portfolio of a catalogue.
        private func runCatalogue() throws {
            guard let format = PortfolioFormat(rawValue: report.format.rawValue) else {
                throw CLIError.usage("a catalogue's report is text, markdown, json, html or xlsx, not \(report.format.rawValue)")
            }
            guard horizon > 0 && horizon <= Limits.maximumHorizonDays else {
                throw CLIError.usage("--horizon must be a number of days above 0 and at most \(decimalText(Limits.maximumHorizonDays))")
            }
            let s = report.sampling
            let options = report.noSimulation ? nil : CatalogueJob.options(replications: s.replications, seed: s.seed, horizon: horizon, warmup: 0,
                                                                           start: SimulationOptions().startDate, threads: nil)
            try CatalogueJob(path: path, scenario: scenario, options: options, targetCost: targetCost, targetTime: targetTime,
                             maximumFileSize: load.bytes)
                .run(command: "report", shard: shard, format: format, language: report.lang, output: report.output, force: report.force)
        }
    }
}
