import ArgumentParser
import ProcmodBPMN
import ProcmodLoader
import ProcmodModel

/// Formats of `procmod export`.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case bpmn
}

extension Procmod {
    /// `procmod export`: a procedure in another tool's format.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export a procedure as BPMN 2.0 with diagram interchange (docs/interop.md).",
            discussion: """
                The whole procmod model rides in the process's extension elements, so `procmod import` reads an
                exported file back exactly; BPMN tools (Camunda Modeler, bpmn.io, Bizagi, Signavio) see the process.

                Examples:
                  procmod export --format bpmn procedures/passport.xml -o passport.bpmn
                  procmod export --lang en FILE -o land.bpmn --prosimos land.json
                """
        )

        @Argument(help: ArgumentHelp("A procedure file.", valueName: "file"), completion: .file(extensions: ["xml"]))
        var path: String

        @Option(help: "Output format: bpmn.")
        var format: ExportFormat = .bpmn

        @Option(help: "Language of the names BPMN tools show: vi or en (default: PROCMOD_LANG, else the locale).")
        var lang: Language = .fromEnvironment

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the file here (atomically) instead of standard output.", valueName: "file.bpmn"), completion: .file())
        var output: String?

        @Option(help: ArgumentHelp("Also write the simulation parameters in Prosimos' JSON format here, for the BPMN file (whose tasks are then plain tasks, the kind Prosimos reads).", valueName: "file.json"))
        var prosimos: String?

        @Flag(help: "Replace the output file even when it is read-only.")
        var force = false

        @OptionGroup var load: LoadOptions

        func run() throws {
            try Terminal.precheck(output, inputs: [path], force: force)
            try Terminal.precheck(prosimos, inputs: [path] + (output.map { [$0] } ?? []), force: force)
            let loaded = ProcedureLoader(maximumFileSize: load.bytes).load(path: path)
            for d in loaded.diagnostics { Terminal.err(Terminal.line(for: d)) }
            guard let procedure = loaded.procedure else { throw CLIError.badInput() }
            // Prosimos reads only plain tasks: with --prosimos, the BPMN file beside it has them.
            let text = BPMNExporter(language: lang, plainTasks: prosimos != nil).export(procedure)
            if let output { try Terminal.save(text, to: output, inputs: [path], force: force) } else { Terminal.write(text) }
            if let prosimos {
                try Terminal.save(ProsimosExporter().export(procedure), to: prosimos, inputs: [path] + (output.map { [$0] } ?? []), force: force)
            }
        }
    }
}
