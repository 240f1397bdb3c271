import ArgumentParser
import Foundation
import ProcmodInvariants
import ProcmodLoader
import ProcmodModel
import ProcmodReporting
import ProcmodSimulation

/// What an inconclusive simulated invariant counts as.
enum InconclusivePolicy: String, ExpressibleByArgument, CaseIterable {
    case fail, pass
}

extension Procmod {
    /// `procmod check`: procedure invariants for CI.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check procedure invariants (in the procedures and in suite files), for CI.",
            discussion: """
                One line per invariant: path:line:col: pass|fail|inconclusive: invariant — details. A simulated
                invariant passes only when its whole 95% confidence interval meets the bound, fails when the
                whole interval misses it, and is inconclusive otherwise (with the replications that would
                settle it). Exit status: 0 when nothing failed, 1 when an invariant failed (or was
                inconclusive, with --inconclusive fail), 65 for invalid files.

                Examples:
                  procmod check procedures/
                  procmod check --suite examples/suites/reform-2026.xml --junit invariants.xml procedures/
                """
        )

        @Argument(help: ArgumentHelp("Procedure files or directories.", valueName: "file-or-dir"))
        var paths: [String]

        @Option(name: .customLong("suite"), help: ArgumentHelp("An invariant suite file (repeatable).", valueName: "file"))
        var suites: [String] = []

        @Option(help: ArgumentHelp("Write JUnit XML here.", valueName: "file.xml"))
        var junit: String?

        @Option(help: "What an inconclusive simulated invariant counts as: fail or pass.")
        var inconclusive: InconclusivePolicy = .fail

        @OptionGroup var sampling: SamplingOptions

        @Option(help: ArgumentHelp("The JUnit timestamp (the format requires one; fixed by default for byte-stable output).",
                                   valueName: "YYYY-MM-DDTHH:MM:SS"))
        var junitTimestamp = "1970-01-01T00:00:00"

        @OptionGroup var load: LoadOptions

        func run() throws {
            let loadedSuites = suites.map { SuiteLoader(maximumFileSize: load.bytes).load(path: $0) }
            let procedures = ProcedureLoader(maximumFileSize: load.bytes).loadAll(paths)
            var invalid = false
            for d in loadedSuites.flatMap(\.diagnostics) + procedures.flatMap(\.diagnostics) {
                Terminal.err(Terminal.line(for: d))
                invalid = invalid || d.severity == .error
            }
            let checker = InvariantChecker(simulation: sampling.simulation)
            var results: [InvariantResult] = []
            for loaded in procedures {
                guard let p = loaded.procedure else { continue }
                let invariants = applicableInvariants(for: p, path: loaded.path, suites: loadedSuites.compactMap(\.suite))
                results += checker.check(invariants, on: p, path: loaded.path)
            }
            for r in results {
                let verdict: String
                switch r.verdict {
                case .pass: verdict = Terminal.paint("pass:", "1;32")
                case .fail: verdict = Terminal.paint("fail:", "1;31")
                case .inconclusive: verdict = Terminal.paint("inconclusive:", "1;33")
                }
                Terminal.out("\(r.location): \(verdict) \(r.invariant) — \(r.message)  [\(r.procedure)]")
            }
            let failed = results.filter { $0.verdict == .fail }.count
            let open = results.filter { $0.verdict == .inconclusive }.count
            Terminal.out("\(results.count) invariant result\(results.count == 1 ? "" : "s") on \(Set(results.map(\.path)).count) "
                         + "procedures: \(results.count - failed - open) passed, \(failed) failed, \(open) inconclusive")
            if let junit {
                let xml = JUnitWriter(timestamp: junitTimestamp, inconclusiveFails: inconclusive == .fail).write(results)
                try Terminal.save(xml, to: junit, inputs: paths + suites)
            }
            if invalid { throw ExitCodes.badInput }
            if failed > 0 || (inconclusive == .fail && open > 0) { throw ExitCode(1) }
        }
    }
}
