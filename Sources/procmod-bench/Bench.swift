import ArgumentParser
import Foundation

/// procmod-bench: the speed and memory benchmarks, with their commands and results in docs/benchmarks.md.
/// Whole processes are spawned with `posix_spawn` and reaped with `wait4`; two commands compared are run
/// in pairs, A B A B, after warm-up pairs that are not counted, and the ratio is the median of the pairs'.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procmod-bench",
        abstract: "Speed and memory benchmarks of procmod against reference tools, measured side by side in one run.",
        discussion: "Build in release mode first: swift build -c release. See docs/benchmarks.md.",
        subcommands: [Load.self, Simulate.self, Analyze.self, CatalogueBench.self, Generate.self],
        defaultSubcommand: Load.self
    )
}

/// Options every paired benchmark takes.
struct PairOptions: ParsableArguments {
    @Option(help: "Measured pairs per case (the median is reported).")
    var runs = 11

    @Option(help: "Pairs run first and not counted.")
    var warmup = 2

    @Option(help: ArgumentHelp("The procmod to measure (default: the one built beside procmod-bench), e.g. an earlier build.",
                               valueName: "path"))
    var procmod: String?

    func validate() throws {
        guard (1...1_000).contains(runs) else { throw ValidationError("--runs is 1 to 1000") }
        guard (0...100).contains(warmup) else { throw ValidationError("--warmup is 0 to 100") }
    }
}

/// Runs a benchmark body, printing a `BenchError` and exiting 1 instead of trapping.
func guarded(_ body: () throws(BenchError) -> Void) throws {
    do throws(BenchError) { try body() } catch {
        FileHandle.standardError.write(Data("procmod-bench: \(error.description)\n".utf8))
        throw ExitCode(1)
    }
}
