import Foundation
import ProcmodTestSupport
import Testing

/// The `procmod` executable end to end: output, exit codes, determinism.
@Suite struct CLITests {
    @Test func validateShippedProceduresExitsZero() throws {
        let r = try TestSupport.runProcmod(["validate", "procedures"])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("files checked: \(r.stdout.split(separator: " ")[0]) valid (0 errors, 0 warnings)\n"))
    }

    @Test func invalidInputExits65WithCompilerStyleLines() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.xml")
        try "<?xml version=\"1.0\"?>\n<procedure".write(to: bad, atomically: true, encoding: .utf8)
        let empty = directory.appendingPathComponent("empty.xml")
        try "".write(to: empty, atomically: true, encoding: .utf8)
        let r = try TestSupport.runProcmod(["validate", directory.path])
        #expect(r.status == 65)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(bad.path):2:11: error: Couldn't find end of Start Tag procedure line 2 [xml]"))
        #expect(lines.contains("\(empty.path):1:1: error: the file is empty: expected an XML document whose root element is <procedure> [empty-file]"))
        #expect(lines.last == "2 files checked: 0 valid, 2 with errors (2 errors, 0 warnings)")
        #expect(!r.stdout.contains("\u{1B}["), "no colour when NO_COLOR is set and output is not a terminal")
    }

    @Test func jsonOutputHasSortedKeysAndIsStable() throws {
        let a = try TestSupport.runProcmod(["validate", "--format", "json", "procedures"])
        let b = try TestSupport.runProcmod(["validate", "--format", "json", "procedures"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        let object = try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Int]
        #expect(summary?["errors"] == 0 && (summary?["files"] ?? 0) >= 9)
        #expect(a.stdout.firstRange(of: "\"files\"")!.lowerBound < a.stdout.firstRange(of: "\"summary\"")!.lowerBound)
    }

    @Test func showListsStepsInOrder() throws {
        let r = try TestSupport.runProcmod(["show", "--lang", "en", "procedures/birth-registration.xml"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("1.001193  Birth registration\n"))
        #expect(r.stdout.contains("Deadline:  same working day, cut-off 15:00 [Luật Hộ tịch 60/2014/QH13, Art. 16]"))
        #expect(r.stdout.contains("Volume:    1,400,000 cases a year"))
        let order = ["prepare", "photocopy", "mail", "travel", "queue", "submit", "receive", "supplement", "verify", "sign", "collect"]
        let positions = order.map { id in r.stdout.firstMatch(of: try! Regex("[0-9]+\\.\\s+\(id) "))?.range.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func showOfAnInvalidFileExits65() throws {
        let r = try TestSupport.runProcmod(["show", "no-such-file.xml"])
        #expect(r.status == 65)
        #expect(r.stderr == "no-such-file.xml:1:1: error: no such file [io]\n")
    }

    @Test func usageErrorsExit64() throws {
        let r = try TestSupport.runProcmod(["validate", "--format", "yaml", "procedures"])
        #expect(r.status == 64)
    }

    @Test func schemaCommandPrintsThePublishedXSD() throws {
        let r = try TestSupport.runProcmod(["schema"])
        let published = try String(contentsOfFile: TestSupport.path("docs/procedure-1.xsd"), encoding: .utf8)
        #expect(r.stdout == published)
    }

    @Test func versionAndHelp() throws {
        #expect(try TestSupport.runProcmod(["--version"]).stdout == "0.1.0\n")
        let help = try TestSupport.runProcmod(["validate", "--help"]).stdout
        #expect(help.contains("procmod validate procedures/"))
    }
}
