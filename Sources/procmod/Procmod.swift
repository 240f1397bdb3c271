import ArgumentParser
import ProcmodInvariants
import ProcmodSimulation

/// The `procmod` command: model, analyze and simulate administrative procedures.
@main
struct Procmod: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procmod",
        abstract: "Model administrative procedures, find redundant paper, and estimate time after digitization.",
        discussion: """
            Procedures are XML files in the procmod DSL (see docs/dsl.md).

            Examples:
              procmod report procedures/passport.xml --scenario post.xml
              procmod diagram procedures/birth-registration.xml -o khai-sinh.svg
              procmod validate procedures/
              procmod show procedures/birth-registration.xml
              procmod analyze procedures/
              procmod simulate procedures/passport.xml
              procmod schema > procedure-1.xsd
            """,
        version: procmodVersion,
        subcommands: [Report.self, Validate.self, Show.self, Diagram.self, Export.self, Import.self, Analyze.self, Cost.self, Simulate.self, Digitize.self, Compare.self, Check.self, Merge.self, Init.self,
                      Rules.self, Schema.self]
    )
}

/// procmod's version.
let procmodVersion = "0.2.0"


/// Output formats shared by the commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Options for reading procedure files.
struct LoadOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Refuse files larger than this many MiB (1 to 256).", valueName: "MiB"))
    var maxFileSize: Int = 32

    func validate() throws {
        // The parsed tree and the line table take several times the file's size in memory: 256 MiB keeps a
        // worst-case file (all line breaks) within a few GiB; it also keeps the byte count from overflowing.
        guard (1...256).contains(maxFileSize) else {
            throw ValidationError("--max-file-size must be a whole number of MiB from 1 to 256, not \(maxFileSize)")
        }
    }

    var bytes: Int { maxFileSize << 20 }
}

/// Cases, replications and seed of the simulations behind `report`, `compare` and `check`.
struct SamplingOptions: ParsableArguments {
    @Option(help: "Cases per replication of each simulation.")
    var cases = InvariantChecker.defaultSimulation.cases ?? 2_000

    @Option(help: "Replications, at least 2 (report and compare pair them: replication r of both models sees the same arrivals).")
    var replications = InvariantChecker.defaultSimulation.replications

    @Option(parsing: .unconditional, help: "Master random seed, a whole number from 0 to 18446744073709551615.")
    var seed: UInt64 = 1

    func validate() throws {
        guard (1...10_000_000).contains(cases), (2...10_000).contains(replications) else {
            throw ValidationError("--cases must be from 1 to 10000000 and --replications from 2 to 10000 "
                                  + "(confidence intervals need two)")
        }
    }

    var simulation: SimulationOptions { SimulationOptions(cases: cases, replications: replications, seed: seed) }
}
