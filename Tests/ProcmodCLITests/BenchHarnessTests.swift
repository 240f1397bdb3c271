import Foundation
import ProcmodTestSupport
import Testing

/// The benchmark harness (issue 17): bad arguments are usage errors, a missing reference tool is reported
/// and skipped, and a run leaves no temporary files (the figures themselves are measured, never asserted).
@Suite struct BenchHarnessTests {
    static func bench(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try TestSupport.runProcmod(arguments, environment: ["NO_COLOR": "1", "TMPDIR": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin"],
                                   product: "procmod-bench")
    }

    @Test func badArgumentsAreUsageErrorsNotTraps() throws {
        for arguments in [["simulate", "--runs", "0"], ["load", "--steps", "x"], ["simulate", "--scale", "-3"], ["nonsense"]] {
            let r = try Self.bench(arguments)
            #expect(r.status == 64, "\(arguments): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("Error") || r.stderr.contains("error"), "\(r.stderr)")
        }
    }

    @Test func aMissingReferenceLoopIsSkippedAndTheRunStillMeasuresProcmod() throws {
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? [])
        let r = try Self.bench(["simulate", "--scale", "1000", "--runs", "1", "--warmup", "0", "--no-memory", "--peers", "/nonexistent"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("skipped: gcc (or /nonexistent/mm_ref.c) not found, so the C reference loop not measured"))
        #expect(r.stdout.contains("| M1 M/M/1 | 1000 | – |"), "\(r.stdout)")
        let after = Set((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? [])
        #expect(after.subtracting(before).filter { $0.hasPrefix("procmod-bench-") }.isEmpty, "the scratch folder is removed")
    }
}
