// procmod-bench: speed benchmarks, with their commands in docs/benchmarks.md.
//   load     validate against libxml2's own floor (xmllint --schema)
//   analyze  analyzer time for generated procedures of 1,000, 10,000 and 100,000 steps and procedures/
//   catalogue  a synthetic province catalogue (generate writes it only): analyze, joint simulation, shards
// Run: swift build -c release && .build/release/procmod-bench load|analyze [--steps N] [--files N] [--runs N]
import Foundation
import ProcmodAnalysis
import ProcmodLoader
import ProcmodSimulation
import ProcmodTestSupport

struct Options {
    var steps = 10_000
    var files = 1_000
    var runs = 5
}

let mode = CommandLine.arguments.dropFirst().first ?? "load"
if mode == "catalogue" || mode == "generate" { exit(catalogueBenchmark(mode, Array(CommandLine.arguments.dropFirst(2)))) }

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst(2)
    while let flag = arguments.popFirst() {
        guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else {
            fatalError("usage: procmod-bench load|analyze [--steps N] [--files N] [--runs N]")
        }
        switch flag {
        case "--steps": options.steps = value
        case "--files": options.files = value
        case "--runs": options.runs = value
        default: fatalError("unknown option \(flag)")
        }
    }
    return options
}

/// A procedure with `steps` steps: a probabilistic choice every 20 steps, documents required and produced.
func generatedProcedure(steps: Int) -> String {
    var flow = ""
    for i in 0..<steps {
        let actor = ["applicant", "desk", "office", "signer"][i % 4]
        flow += """
            <step id="s\(i)" kind="verify" actor="\(actor)" name="Bước \(i)" name-en="Step \(i)">
              <work unit="minutes"><triangular min="5" mode="10" max="\(20 + i % 7)"/></work>
              <requires document="d\(i % 50)" form="copy"/>
            </step>

        """
        if i % 20 == 19 && i + 1 < steps {
            flow += """
                <choice id="c\(i)"><branch to="s\(i + 1)" probability="0.9"/><branch to="s\(i - 5)" probability="0.1" loop="rework" max="2"/></choice>

            """
        }
    }
    let documents = (0..<50).map { "    <document id=\"d\($0)\" kind=\"evidence\" medium=\"paper\" pages=\"2\"/>" }
        .joined(separator: "\n")
    return """
    <?xml version="1.0" encoding="UTF-8"?>
    <procedure xmlns="urn:procmod:procedure:1" code="BENCH" name="Thủ tục thử" name-en="Benchmark" level="province">
      <volume per-year="100000"/>
      <result document="result"/>
      <channels><channel id="in-person" kind="in-person" share="1"/></channels>
      <calendars><calendar id="office"><hours days="mon tue wed thu fri" from="08:00" to="17:00"/></calendar></calendars>
      <actors>
        <actor id="applicant" kind="applicant" capacity="unlimited"/>
        <actor id="desk" kind="reception-desk" capacity="2" calendar="office"/>
        <actor id="office" kind="specialist-office" capacity="4" calendar="office"/>
        <actor id="signer" kind="signer" capacity="1" calendar="office"/>
      </actors>
      <documents>
    \(documents)
        <document id="result" kind="result" medium="paper"/>
      </documents>
      <flow>
    \(flow)    <step id="issue" kind="sign" actor="signer"><produces document="result" medium="paper"/></step>
        <end id="done"/>
      </flow>
    </procedure>

    """
}

/// Median wall time of running a command `runs` times, in seconds; fails loudly on a non-zero exit.
func time(_ executable: String, _ arguments: [String], runs: Int) -> Double {
    var samples: [Double] = []
    for _ in 0..<runs {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try! process.run()
        process.waitUntilExit()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        precondition(process.terminationStatus == 0, "\(executable) \(arguments.prefix(3)) exited \(process.terminationStatus)")
    }
    return samples.sorted()[samples.count / 2]
}

/// Median in-process seconds of `body` over `runs` runs.
func median(runs: Int, _ body: () -> Void) -> Double {
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return samples.sorted()[samples.count / 2]
}

let options = parseOptions()
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Runs a command, returning its standard output, wall seconds and peak resident MiB (/usr/bin/time).
func measure(_ executable: String, _ arguments: [String]) -> (output: String, seconds: Double, mib: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
    process.arguments = ["-f", "%M", executable] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let start = DispatchTime.now().uptimeNanoseconds
    try! process.run()
    let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let kib = Double(errors.split(separator: "\n").last.map(String.init) ?? "0") ?? 0
    return (output, seconds, kib / 1024)
}

if mode == "simulate" {
    let scale = max(1, options.files == 1_000 ? 1 : options.files)  // --files N divides every N, like SCALE
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("procmod-sim-bench-\(getpid())")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let models: [(name: String, xml: String, n: Int)] = [
        ("M1", QueueModels.m1, 1_000_000 / scale), ("M2", QueueModels.m2, 1_000_000 / scale), ("M3", QueueModels.m3, 200_000 / scale),
    ]
    let procmodPath = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("procmod").path
    let peers = root.deletingLastPathComponent().appendingPathComponent("shared/peers")
    let cBinary = dir.appendingPathComponent("mm_ref").path
    let compiled = measure("/usr/bin/gcc", ["-O2", "-o", cBinary, peers.appendingPathComponent("mm_ref.c").path, "-lm"])
    let haveC = FileManager.default.isExecutableFile(atPath: cBinary)
    _ = compiled
    print("procmod-bench simulate: one replication, one thread, seed 12345; whole-process wall time (median of \(options.runs))")
    print("| model | N | tool | wall s | model events | events/s | peak MiB | statistic |")
    print("|---|---:|---|---:|---:|---:|---:|---|")
    for model in models {
        let file = dir.appendingPathComponent("\(model.name).xml").path
        try! model.xml.write(toFile: file, atomically: true, encoding: .utf8)
        var runs: [(String, Double, Double)] = []
        for _ in 0..<options.runs {
            runs.append(measure(procmodPath, ["simulate", file, "--cases", "\(model.n)", "--replications", "1", "--threads", "1",
                                              "--seed", "12345", "--format", "json"]))
        }
        runs.sort { $0.1 < $1.1 }
        let median = runs[runs.count / 2]
        let report = try! JSONSerialization.jsonObject(with: Data(median.0.utf8)) as! [String: Any]
        let kpis = report["kpis"] as! [String: [String: Double]]
        let events = kpis["events"]!["mean"]!
        let w = kpis["leadTimeCalendarDays"]!["mean"]! * 1440
        print(String(format: "| %@ | %d | procmod | %.3f | %.0f | %.2f M | %.1f | W %.4f |", model.name, model.n, median.1, events,
                     events / median.1 / 1e6, median.2, w))
        if haveC {
            var cRuns: [(String, Double, Double)] = []
            for _ in 0..<options.runs { cRuns.append(measure(cBinary, [String(model.name.dropFirst()), "\(model.n)", "12345"])) }
            cRuns.sort { $0.1 < $1.1 }
            let c = cRuns[cRuns.count / 2]
            let line = try! JSONSerialization.jsonObject(with: Data(c.0.utf8)) as! [String: Any]
            let cEvents = (line["events"] as! NSNumber).doubleValue
            print(String(format: "| %@ | %d | C loop | %.3f | %.0f | %.2f M | %.1f | W %.4f |", model.name, model.n, c.1, cEvents,
                         cEvents / c.1 / 1e6, c.2, (line["mean_system_time"] as! NSNumber).doubleValue))
            print(String(format: "| %@ | | procmod ÷ C (wall) | %.2f× | | | | |", model.name, median.1 / c.1))
        }
        if let python = ProcessInfo.processInfo.environment["PROCMOD_BENCH_PYTHON"] {
            let script = peers.appendingPathComponent("simpy_m\(model.name.dropFirst()).py").path
            let r = measure(python, [script, "\(model.n)", "12345"])
            if let line = try? JSONSerialization.jsonObject(with: Data(r.0.utf8)) as? [String: Any],
               let simpyEvents = (line["events"] as? NSNumber)?.doubleValue {
                print(String(format: "| %@ | %d | SimPy | %.3f | %.0f | %.3f M | %.1f | %@ %.4f |", model.name, model.n, r.1,
                             simpyEvents, simpyEvents / r.1 / 1e6, r.2, line["metric"] as? String ?? "",
                             (line["value"] as? NSNumber)?.doubleValue ?? 0))
                print(String(format: "| %@ | | SimPy ÷ procmod (wall) | %.0f× | | | | |", model.name, r.1 / median.1))
            }
        }
    }
    print("")
    print("Peak memory, M1, one replication:")
    for n in [1_000_000 / scale, 10_000_000 / scale] {
        let file = dir.appendingPathComponent("M1.xml").path
        let r = measure(procmodPath, ["simulate", file, "--cases", "\(n)", "--replications", "1", "--threads", "1", "--format", "json"])
        print(String(format: "  %d cases: %.1f MiB peak, %.2f s", n, r.2, r.1))
    }
    exit(0)
}

if mode == "analyze" {
    print("procmod-bench analyze: in-process analysis time (load excluded), median of \(options.runs) runs")
    print("| procedure | steps | analysis | per step |")
    print("|---|---:|---:|---:|")
    let loader = ProcedureLoader(maximumFileSize: 256 << 20)
    for steps in [1_000, 10_000, 100_000] {
        let loaded = loader.load(bytes: Array(generatedProcedure(steps: steps).utf8), path: "generated-\(steps).xml")
        guard let procedure = loaded.procedure else { fatalError("generated procedure does not load: \(loaded.diagnostics.prefix(3))") }
        var findings = 0
        let seconds = median(runs: options.runs) { findings = Analyzer().analyze(procedure).findings.count }
        print(String(format: "| generated (%d findings) | %d | %.4f s | %.2f µs |", findings, steps, seconds, seconds / Double(steps) * 1e6))
    }
    let shipped = loader.loadAll([root.appendingPathComponent("procedures").path]).compactMap(\.procedure)
    let shippedSteps = shipped.reduce(0) { $0 + $1.flow.steps.count }
    let seconds = median(runs: options.runs) { for p in shipped { _ = Analyzer().analyze(p) } }
    print(String(format: "| procedures/ (%d files) | %d | %.4f s | %.2f µs |", shipped.count, shippedSteps, seconds, seconds / Double(shippedSteps) * 1e6))
    exit(0)
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("procmod-bench-\(getpid())")
let folder = directory.appendingPathComponent("folder")
try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { if ProcessInfo.processInfo.environment["PROCMOD_BENCH_KEEP"] == nil { try? FileManager.default.removeItem(at: directory) } }

let schema = directory.appendingPathComponent("procedure-1.xsd").path
try! ProcedureSchema.text.write(toFile: schema, atomically: true, encoding: .utf8)
let big = directory.appendingPathComponent("big.xml").path
try! generatedProcedure(steps: options.steps).write(toFile: big, atomically: true, encoding: .utf8)

let shipped = ProcedureFiles.expand([root.appendingPathComponent("procedures").path])
var folderFiles: [String] = []
for i in 0..<options.files {
    let target = folder.appendingPathComponent(String(format: "p%04d.xml", i)).path
    try! FileManager.default.copyItem(atPath: shipped[i % shipped.count], toPath: target)
    folderFiles.append(target)
}

let procmod = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("procmod").path
let xmllint = "/usr/bin/xmllint"
let bigSize = (try! FileManager.default.attributesOfItem(atPath: big)[.size] as! NSNumber).intValue

print("procmod-bench: whole-process wall time, median of \(options.runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("| case | xmllint --noout --schema | procmod validate | ratio |")
print("|---|---:|---:|---:|")
let a1 = time(xmllint, ["--noout", "--nonet", "--schema", schema, big], runs: options.runs)
let b1 = time(procmod, ["validate", "--quiet", big], runs: options.runs)
print(String(format: "| one procedure, %d steps (%.1f MB) | %.3f s | %.3f s | %.2f |", options.steps, Double(bigSize) / 1e6, a1, b1, b1 / a1))
let a2 = time(xmllint, ["--noout", "--nonet", "--schema", schema] + folderFiles, runs: options.runs)
let b2 = time(procmod, ["validate", "--quiet", folder.path], runs: options.runs)
print(String(format: "| folder of %d procedures | %.3f s | %.3f s | %.2f |", options.files, a2, b2, b2 / a2))
