import ArgumentParser
import ProcmodAnalysis
import ProcmodLoader
import ProcmodModel
import ProcmodReporting
import ProcmodScenario
import ProcmodSpreadsheet

extension Procmod {
    /// `procmod cost`: the compliance cost form of Circular 02/2017/TT-VPCP, before and after a scenario.
    struct Cost: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cost",
            abstract: "The compliance cost form (Circular 02/2017/TT-VPCP Art. 27): cost per activity, per case and per year.",
            discussion: """
                One row per activity of the applicant: its hours and their cost at the applicant's income per \
                hour, the fees and charges (phí, lệ phí) and the other prescribed costs (copies, post, \
                services); the cost per case is their sum, the cost per year is × the cases a year. With \
                --scenario, the form before and after and the plan's benefit as simplification plans report \
                it: cost before and after per year, the saving, the cut, and Resolution 66/NQ-CP's targets. \
                The agencies' own cost is not compliance cost and is not in the form (see procmod analyze).

                Examples:
                  procmod cost procedures/birth-registration.xml
                  procmod cost --lang vi --format markdown FILE --scenario S.xml
                  procmod cost --format csv -o cost.csv procedures/passport.xml
                  procmod cost --format xlsx --lang vi -o phuong-an.xlsx FILE --scenario S.xml
                """
        )

        @Argument(help: ArgumentHelp("The procedure.", valueName: "file"), completion: .file(extensions: ["xml"]))
        var path: String

        @Option(help: ArgumentHelp("A scenario: report the form before and after it, and the benefit.", valueName: "file"), completion: .file(extensions: ["xml"]))
        var scenario: String?

        @Option(help: "Output format: text, markdown, csv, json, or xlsx (a workbook; needs -o).")
        var format: CostFormat = .text

        @Option(help: "Language of labels and names: vi or en.")
        var lang: Language = .fromEnvironment

        @Option(name: .shortAndLong, help: ArgumentHelp("Write here (atomically) instead of standard output.", valueName: "file"), completion: .file())
        var output: String?

        @Flag(help: "Replace the output file even when it is read-only.")
        var force = false

        @OptionGroup var load: LoadOptions

        func run() throws {
            let inputs = [path] + (scenario.map { [$0] } ?? [])
            try Terminal.precheck(output, inputs: inputs, force: force)
            if format == .xlsx { return try workbook(inputs) }
            let renderer = CostFormRenderer(format: format.renderer, language: lang)
            let text: String
            if let scenario {
                let (after, _, (before, _)) = try DigitizeJob(path: path, scenario: scenario, maximumFileSize: load.bytes).run()
                let a = ProcedureAnalysis(before), b = ProcedureAnalysis(after)
                let benefit = SimplificationBenefit(before: a.costForm, after: b.costForm,
                                                    daysBefore: a.expectedLeadTimeDays, daysAfter: b.expectedLeadTimeDays)
                text = try renderer.render(before: a.costForm, after: b.costForm, benefit: benefit)
            } else {
                let loaded = ProcedureLoader(maximumFileSize: load.bytes).load(path: path)
                for d in loaded.diagnostics { Terminal.err(Terminal.line(for: d)) }
                guard let procedure = loaded.procedure else { throw CLIError.badInput() }
                text = try renderer.render(before: ProcedureAnalysis(procedure).costForm)
            }
            guard let output, output != "-" else { return Terminal.write(text) }
            try Terminal.save(text, to: output, inputs: inputs, force: force)
        }

        /// The cost form (and, with a scenario, the plan and the form after) as an .xlsx workbook.
        private func workbook(_ inputs: [String]) throws {
            guard let output, output != "-" else {
                throw CLIError.workbookNeedsFile(example: "cost.xlsx")
            }
            var before: Procedure, after: Procedure? = nil, changes: [Change] = []
            if let scenario {
                let job = try DigitizeJob(path: path, scenario: scenario, maximumFileSize: load.bytes).run()
                (before, after, changes) = (job.before.0, job.after, job.changes)
            } else {
                let loaded = ProcedureLoader(maximumFileSize: load.bytes).load(path: path)
                for d in loaded.diagnostics { Terminal.err(Terminal.line(for: d)) }
                guard let procedure = loaded.procedure else { throw CLIError.badInput() }
                before = procedure
            }
            let bytes: [UInt8]
            do { bytes = try PlanWorkbook(language: lang).bytes(before: before, after: after, changes: changes) } catch {
                throw CLIError.cannotWrite("\(error)")
            }
            try Terminal.save(bytes: bytes, to: output, inputs: inputs, force: force)
        }
    }
}

/// The formats of `procmod cost`.
enum CostFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, csv, json, xlsx

    var renderer: CostFormRenderer.Format {
        switch self {
        case .text: .text
        case .markdown: .markdown
        case .csv: .csv
        case .json, .xlsx: .json
        }
    }
}
