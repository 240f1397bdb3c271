import ArgumentParser
import ProcmodInvariants
import ProcmodLoader
import ProcmodLocalization
import ProcmodModel
import ProcmodReporting
import ProcmodSimulation

/// The JUnit timestamp's format (xs:dateTime without a zone, as the Ant schema has it).
enum JUnitTimestamp {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, LocalDate(String(parts[0])) != nil else { return false }
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard time.count == 3, time.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }),
              let h = Int(time[0]), let m = Int(time[1]), let s = Int(time[2]) else { return false }
        return h < 24 && m < 60 && s < 60
    }
}

/// What an inconclusive simulated invariant counts as.
enum InconclusivePolicy: String, ExpressibleByArgument, CaseIterable {
    case fail, pass
}

extension Procmod {
    /// `procmod check`: procedure invariants for CI.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check procedure invariants (in the procedures and in suite files), for CI.",
            discussion: """
                One line per invariant: path:line:col: pass|fail|inconclusive: invariant — details. A run that checks
                nothing (no invariant applies) fails unless --allow-empty. A simulated
                invariant passes only when its whole 95% confidence interval meets the bound, fails when the
                whole interval misses it, and is inconclusive otherwise (with the replications that would
                settle it). Exit status: 0 when nothing failed, 1 when an invariant failed (or was
                inconclusive, with --inconclusive fail), 65 for invalid files.

                Examples:
                  procmod check procedures/
                  procmod check --suite SUITE.xml --junit invariants.xml examples/after/
                  (a suite: examples/suites/reform-2026.xml)
                """
        )

        @Argument(help: ArgumentHelp("Procedure files or directories.", valueName: "file-or-dir"), completion: .file(extensions: ["xml"]))
        var paths: [String]

        @Option(name: .customLong("suite"), help: ArgumentHelp("An invariant suite file (repeatable).", valueName: "file"), completion: .file(extensions: ["xml"]))
        var suites: [String] = []

        @Option(help: ArgumentHelp("Write JUnit XML here (atomically); - is standard output.", valueName: "file.xml"))
        var junit: String?

        @Flag(help: "Replace the JUnit file even when it is read-only.")
        var force = false

        @Option(help: "Output format: text (one line per invariant, then a summary) or json (docs/schemas/check.schema.json).")
        var format: OutputFormat = .text

        @Option(help: "Language of the summary line: vi or en (default: PROCMOD_LANG, else the locale). Result lines are in English, for CI logs.")
        var lang: Language = .fromEnvironment

        @Flag(help: "Pass when no invariant applies to any procedure (by default that fails: a CI gate must check something).")
        var allowEmpty = false

        @Option(help: "What an inconclusive simulated invariant counts as: fail or pass.")
        var inconclusive: InconclusivePolicy = .fail

        @OptionGroup var sampling: SamplingOptions

        @Option(help: ArgumentHelp("The JUnit timestamp (the format requires one; fixed by default for byte-stable output).",
                                   valueName: "YYYY-MM-DDTHH:MM:SS"))
        var junitTimestamp = "1970-01-01T00:00:00"

        @OptionGroup var load: LoadOptions

        func validate() throws {
            guard JUnitTimestamp.isValid(junitTimestamp) else {
                throw ValidationError("--junit-timestamp must be a date and time YYYY-MM-DDTHH:MM:SS, not '\(junitTimestamp)'")
            }
        }

        func run() throws {
            // Every file the command reads: the named files, the procedures found in folders, the suites.
            let inputs = ProcedureFiles.expand(paths, kind: nil) + suites
            try Terminal.precheck(junit, inputs: inputs, force: force)
            let loadedSuites = suites.map { SuiteLoader(maximumFileSize: load.bytes).load(path: $0) }
            let procedures = ProcedureLoader(maximumFileSize: load.bytes).loadAll(paths)
            var invalid = false
            for d in loadedSuites.flatMap(\.diagnostics) + procedures.flatMap(\.diagnostics) {
                Terminal.err(Terminal.line(for: d))
                invalid = invalid || d.severity == .error
            }
            let checker = InvariantChecker(simulation: sampling.simulation)
            var results: [InvariantResult] = []
            // On a terminal, after about a second: procedures checked so far.
            let progress = ProgressBar(total: max(procedures.count, 1), unit: "procedures")
            for (k, loaded) in procedures.enumerated() {
                defer { progress.update(k + 1) }
                guard let p = loaded.procedure else { continue }
                let invariants = applicableInvariants(for: p, path: loaded.path, suites: loadedSuites.compactMap(\.suite))
                results += checker.check(invariants, on: p, path: loaded.path)
            }
            progress.clear()
            // The JUnit file first: a reader that closes standard output early must not cost the CI its report.
            if let junit {
                let xml = JUnitWriter(timestamp: junitTimestamp, inconclusiveFails: inconclusive == .fail).write(results)
                try Terminal.save(xml, to: junit, inputs: inputs, force: force)
            }
            let failed = results.filter { $0.verdict == .fail }.count
            let open = results.filter { $0.verdict == .inconclusive }.count
            let procedureCount = Set(results.map(\.path)).count
            if format == .json {
                let summary = CheckDocument.Summary(results: results.count, procedures: procedureCount, passed: results.count - failed - open,
                                                    failed: failed, inconclusive: open)
                Terminal.out(try jsonDocument(CheckDocument(results: results, summary: summary), kind: "check"))
            }
            for r in results where format == .text {
                let verdict: String
                switch r.verdict {
                case .pass: verdict = Terminal.paint("pass:", "1;32")
                case .fail: verdict = Terminal.paint("fail:", "1;31")
                case .inconclusive: verdict = Terminal.paint("inconclusive:", "1;33")
                }
                Terminal.out("\(r.location): \(verdict) \(r.invariant) — \(r.message)  [\(r.procedure)]")
            }
            if format == .text && lang == .vi {
                Terminal.out(Localizer(.vi).text("check.summary", ["results": "\(results.count)", "procedures": "\(procedureCount)",
                                                                   "passed": "\(results.count - failed - open)", "failed": "\(failed)",
                                                                   "open": "\(open)"]))
            } else if format == .text {
                Terminal.out("\(results.count) invariant result\(results.count == 1 ? "" : "s") on \(procedureCount) "
                             + "procedure\(procedureCount == 1 ? "" : "s"): \(results.count - failed - open) passed, \(failed) failed, \(open) inconclusive")
            }
            if invalid { throw CLIError.badInput() }
            if results.isEmpty && !allowEmpty {
                Terminal.err("procmod: no invariant applies to the \(procedures.count) procedure\(procedures.count == 1 ? "" : "s") read: "
                             + "nothing was checked (give --suite, or --allow-empty to pass anyway)")
                throw CLIError.findings
            }
            if failed > 0 || (inconclusive == .fail && open > 0) { throw CLIError.findings }
        }
    }
}

/// The JSON document of `procmod check`: every invariant's result, and the counts.
struct CheckDocument: Encodable {
    struct Summary: Encodable {
        var results: Int
        var procedures: Int
        var passed: Int
        var failed: Int
        var inconclusive: Int
    }

    var results: [InvariantResult]
    var summary: Summary
}
