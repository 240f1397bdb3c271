import ArgumentParser
import Synchronization
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProcmodAnalysis
import ProcmodLoader
import ProcmodModel
import ProcmodOutput
import ProcmodReporting
import ProcmodSimulation

extension Procmod {
    /// `procmod simulate`: lead times, on-time share and utilisation, with confidence intervals.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Simulate a procedure: lead time, on-time share, queues and utilisation, with 95% confidence intervals.",
            discussion: """
                Replications run in parallel on independent random streams derived from --seed; the output
                is the same bytes for the same input and seed, whatever the number of threads.

                A catalogue (docs/catalogue.md) is simulated as one site: all its procedures together on
                the resources they share, for one year (--horizon) with every case that arrives.

                Examples:
                  procmod simulate procedures/passport.xml
                  procmod simulate --cases 5000 --replications 10 --seed 7 FILE
                  procmod simulate --horizon 365 --warmup 30 --format json FILE
                  procmod simulate --event-log log.csv procedures/passport.xml
                  procmod simulate --event-log log.xes procedures/passport.xml
                  procmod simulate examples/catalogue/commune.xml
                  procmod simulate CATALOGUE --shard 2/7 -o part-2.json
                """
        )

        @Argument(help: ArgumentHelp("A procedure file, or a catalogue.", valueName: "file"), completion: .file(extensions: ["xml"]))
        var path: String

        @Option(help: ArgumentHelp("Catalogues: run shard I of N (every N-th replication) and write a partial result for `procmod merge`.",
                                   valueName: "I/N"))
        var shard: Shard?

        @Option(name: .shortAndLong, help: ArgumentHelp("Catalogues: write the report or partial result here (atomically).", valueName: "file"),
                completion: .file())
        var output: String?

        @Option(help: "Cases per replication (default 10000 unless --horizon is given).")
        var cases: Int?

        @Option(help: ArgumentHelp("Calendar days to simulate per replication instead of a number of cases.", valueName: "days"))
        var horizon: Double?

        @Option(help: "Independent replications.")
        var replications = 30

        @Option(parsing: .unconditional, help: "Master random seed, a whole number from 0 to 18446744073709551615.")
        var seed: UInt64 = 1

        @Option(help: ArgumentHelp("Calendar days at the start whose arrivals are not counted.", valueName: "days"))
        var warmup: Double = 0

        @Option(help: ArgumentHelp("The simulation's day 0 (YYYY-MM-DD; default 2026-01-05, a Monday).", valueName: "date"),
                transform: LocalDate.parseArgument)
        var start = SimulationOptions().startDate

        @Option(help: "Threads for replications (default: all cores).")
        var threads: Int?

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Option(help: "Language of the text output: vi or en (default: PROCMOD_LANG, else the locale).")
        var lang: Language = .fromEnvironment

        @Option(help: ArgumentHelp("Write replication 1's event log atomically: CSV (case_id,activity,activity_name,resource,lifecycle,enabled,start,end), or XES (IEEE 1849) when the name ends in .xes.", valueName: "file.csv|file.xes"))
        var eventLog: String?

        @Flag(help: "Replace the event log file even when it is read-only.")
        var force = false

        @OptionGroup var load: LoadOptions

        func validate() throws {
            if let cases, cases <= 0 { throw ValidationError("--cases must be positive") }
            let longest = decimalText(Limits.maximumHorizonDays)
            if let horizon, !(horizon > 0 && horizon <= Limits.maximumHorizonDays) {
                throw ValidationError("--horizon must be a number of days above 0 and at most \(longest) (100 years), not \(horizon)")
            }
            if cases != nil && horizon != nil { throw ValidationError("give --cases or --horizon, not both") }
            if let cases, cases > 10_000_000 { throw ValidationError("--cases must be at most 10000000") }
            guard (1...10_000).contains(replications) else { throw ValidationError("--replications must be from 1 to 10000") }
            guard warmup >= 0 && warmup <= Limits.maximumHorizonDays else {
                throw ValidationError("--warmup must be a number of days from 0 to \(longest), not \(warmup)")
            }
            if let horizon, warmup >= horizon {
                throw ValidationError("--warmup (\(decimalText(warmup)) days) must be shorter than --horizon (\(decimalText(horizon)) days)")
            }
            guard Limits.years.contains(start.year) else {
                throw ValidationError("--start must lie in the years \(Limits.years.lowerBound) to \(Limits.years.upperBound)")
            }
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
            if eventLog == "-" {
                throw ValidationError("--event-log - would mix the CSV with the report on standard output; name a file")
            }
        }

        func run() throws {
            if DSLFileKind.of(path: path) == .catalogue {
                if cases != nil { throw CLIError.usage("a catalogue is simulated over --horizon days (default 365), not a number of cases") }
                let options = CatalogueJob.options(replications: replications, seed: seed, horizon: horizon, warmup: warmup, start: start,
                                                   threads: threads)
                return try CatalogueJob(path: path, scenario: nil, options: options, maximumFileSize: load.bytes, applyScenarios: false)
                    .run(command: "simulate", shard: shard, format: format == .json ? .json : .text, language: lang, output: output, force: force)
            }
            if shard != nil || output != nil { throw CLIError.usage("--shard and -o are for catalogues; a procedure's report goes to standard output") }
            let loaded = ProcedureLoader(maximumFileSize: load.bytes).load(path: path)
            for d in loaded.diagnostics { Terminal.err(Terminal.line(for: d)) }
            guard let procedure = loaded.procedure else { throw CLIError.badInput() }
            let options = SimulationOptions(
                cases: horizon == nil ? (cases ?? 10_000) : nil, horizonDays: horizon, replications: replications,
                seed: seed, warmupDays: warmup, startDate: start,
                threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
            var log: EventLogWriter?
            if let eventLog {
                do throws(OutputError) {
                    log = try EventLogWriter(path: eventLog, startDate: options.startDate, inputs: [path], force: force)
                } catch {
                    throw CLIError(error)
                }
            }
            let progress = ProgressBar(total: replications)
            var report: SimulationReport
            do throws(SimulationError) {
                report = try Simulator(options: options).run(procedure, eventLog: log) { progress.update($0) }
            } catch {
                progress.clear()
                log?.abandon()
                throw CLIError(error)
            }
            progress.clear()
            do throws(OutputError) { try log?.finish() } catch { throw CLIError(error) }
            // The analyzer's overloaded actors too (the simulator's own warning needs 98% utilisation, which a
            // short run of cases may not reach); each actor once.
            let analytic = ProcedureAnalysis(procedure).overloadWarnings
                .filter { load in !report.warnings.contains { $0.hasPrefix("actor '\(load.actor)'") } }
            report.warnings += analytic.map(\.message)
            for warning in report.warnings { Terminal.err("\(path): \(Terminal.paint("warning:", "1;33")) \(warning) [simulation]") }
            switch format {
            case .text: Terminal.out(SimulationText(report: report, procedure: procedure, language: lang).text)
            case .json: Terminal.out(try jsonDocument(report, kind: "simulation"))
            }
        }
    }
}

/// A progress bar on standard error, shown only on a terminal and only after about a second.
final class ProgressBar: Sendable {
    private let total: Int
    private let started = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private let shown = Mutex(false)
    private let unit: String

    init(total: Int, unit: String = "replications") {
        self.total = total
        self.unit = unit
    }

    func update(_ done: Int) {
        guard enabled, Date().timeIntervalSince(started) > 1 else { return }
        shown.withLock { shown in
            shown = true
            let width = 30, filled = width * done / max(total, 1)
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            Terminal.write("\r[\(bar)] \(done)/\(total) \(unit)", to: STDERR_FILENO)
        }
    }

    func clear() {
        guard shown.withLock({ $0 }) else { return }
        Terminal.write("\r\u{1B}[K", to: STDERR_FILENO)
    }
}

/// `--start 2026-01-05`: parsed once, as a calendar date.
extension LocalDate {
    static func parseArgument(_ text: String) throws -> LocalDate {
        guard let date = LocalDate(text) else { throw ValidationError("'\(text)' is not a calendar date: expected YYYY-MM-DD") }
        return date
    }
}
