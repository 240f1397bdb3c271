import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProcmodLoader
import ProcmodModel
import ProcmodReporting

extension Language: ExpressibleByArgument {
    /// The default of every `--lang`: `PROCMOD_LANG` (vi or en), else Vietnamese when the locale
    /// (`LC_ALL`, `LANG`) is Vietnamese, else English.
    static var fromEnvironment: Language {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["PROCMOD_LANG"].flatMap(Language.init(rawValue:)) { return chosen }
        if let configured = ProjectConfig.current?.config.lang { return configured }
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        return locale.hasPrefix("vi") ? .vi : .en
    }
}

extension Procmod {
    /// `procmod show`: a readable summary of one procedure.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Summarise a procedure: steps in order with actor and channel, documents, deadline, volume.",
            discussion: """
                Examples:
                  procmod show procedures/birth-registration.xml
                  procmod show --lang en --format json procedures/passport.xml
                """
        )

        @Argument(help: ArgumentHelp("A procedure file.", valueName: "file"), completion: .file(extensions: ["xml"]))
        var path: String

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Option(help: "Language of names: vi or en.")
        var lang: Language = .fromEnvironment

        @OptionGroup var load: LoadOptions

        func run() throws {
            let loaded = ProcedureLoader(maximumFileSize: load.bytes).load(path: path)
            guard let procedure = loaded.procedure else {
                for diagnostic in loaded.diagnostics { Terminal.err(Terminal.line(for: diagnostic)) }
                throw CLIError.badInput()
            }
            for diagnostic in loaded.diagnostics { Terminal.err(Terminal.line(for: diagnostic)) }
            switch format {
            case .text: Terminal.out(ProcedureSummary(procedure, language: lang).text)
            case .json: Terminal.out(try jsonDocument(ProcedureSummary(procedure, language: lang).json, kind: "procedure"))
            }
        }
    }
}
