import ArgumentParser

/// The `procmod` command: model, analyze and simulate administrative procedures.
@main
struct Procmod: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procmod",
        abstract: "Model administrative procedures, find redundant paper, and estimate time after digitization.",
        discussion: """
            Procedures are XML files in the procmod DSL (see docs/dsl.md).

            Examples:
              procmod report procedures/birth-registration.xml --scenario examples/scenarios/birth-registration-2024.xml
              procmod validate procedures/
              procmod show procedures/birth-registration.xml
              procmod analyze procedures/
              procmod simulate procedures/passport.xml
              procmod schema > procedure-1.xsd
            """,
        version: procmodVersion,
        subcommands: [Report.self, Validate.self, Show.self, Analyze.self, Simulate.self, Digitize.self, Compare.self, Check.self,
                      Rules.self, Schema.self]
    )
}

/// procmod's version.
let procmodVersion = "0.1.0"

/// Exit codes (see README): 0 clean, 1 findings or failed checks, 64 usage, 65 bad input data.
enum ExitCodes {
    static let badInput = ExitCode(65)
}

/// Output formats shared by the commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Options for reading procedure files.
struct LoadOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Refuse files larger than this many MiB.", valueName: "MiB"))
    var maxFileSize: Int = 32

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be a positive number of MiB") }
    }

    var bytes: Int { maxFileSize << 20 }
}
