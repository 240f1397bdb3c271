import ArgumentParser
import ProcmodLoader
import ProcmodLocalization
import ProcmodModel
import ProcmodReporting

extension Procmod {
    /// `procmod validate`: check procedure files against the schema and the semantic rules.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check procedure, scenario and suite files: XML, the DSL schema, references, probabilities and flow.",
            discussion: """
                Every problem in every file is reported as path:line:col: error: message [code],
                sorted by location. Directories are searched recursively for *.xml files.
                Exit status: 0 when every file is valid (warnings allowed), 65 when any file has errors.

                Examples:
                  procmod validate procedures/
                  procmod validate --format json procedures/passport.xml
                """
        )

        @Argument(help: ArgumentHelp("Procedure files or directories.", valueName: "file-or-dir"), completion: .file(extensions: ["xml"]))
        var paths: [String]

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Option(help: "Language of the summary line: vi or en (default: PROCMOD_LANG, else the locale). Diagnostics are in English, as compilers write them.")
        var lang: Language = .fromEnvironment

        @Flag(name: .shortAndLong, help: "Print only problems, not the summary line.")
        var quiet = false

        @OptionGroup var load: LoadOptions

        func run() throws {
            let results = ProcedureLoader(maximumFileSize: load.bytes).validateAll(paths)
            if results.isEmpty {
                throw CLIError.badInput("no *.xml files found in " + paths.joined(separator: ", "))
            }
            switch format {
            case .text: printText(results)
            case .json: Terminal.out(try jsonDocument(ValidationReport(results), kind: "validation"))
            }
            if results.contains(where: { $0.diagnostics.containsErrors }) { throw CLIError.badInput() }
        }

        private func printText(_ results: [LoadedProcedure]) {
            for result in results {
                for diagnostic in result.diagnostics { Terminal.out(Terminal.line(for: diagnostic)) }
            }
            guard !quiet else { return }
            let summary = ValidationReport(results).summary
            if lang == .vi {
                let l = Localizer(.vi)
                var line = l.text("validate.summary", ["files": "\(summary.files)", "valid": "\(summary.valid)"])
                if summary.invalid > 0 { line += l.text("validate.invalid", ["invalid": "\(summary.invalid)"]) }
                line += l.text("validate.counts", ["errors": "\(summary.errors)", "warnings": "\(summary.warnings)"])
                let skipped = ProcedureFiles.foreign(in: paths).count
                if skipped > 0 { line += l.text("validate.skipped", ["count": "\(skipped)"]) }
                return Terminal.out(line)
            }
            var line = "\(summary.files) file\(summary.files == 1 ? "" : "s") checked: \(summary.valid) valid"
            if summary.invalid > 0 { line += ", \(summary.invalid) with errors" }
            line += " (\(summary.errors) error\(summary.errors == 1 ? "" : "s"), "
                + "\(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"))"
            let skipped = ProcedureFiles.foreign(in: paths).count
            if skipped > 0 { line += "; \(skipped) other XML file\(skipped == 1 ? "" : "s") skipped (not procmod files)" }
            Terminal.out(line)
        }
    }
}

/// The JSON shape of `procmod validate --format json`.
struct ValidationReport: Encodable {
    struct File: Encodable {
        var path: String
        var valid: Bool
        var diagnostics: [Diagnostic]
    }

    struct Summary: Encodable {
        var files = 0, valid = 0, invalid = 0, errors = 0, warnings = 0
    }

    var files: [File]
    var summary: Summary

    init(_ results: [LoadedProcedure]) {
        files = results.map { File(path: $0.path, valid: !$0.diagnostics.containsErrors, diagnostics: $0.diagnostics) }
        summary = Summary()
        summary.files = results.count
        summary.invalid = files.filter { !$0.valid }.count
        summary.valid = summary.files - summary.invalid
        summary.errors = results.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == .error }.count }
        summary.warnings = results.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == .warning }.count }
    }
}
