import ArgumentParser
import ProcmodDiagram
import ProcmodLoader
import ProcmodLocalization
import ProcmodModel

extension Procmod {
    /// `procmod diagram`: the procedure as a swimlane diagram in SVG.
    struct Diagram: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diagram",
            abstract: "Draw a procedure as an SVG swimlane diagram (docs/diagrams.md).",
            discussion: """
                With --scenario, the after-model is drawn with the steps the scenario adds highlighted.

                Examples:
                  procmod diagram procedures/birth-registration.xml -o khai-sinh.svg
                  procmod diagram --lang en FILE --scenario S.xml -o after.svg
                """
        )

        @Argument(help: ArgumentHelp("A procedure file.", valueName: "file"), completion: .file(extensions: ["xml"]))
        var path: String

        @Option(help: ArgumentHelp("Draw the after-model of this scenario, with the steps it adds highlighted.", valueName: "file"), completion: .file(extensions: ["xml"]))
        var scenario: String?

        @Option(help: "Language of names and labels: vi or en (default: PROCMOD_LANG, else the locale).")
        var lang: Language = .fromEnvironment

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the SVG here (atomically) instead of standard output.", valueName: "file.svg"), completion: .file())
        var output: String?

        @Flag(help: "Replace the output file even when it is read-only.")
        var force = false

        @OptionGroup var load: LoadOptions

        func run() throws {
            let inputs = [path] + (scenario.map { [$0] } ?? [])
            try Terminal.precheck(output, inputs: inputs, force: force)
            let svg: String
            if let scenario {
                let (after, _, (before, _)) = try DigitizeJob(path: path, scenario: scenario, maximumFileSize: load.bytes).run()
                let known = Set(before.flow.steps.map(\.id))
                svg = DiagramSVG(after, language: lang, names: NameBook(before, after),
                                 added: Set(after.flow.steps.map(\.id).filter { !known.contains($0) })).svg
            } else {
                let loaded = ProcedureLoader(maximumFileSize: load.bytes).load(path: path)
                for d in loaded.diagnostics { Terminal.err(Terminal.line(for: d)) }
                guard let procedure = loaded.procedure else { throw CLIError.badInput() }
                svg = DiagramSVG(procedure, language: lang).svg
            }
            if let output { try Terminal.save(svg, to: output, inputs: inputs, force: force) } else { Terminal.write(svg) }
        }
    }
}
