import Foundation
import ProcmodTestSupport
import Testing

/// Issue 9 at the command line: exit codes on generated procedures, outputs that are never clobbered,
/// option values that make no sense, interrupted runs.
@Suite struct RobustnessCLITests {
    static let allowed: Set<Int32> = [0, 1, 64, 65, 73]

    /// The property, through the real binary: every command ends with a documented exit code.
    @Test func generatedProceduresEndWithADocumentedExitCodeInEveryCommand() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var grammar = ProcedureGrammar(seed: 9)
        for index in 0..<12 {
            let procedure = directory.appendingPathComponent("g\(index).xml").path
            let scenario = directory.appendingPathComponent("s\(index).xml").path
            try grammar.procedure(index: index).write(toFile: procedure, atomically: true, encoding: .utf8)
            try """
            <scenario xmlns="urn:procmod:scenario:1" procedure="G.\(index)" name-en="Generic">
              <electronic-copies/><electronic-result/><online-payment/><electronic-transfer minutes="10"/>
            </scenario>
            """.write(toFile: scenario, atomically: true, encoding: .utf8)
            let small = ["--cases", "60", "--replications", "2"]
            for arguments in [["validate", procedure], ["analyze", procedure], ["simulate", procedure] + small,
                              ["digitize", procedure, "--scenario", scenario],
                              ["report", procedure, "--scenario", scenario, "--format", "html"] + small] {
                let r = try TestSupport.runProcmod(arguments)
                #expect(Self.allowed.contains(r.status), "\(arguments.joined(separator: " ")) exited \(r.status): \(r.stderr)")
                if r.status == 65 {
                    let located = r.stderr.split(separator: "\n").contains { $0.contains(": error: ") && $0.hasSuffix("]") }
                    #expect(located || r.stdout.contains(": error: "), "\(arguments): \(r.stderr)")
                }
            }
        }
    }

    @Test func aJUnitFileInsideAFolderArgumentIsNeverOverwritten() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let procedure = directory.appendingPathComponent("passport.xml").path
        try FileManager.default.copyItem(atPath: TestSupport.path("procedures/passport.xml"), toPath: procedure)
        let before = try Data(contentsOf: URL(fileURLWithPath: procedure))
        for junit in [procedure, directory.path + "/./../" + directory.lastPathComponent + "/passport.xml"] {
            let r = try TestSupport.runProcmod(["check", directory.path, "--junit", junit])
            #expect(r.status == 64)
            #expect(r.stderr.contains("procmod never overwrites its input"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: procedure)) == before)
    }

    @Test func outputsThatAreNotRegularFilesAreRefused() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("null.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        let fifo = directory.appendingPathComponent("pipe.md").path
        #expect(mkfifo(fifo, 0o644) == 0)
        for output in [link, fifo, directory.path] {
            let r = try TestSupport.runProcmod(["compare", "--no-simulation", "procedures/passport.xml",
                                                "examples/after/passport-post.xml", "-o", output])
            #expect(r.status == 73, "\(output): \(r.stderr)")
            #expect(r.stderr.contains("not a regular file") || r.stderr.contains("is a directory"), "\(r.stderr)")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: link)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink, "the link is still a link")
    }

    @Test func aReadOnlyOutputNeedsForceAndKeepsItsMode() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("after.xml").path
        try "old".write(toFile: output, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: output)
        let arguments = ["digitize", "procedures/passport.xml", "--scenario", "examples/scenarios/passport-post.xml", "-o", output]
        let refused = try TestSupport.runProcmod(arguments)
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("is read-only; procmod does not replace it unless you add --force"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "old")
        let forced = try TestSupport.runProcmod(arguments + ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("<?xml"))
        #expect((try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int) == 0o444)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["after.xml"], "no temporary file left")
    }

    @Test func dashIsStandardOutput() throws {
        let r = try TestSupport.runProcmod(["compare", "--no-simulation", "--format", "json", "procedures/passport.xml",
                                            "examples/after/passport-post.xml", "-o", "-"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("{"))
        #expect(!FileManager.default.fileExists(atPath: TestSupport.path("-")))
    }

    @Test("option values that make no sense are usage errors with a reason", arguments: [
        (["simulate", "--horizon", "nan", "procedures/passport.xml"], "--horizon must be a number of days above 0"),
        (["simulate", "--horizon", "inf", "procedures/passport.xml"], "--horizon must be a number of days above 0"),
        (["simulate", "--horizon", "1e308", "procedures/passport.xml"], "at most 36525"),
        (["simulate", "--warmup", "nan", "procedures/passport.xml"], "--warmup must be a number of days from 0"),
        (["simulate", "--seed", "-1", "procedures/passport.xml"], "--seed"),
        (["validate", "--max-file-size", "100000000000000", "procedures/passport.xml"], "--max-file-size must be a whole number of MiB from 1 to 256"),
        (["check", "procedures/passport.xml", "--junit-timestamp", "yesterday"], "--junit-timestamp must be a date and time"),
        (["simulate", "--event-log", "-", "procedures/passport.xml"], "--event-log - would mix"),
    ])
    func nonsenseOptions(_ arguments: [String], _ message: String) throws {
        let r = try TestSupport.runProcmod(arguments)
        #expect(r.status == 64, "\(arguments)")
        #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
    }

    @Test func oneReplicationPrintsNoIntervalAndSaysWhy() throws {
        let r = try TestSupport.runProcmod(["simulate", "--replications", "1", "--cases", "200", "procedures/passport.xml"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("±"))
        #expect(r.stderr.contains("one replication gives no confidence interval"))
    }

    @Test func anInterruptedRunLeavesNoTemporaryFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("log.csv").path
        let process = Process()
        process.executableURL = TestSupport.productsDirectory.appendingPathComponent("procmod")
        process.arguments = ["simulate", "--cases", "10000000", "--replications", "2", "--threads", "1", "--event-log", log,
                             TestSupport.path("procedures/passport.xml")]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the temporary file exists, then interrupt.
        for _ in 0..<200 where (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.isEmpty ?? true {
            usleep(20_000)
        }
        #expect(try !FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "the run started writing")
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
