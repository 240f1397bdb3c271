import ArgumentParser
import ProcmodBPMN
import ProcmodLoader
import ProcmodModel

extension Procmod {
    /// `procmod import`: a BPMN 2.0 process as a procmod procedure.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import a BPMN 2.0 process as a procedure, listing what could not be mapped (docs/interop.md).",
            discussion: """
                A file procmod exported is read back exactly from its extension. Any other process is mapped (lanes to actors,
                tasks to steps, gateways to choices and parallel blocks, timers to waits, data objects to documents); every
                element not mapped is listed as a note with its id and line, and every value BPMN does not hold
                (durations, volumes, calendars, capacities) is marked assumed in the procedure.
                Exit status: 0 imported, 64 for a usage error (such as -o naming the input), 65 when the file is not a BPMN
                process procmod can read, 73 when the output cannot be written.

                Examples:
                  procmod import passport.bpmn -o passport.xml
                  procmod import --process Process_2 model.bpmn -o procedure.xml
                """
        )

        @Argument(help: ArgumentHelp("A BPMN 2.0 file.", valueName: "file.bpmn"), completion: .file(extensions: ["bpmn"]))
        var path: String

        @Option(help: ArgumentHelp("The process to import when the file has several.", valueName: "id"))
        var process: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the procedure here (atomically) instead of standard output.", valueName: "file.xml"), completion: .file())
        var output: String?

        @Flag(help: "Replace the output file even when it is read-only.")
        var force = false

        @OptionGroup var load: LoadOptions

        func run() throws {
            try Terminal.precheck(output, inputs: [path], force: force)
            let result = BPMNImporter(maximumFileSize: load.bytes, processID: process).load(path: path)
            for d in result.diagnostics { Terminal.err(Terminal.line(for: d)) }
            guard let procedure = result.procedure else { throw CLIError.badInput() }
            let header = result.fromExtension ? nil : "Imported from \(path) by procmod import: values BPMN does not hold are assumed."
            let text = ProcedureWriter(header: header).write(procedure)
            if let output { try Terminal.save(text, to: output, inputs: [path], force: force) } else { Terminal.write(text) }
            let unmapped = result.diagnostics.filter { $0.code == "bpmn-unmapped" }.count
            let assumed = result.diagnostics.filter { $0.code == "bpmn-assumed" }.count
            Terminal.err(result.fromExtension ? "read procmod's model from the file's extension: nothing lost"
                         : "mapped the BPMN process: \(unmapped) element\(unmapped == 1 ? "" : "s") not mapped, \(assumed) assumption\(assumed == 1 ? "" : "s") made (above)")
        }
    }
}
