import Foundation
import ProcmodLoader
import ProcmodModel

/// Paths and helpers shared by procmod's test targets.
public enum TestSupport {
    /// The repository root, found from this file's location.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `procedures/`, `examples/`, `docs/` and so on.
    public static func path(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent(relative).path
    }

    /// Loads XML text as if it were the file `name`.
    public static func load(_ xml: String, name: String = "test.xml") -> LoadedProcedure {
        ProcedureLoader().load(bytes: Array(xml.utf8), path: name)
    }

    /// Diagnostics as the CLI prints them, without colour.
    public static func lines(_ loaded: LoadedProcedure) -> [String] {
        loaded.diagnostics.map(\.description)
    }

    /// A temporary directory, removed by the caller.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("procmod-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The directory holding the built products (`procmod`, the test bundle).
    public static var productsDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// Runs the built `procmod` with arguments; returns exit status, stdout and stderr.
    public static func runProcmod(_ arguments: [String], environment: [String: String] = ["NO_COLOR": "1"], in folder: URL? = nil,
                                  product: String = "procmod") throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent(product)
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? repositoryRoot
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Runs a test oracle (a Python script of Tests/oracles) with `python`; returns its exit status and
    /// standard output (standard error is left to the console).
    public static func runOracle(_ python: String, _ script: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [path("Tests/oracles/" + script)] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}

/// The peers' queueing models (shared/peers/theory.py) written in the DSL, on a calendar that never
/// closes, time in minutes: `stations` are (servers, mean exponential service minutes), arrivals are
/// Poisson at λ per minute, `rework` sends cases back from one station to an earlier one with
/// probability p. Used by the theory tests and by procmod-bench.
public enum QueueModels {
    public static func xml(lambda: Double, stations: [(Int, Double)], rework: (from: Int, to: Int, p: Double)? = nil) -> String {
        let actors = stations.enumerated().map { i, s in
            "<actor id=\"s\(i)\" name-en=\"Station \(i)\" kind=\"official\" capacity=\"\(s.0)\"/>"
        }.joined(separator: "\n    ")
        var flow = ""
        for (i, s) in stations.enumerated() {
            flow += "<step id=\"t\(i)\" name-en=\"Step \(i)\" kind=\"verify\" actor=\"s\(i)\"><work unit=\"minutes\"><exponential mean=\"\(s.1)\"/></work>"
            flow += i == stations.count - 1 ? "<produces document=\"result\" medium=\"electronic\"/>" : ""
            flow += "</step>\n"
            if let r = rework, r.from == i {
                flow += "<choice id=\"c\(i)\"><branch to=\"t\(i + 1)\" probability=\"\(1 - r.p)\"/><branch to=\"t\(r.to)\" probability=\"\(r.p)\" loop=\"rework\"/></choice>\n"
            }
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <procedure xmlns="urn:procmod:procedure:1" code="QUEUE" name-en="Queue" level="central">
          <volume per-year="\(lambda * 525_960)"/>
          <result document="result"/>
          <channels><channel id="c" kind="online" share="1"/></channels>
          <actors>
            \(actors)
          </actors>
          <documents><document id="result" name-en="Result" kind="result" medium="electronic"/></documents>
          <flow>
        \(flow)    <end id="done"/>
          </flow>
        </procedure>
        """
    }

    /// M1: M/M/1, λ = 0.9, μ = 1.
    public static let m1 = xml(lambda: 0.9, stations: [(1, 1.0)])
    /// M2: M/M/5, λ = 4.5, μ = 1.
    public static let m2 = xml(lambda: 4.5, stations: [(5, 1.0)])
    /// M3: a 10-station tandem line with rework from station 6 back to 4 (p = 0.1), λ = 0.8.
    public static let m3 = xml(lambda: 0.8, stations: [(1, 1.0), (2, 2.0), (1, 0.9), (3, 2.7), (1, 0.75), (2, 1.8), (1, 0.85),
                                                     (1, 1.05), (2, 1.6), (1, 0.95)], rework: (5, 3, 0.1))
}
