import ArgumentParser
import Foundation
import ProcmodAnalysis
import ProcmodLoader

/// `procmod-bench analyze`: the analyzer's time in process (loading excluded) as procedures grow.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyzer time in process (1,000 to 100,000 steps, and procedures/), then whole commands on 1,000 and 10,000 steps.")

    @Option(help: "Runs per case (the median is reported).")
    var runs = 3

    func run() throws {
        try guarded { () throws(BenchError) in
            print("procmod-bench analyze: in-process analysis time (load excluded), median of \(runs) runs")
            print("| procedure | steps | analysis | per step |")
            print("|---|---:|---:|---:|")
            let loader = ProcedureLoader(maximumFileSize: 256 << 20)
            for steps in [1_000, 10_000, 100_000] {
                let loaded = loader.load(bytes: Array(GeneratedProcedure.xml(steps: steps).utf8), path: "generated-\(steps).xml")
                guard let procedure = loaded.procedure else { throw BenchError("the generated procedure does not load: \(loaded.diagnostics.prefix(3))") }
                var findings = 0
                let t = median { findings = Analyzer().analyze(procedure).findings.count }
                print(String(format: "| generated (%d findings) | %d | %.4f s | %.2f µs |", findings, steps, t, t / Double(steps) * 1e6))
            }
            let shipped = loader.loadAll([Tools.root.appendingPathComponent("procedures").path]).compactMap(\.procedure)
            let steps = shipped.reduce(0) { $0 + $1.flow.steps.count }
            let t = median { for p in shipped { _ = Analyzer().analyze(p) } }
            print(String(format: "| procedures/ (%d files) | %d | %.4f s | %.2f µs |", shipped.count, steps, t, t / Double(max(steps, 1)) * 1e6))
            try commands()
        }
    }

    /// Every command that reads a whole procedure, as a user runs it, on 1,000 and 10,000 steps: ten times the
    /// steps should cost about ten times the time (a command that costs a hundred times is quadratic).
    func commands() throws(BenchError) {
        let procmod = try Tools.requireProcmod()
        let scratch = try Scratch("analyze")
        let small = try scratch.write(GeneratedProcedure.xml(steps: 1_000), to: "steps-1000.xml")
        let large = try scratch.write(GeneratedProcedure.xml(steps: 10_000), to: "steps-10000.xml")
        print("")
        print("Whole commands on the generated procedure, median of \(runs) runs: 1,000 and 10,000 steps")
        print("| command | 1,000 steps | 10,000 steps | 10× the steps costs |")
        print("|---|---:|---:|---:|")
        let commands: [(String, [String], Set<Int32>)] = [
            ("validate", ["validate", "--quiet"], [0]), ("analyze", ["analyze", "--exit-zero"], [0]), ("show", ["show"], [0]),
            ("cost", ["cost"], [0]),
            ("diagram", ["diagram", "--force", "-o", scratch.path("d.svg")], [0]),
            ("export BPMN + Prosimos", ["export", "--force", "-o", scratch.path("e.bpmn"), "--prosimos", scratch.path("e.json")], [0]),
        ]
        for (name, arguments, success) in commands {
            func time(_ file: String) throws(BenchError) -> Double {
                let samples = try (0..<runs).map { _ throws(BenchError) in
                    try PairedRuns.run(Timed(label: name, argv: [procmod] + arguments + [file], success: success), scratch: scratch).wallSeconds
                }
                return Spread(samples).median
            }
            let a = try time(small), b = try time(large)
            print(String(format: "| %@ | %.3f s | %.3f s | %.1f× |", name, a, b, b / a))
        }
    }

    func median(_ body: () -> Void) -> Double {
        Spread((0..<runs).map { _ in
            let start = monotonicSeconds()
            body()
            return monotonicSeconds() - start
        }).median
    }
}
