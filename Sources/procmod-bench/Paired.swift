import Foundation

/// Why a benchmark could not run: printed, and the command exits non-zero (never a trap).
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A command to time: its executable's path and arguments, and whether its standard output is kept.
struct Timed {
    var label: String
    var argv: [String]
    var captures = false
    /// Exit statuses that count as success (analyze exits 1 on findings).
    var success: Set<Int32> = [0]
}

/// Order statistics of a sample.
struct Spread {
    var min: Double
    var median: Double
    var max: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        min = sorted.first ?? .nan
        max = sorted.last ?? .nan
        median = sorted.isEmpty ? .nan : sorted.count % 2 == 1 ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// Two commands measured in pairs: `warmup` pairs first, not counted, then `runs` pairs, A B A B …, so
/// that the machine's drift during a session touches both alike. The ratio is taken per pair (B ÷ A) and
/// summarised by its median, with its minimum and maximum.
struct PairedRuns {
    var a: [ChildRun]
    var b: [ChildRun]

    var ratios: Spread { Spread(zip(a, b).map { $0.1.wallSeconds / $0.0.wallSeconds }) }
    /// Per pair, B's CPU time (user + system) over A's: steadier than wall time on a machine whose other
    /// tenants take the processor now and then.
    var cpuRatios: Spread { Spread(zip(a, b).map { $0.1.cpuSeconds / $0.0.cpuSeconds }) }
    var cpuA: Spread { Spread(a.map(\.cpuSeconds)) }
    var cpuB: Spread { Spread(b.map(\.cpuSeconds)) }
    var wallA: Spread { Spread(a.map(\.wallSeconds)) }
    var wallB: Spread { Spread(b.map(\.wallSeconds)) }
    var peakA: Double { a.map(\.peakMiB).max() ?? .nan }
    var peakB: Double { b.map(\.peakMiB).max() ?? .nan }

    static func measure(_ a: Timed, _ b: Timed, runs: Int, warmup: Int, scratch: Scratch) throws(BenchError) -> PairedRuns {
        var result = PairedRuns(a: [], b: [])
        for k in 0..<(warmup + runs) {
            let x = try run(a, scratch: scratch), y = try run(b, scratch: scratch)
            if k >= warmup { result.a.append(x); result.b.append(y) }
        }
        return result
    }

    /// Runs one command once; throws when it cannot be spawned or fails.
    static func run(_ command: Timed, scratch: Scratch) throws(BenchError) -> ChildRun {
        let out = command.captures ? scratch.path("stdout.txt") : nil
        guard let run = spawnAndWait(command.argv, stdout: out) else { throw BenchError("cannot run \(command.argv[0])") }
        guard command.success.contains(run.status) else {
            throw BenchError("\(command.label): `\(command.argv.joined(separator: " "))` exited \(run.status)")
        }
        return run
    }
}

/// A temporary folder for one benchmark run, removed when the run ends (unless PROCMOD_BENCH_KEEP is set).
final class Scratch {
    let folder: String

    init(_ name: String) throws(BenchError) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("procmod-bench-\(name)-\(getpid())").path
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw BenchError("cannot create \(folder): \(error.localizedDescription)")
        }
        if ProcessInfo.processInfo.environment["PROCMOD_BENCH_KEEP"] != nil { print("keeping the files in \(folder)") }
    }

    deinit {
        if ProcessInfo.processInfo.environment["PROCMOD_BENCH_KEEP"] == nil { try? FileManager.default.removeItem(atPath: folder) }
    }

    func path(_ name: String) -> String { folder + "/" + name }

    /// Writes `text` to `name` in the folder and returns its path.
    func write(_ text: String, to name: String) throws(BenchError) -> String {
        let target = path(name)
        do { try text.write(toFile: target, atomically: true, encoding: .utf8) } catch {
            throw BenchError("cannot write \(target): \(error.localizedDescription)")
        }
        return target
    }
}

/// Where the tools are: procmod beside this executable, the others on PATH; nil when absent.
enum Tools {
    static var procmod: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("procmod").path
    }

    /// The repository (for procedures/ and the peers' folder beside it).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func onPath(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func requireProcmod(_ given: String? = nil) throws(BenchError) -> String {
        let path = given ?? procmod
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError(given == nil ? "\(path) is missing: build it first (swift build -c release)" : "\(path) is not an executable")
        }
        return path
    }

    /// Prints that a tool is missing and what is skipped.
    static func skip(_ tool: String, _ what: String) { print("skipped: \(tool) not found, so \(what) not measured") }
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

/// "0.123 s"
func seconds(_ x: Double) -> String { String(format: "%.3f s", x) }

/// "2.31× (2.20–2.45)"
func ratio(_ s: Spread) -> String { String(format: "%.2f× (%.2f–%.2f)", s.median, s.min, s.max) }
