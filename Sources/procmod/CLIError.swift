import ArgumentParser
import ProcmodModel
import ProcmodOutput
import ProcmodSimulation

/// Every way a command ends other than success, mapped to its exit code in one place (`Procmod.main`).
/// Diagnostics that belong to files are printed as they are found (`path:line:col: error: … [code]`);
/// the error then carries only what is left to say.
enum CLIError: Error {
    /// Findings at error severity, or invariants that failed: exit 1.
    case findings
    /// A usage error the argument parser could not see (a path, a rule id): exit 64.
    case usage(String)
    /// Invalid input files or a model that cannot be simulated, already reported line by line, with an
    /// optional closing sentence: exit 65.
    case badInput(String? = nil)
    /// An output file that cannot be created or replaced: exit 73.
    case cannotWrite(String)

    /// `--format xlsx` without a file to write: a workbook is binary, never standard output.
    static func workbookNeedsFile(example: String) -> CLIError {
        .usage("--format xlsx writes a binary workbook: give a file with -o (e.g. -o \(example))")
    }

    /// sysexits(3): 64 EX_USAGE, 65 EX_DATAERR, 73 EX_CANTCREAT.
    var exitCode: Int32 {
        switch self {
        case .findings: 1
        case .usage: 64
        case .badInput: 65
        case .cannotWrite: 73
        }
    }

    /// The sentence to print on standard error, if any.
    var message: String? {
        switch self {
        case .findings: nil
        case .usage(let m), .cannotWrite(let m): m
        case .badInput(let m): m
        }
    }

    init(_ error: OutputError) {
        self = error.isUsage ? .usage(error.description) : .cannotWrite(error.description)
    }

    /// A simulation that could not answer: its located error is printed here, then exit 65.
    init(_ error: SimulationError) {
        Terminal.err(Terminal.line(for: error.diagnostic))
        self = .badInput()
    }
}

extension Procmod {
    /// Runs the command and turns a `CLIError` into its message and exit code; everything else (usage
    /// errors, help, version) is the argument parser's.
    static func main() {
        // A mistyped command: name the closest one rather than only "Unexpected argument".
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-") {
            let names = configuration.subcommands.map { $0._commandName } + ["help"]
            if !names.contains(first) {
                let best = names.min { RuleID.editDistance(first, $0) < RuleID.editDistance(first, $1) }
                let hint = best.map { RuleID.editDistance(first, $0) <= 2 ? " (did you mean '\($0)'?)" : "" } ?? ""
                Terminal.err("procmod: unknown command '\(first)'\(hint); `procmod --help` lists them")
                exit(withError: ExitCode(64))
            }
        }
        // A broken .procmod.json is an error before anything runs (it prints where and why, exit 65).
        _ = ProjectConfig.current
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CLIError {
            if let message = error.message { Terminal.err("procmod: " + message) }
            exit(withError: ExitCode(error.exitCode))
        } catch {
            exit(withError: error)
        }
    }
}
