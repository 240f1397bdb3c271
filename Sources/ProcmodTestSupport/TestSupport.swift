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
    public static func runProcmod(_ arguments: [String], environment: [String: String] = ["NO_COLOR": "1"])
        throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("procmod")
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
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
}
