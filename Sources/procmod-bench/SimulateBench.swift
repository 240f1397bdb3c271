import ArgumentParser
import Foundation
import ProcmodLoader
import ProcmodModel
import ProcmodSimulation
import ProcmodTestSupport

/// `procmod-bench simulate`: the peers' three queueing models run by procmod and by the C reference loop
/// (and SimPy when a Python with it is given), whole process and loop only, start-up, and memory.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The peers' M1, M2, M3 models: procmod against the C reference loop, whole process and loop only.")

    @OptionGroup var pairs: PairOptions

    @Option(help: "Divide every model's number of customers by this (a quick check).")
    var scale = 1

    @Option(help: ArgumentHelp("The peers' folder, with mm_ref.c and simpy_m*.py.", valueName: "dir"))
    var peers = Tools.root.deletingLastPathComponent().appendingPathComponent("shared/peers").path

    @Option(help: ArgumentHelp("A Python with SimPy installed, for the SimPy rows (default: $PROCMOD_BENCH_PYTHON).", valueName: "python"))
    var python: String?

    @Flag(help: "Skip the memory runs (1 and 10 million cases, a few seconds).")
    var noMemory = false

    func validate() throws {
        guard (1...10_000).contains(scale) else { throw ValidationError("--scale is 1 to 10000") }
    }

    static let seed = "12345"

    struct Model {
        var name: String
        var number: String
        var xml: String
        var customers: Int
    }

    func run() throws {
        try guarded { () throws(BenchError) in
            let procmod = try Tools.requireProcmod(pairs.procmod)
            let scratch = try Scratch("simulate")
            let models = [
                Model(name: "M1 M/M/1", number: "1", xml: QueueModels.m1, customers: 1_000_000 / scale),
                Model(name: "M2 M/M/5", number: "2", xml: QueueModels.m2, customers: 1_000_000 / scale),
                Model(name: "M3 tandem + rework", number: "3", xml: QueueModels.m3, customers: 200_000 / scale),
            ]
            let c = try compileReference(scratch)
            print("procmod-bench simulate: one replication, one thread, seed \(Self.seed); \(pairs.runs) pairs (C, procmod) after "
                  + "\(pairs.warmup) warm-up pairs, \(ProcessInfo.processInfo.activeProcessorCount) cores")
            print("")
            print("Whole process (spawn to exit):")
            print("| model | N | C loop | procmod | procmod ÷ C, median (min–max) | CPU C / procmod | CPU ÷, median (min–max) | events C / procmod | mean time in system C / procmod | peak MiB C / procmod |")
            print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            var files: [String: String] = [:]
            for model in models {
                let file = try scratch.write(model.xml, to: "m\(model.number).xml")
                files[model.number] = file
                let procmodRun = Timed(label: "procmod simulate", argv: [procmod, "simulate", file, "--cases", "\(model.customers)",
                                                                        "--replications", "1", "--threads", "1", "--seed", Self.seed,
                                                                        "--format", "json"], captures: true)
                guard let c else {
                    let runs = try (0..<pairs.runs).map { _ throws(BenchError) in try PairedRuns.run(procmodRun, scratch: scratch) }
                    print("| \(model.name) | \(model.customers) | – | \(seconds(Spread(runs.map(\.wallSeconds)).median)) | – | | | | | |")
                    continue
                }
                let r = try PairedRuns.measure(Timed(label: "C loop", argv: [c, model.number, "\(model.customers)", Self.seed], captures: true),
                                               procmodRun, runs: pairs.runs, warmup: pairs.warmup, scratch: scratch)
                let ours = try Self.procmodFigures(r.b.last?.output ?? "")
                let theirs = try Self.referenceFigures(r.a.last?.output ?? "")
                print("| \(model.name) | \(model.customers) | \(seconds(r.wallA.median)) | \(seconds(r.wallB.median)) | \(ratio(r.ratios)) | "
                      + "\(seconds(r.cpuA.median)) / \(seconds(r.cpuB.median)) | \(ratio(r.cpuRatios)) | "
                      + String(format: "%.0f / %.0f | %.4f / %.4f | ", theirs.events, ours.events, theirs.meanTime, ours.meanTime)
                      + "\(peakText(r.peakA)) / \(peakText(r.peakB)) |")
            }
            if let c {
                print("")
                print("Loop only (C: its own clock around the event loop; procmod: one replication in process, model compiled and run,"
                      + " by the engine this procmod-bench was built with):")
                print("| model | C loop | procmod | procmod ÷ C, median (min–max) |")
                print("|---|---:|---:|---:|")
                for model in models {
                    let loop = try loopOnly(model, c: c, scratch: scratch)
                    print("| \(model.name) | \(seconds(loop.c.median)) | \(seconds(loop.procmod.median)) | \(ratio(loop.ratios)) |")
                }
                print("")
                print("Start-up (M1 with one customer; procmod --version):")
                let startup = try PairedRuns.measure(
                    Timed(label: "C loop", argv: [c, "1", "1", Self.seed]),
                    Timed(label: "procmod simulate", argv: [procmod, "simulate", files["1"]!, "--cases", "1", "--replications", "1",
                                                            "--threads", "1", "--format", "json"]),
                    runs: pairs.runs, warmup: pairs.warmup, scratch: scratch)
                let version = try (0..<pairs.runs).map { _ throws(BenchError) in
                    try PairedRuns.run(Timed(label: "procmod --version", argv: [procmod, "--version"]), scratch: scratch).wallSeconds
                }
                print(String(format: "  C loop %.1f ms, procmod simulate %.1f ms (%.1f×), procmod --version %.1f ms (medians)",
                             startup.wallA.median * 1e3, startup.wallB.median * 1e3, startup.ratios.median, Spread(version).median * 1e3))
            } else {
                Tools.skip("gcc (or \(peers)/mm_ref.c)", "the C reference loop")
            }
            try simpy(models, procmodFiles: files, procmod: procmod, scratch: scratch)
            if !noMemory {
                print("")
                print("Peak memory, M1, one replication (flat in the number of cases):")
                for n in [1_000_000 / scale, 10_000_000 / scale] {
                    let r = try PairedRuns.run(Timed(label: "procmod simulate", argv: [procmod, "simulate", files["1"]!, "--cases", "\(n)",
                                                                                    "--replications", "1", "--threads", "1", "--format", "json"]),
                                               scratch: scratch)
                    print("  \(n) cases: \(peakText(r.peakMiB)) MiB peak, " + String(format: "%.2f s", r.wallSeconds))
                }
            }
        }
    }

    /// Compiles the C reference loop with `gcc -O2`; nil (and a note) when gcc or the source is missing.
    func compileReference(_ scratch: Scratch) throws(BenchError) -> String? {
        let source = peers + "/mm_ref.c"
        guard FileManager.default.fileExists(atPath: source), let gcc = Tools.onPath("gcc") ?? Tools.onPath("cc") else { return nil }
        let binary = scratch.path("mm_ref")
        let r = try PairedRuns.run(Timed(label: "gcc", argv: [gcc, "-O2", "-o", binary, source, "-lm"]), scratch: scratch)
        return r.status == 0 ? binary : nil
    }

    /// Loop-only pairs: the C loop's own timer against one in-process replication.
    func loopOnly(_ model: Model, c: String, scratch: Scratch) throws(BenchError) -> (c: Spread, procmod: Spread, ratios: Spread) {
        let loaded = ProcedureLoader().load(bytes: Array(model.xml.utf8), path: "\(model.name).xml")
        guard let procedure = loaded.procedure else { throw BenchError("\(model.name) does not load: \(loaded.diagnostics.prefix(3))") }
        let simulator = Simulator(options: SimulationOptions(cases: model.customers, replications: 1, seed: UInt64(Self.seed)!, threads: 1))
        var cTimes: [Double] = [], ours: [Double] = []
        for k in 0..<(pairs.warmup + pairs.runs) {
            let r = try PairedRuns.run(Timed(label: "C loop", argv: [c, model.number, "\(model.customers)", Self.seed], captures: true),
                                       scratch: scratch)
            let start = monotonicSeconds()
            do throws(SimulationError) { _ = try simulator.replications(procedure) } catch { throw BenchError("\(model.name): \(error)") }
            let elapsed = monotonicSeconds() - start
            if k >= pairs.warmup { cTimes.append(try Self.referenceFigures(r.output).loopSeconds); ours.append(elapsed) }
        }
        return (Spread(cTimes), Spread(ours), Spread(zip(ours, cTimes).map { $0 / $1 }))
    }

    /// SimPy's rows, when a Python with SimPy is given.
    func simpy(_ models: [Model], procmodFiles: [String: String], procmod: String, scratch: Scratch) throws(BenchError) {
        guard let python = python ?? ProcessInfo.processInfo.environment["PROCMOD_BENCH_PYTHON"] else { print(""); print("SimPy: not measured (give --python or PROCMOD_BENCH_PYTHON, a Python with simpy)"); return }
        guard let check = spawnAndWait([python, "-c", "import simpy"]), check.status == 0 else {
            Tools.skip("a Python with simpy at \(python)", "SimPy"); return
        }
        print("")
        print("SimPy (one run each, whole process):")
        print("| model | SimPy | procmod | SimPy ÷ procmod |")
        print("|---|---:|---:|---:|")
        for model in models {
            let script = peers + "/simpy_m\(model.number).py"
            guard FileManager.default.fileExists(atPath: script) else { Tools.skip(script, "SimPy \(model.name)"); continue }
            let s = try PairedRuns.run(Timed(label: "SimPy", argv: [python, script, "\(model.customers)", Self.seed]), scratch: scratch)
            // The same command as the whole-process rows.
            let p = try PairedRuns.run(Timed(label: "procmod", argv: [procmod, "simulate", procmodFiles[model.number]!, "--cases",
                                                                       "\(model.customers)", "--replications", "1", "--threads", "1",
                                                                       "--seed", Self.seed, "--format", "json"]),
                                       scratch: scratch)
            print(String(format: "| %@ | %.2f s | %.3f s | %.0f× |", model.name, s.wallSeconds, p.wallSeconds, s.wallSeconds / p.wallSeconds))
        }
    }

    /// Events and mean time in system (minutes) from `procmod simulate --format json`.
    static func procmodFigures(_ output: String) throws(BenchError) -> (events: Double, meanTime: Double) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
              let kpis = object["kpis"] as? [String: [String: Any]],
              let events = (kpis["events"]?["mean"] as? NSNumber)?.doubleValue,
              let days = (kpis["leadTimeCalendarDays"]?["mean"] as? NSNumber)?.doubleValue
        else { throw BenchError("procmod simulate did not print the expected JSON") }
        return (events, days * 1440)
    }

    /// Events, mean time in system and the loop's own seconds from the C loop's JSON line.
    static func referenceFigures(_ output: String) throws(BenchError) -> (events: Double, meanTime: Double, loopSeconds: Double) {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
              let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let events = (object["events"] as? NSNumber)?.doubleValue,
              let time = (object["mean_system_time"] as? NSNumber)?.doubleValue,
              let loop = (object["sim_s"] as? NSNumber)?.doubleValue
        else { throw BenchError("the C loop did not print the expected JSON line") }
        return (events, time, loop)
    }
}
