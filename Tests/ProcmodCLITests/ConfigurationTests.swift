import Foundation
import ProcmodTestSupport
import Testing

/// `.procmod.json` and `procmod init` (issue 16): a team's settings found upward from the working
/// directory, the command line over them, and a starter that works as written.
@Suite struct ConfigurationTests {
    /// `init` writes a procedure that validates, analyses and simulates, and a configuration whose
    /// language every command then speaks; it never replaces a file.
    @Test func initWritesAStarterThatWorks() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try TestSupport.runProcmod(["init", "."], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        let validate = try TestSupport.runProcmod(["validate", "procedure.xml"], in: folder)
        #expect(validate.status == 0 && validate.stdout.contains("Đã kiểm tra 1 tệp"), "\(validate.stdout)\(validate.stderr)")
        #expect(try TestSupport.runProcmod(["analyze", "procedure.xml"], in: folder).status == 0)
        #expect(try TestSupport.runProcmod(["simulate", "--cases", "100", "--replications", "2", "procedure.xml"], in: folder).status == 0)
        let english = try TestSupport.runProcmod(["validate", "--lang", "en", "procedure.xml"], in: folder)
        #expect(english.stdout.contains("1 file checked"), "the command line wins over the file")
        let again = try TestSupport.runProcmod(["init", "."], in: folder)
        #expect(again.status == 73 && again.stderr.contains("never replaces"))
    }

    /// The file is found from a subfolder, and its analyzer settings apply unless the command line says
    /// otherwise: a rule switched off, a rule raised to an error and `failOn`.
    @Test func analyzerSettingsApplyFromAParentFolder() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sub = folder.appendingPathComponent("procedures/commune")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.path("procedures/birth-registration.xml"),
                                         toPath: sub.appendingPathComponent("birth.xml").path)
        let plain = try TestSupport.runProcmod(["analyze", "--format", "json", "birth.xml"], in: sub)
        #expect(plain.stdout.contains("\"rule\" : \"certified-copy\""), "the shipped model has certified copies")
        try #"{"lang": "en", "analyze": {"rules": {"certified-copy": "off", "too-many-visits": "error"}, "failOn": "never"}}"#
            .write(to: folder.appendingPathComponent(".procmod.json"), atomically: true, encoding: .utf8)
        let configured = try TestSupport.runProcmod(["analyze", "--format", "json", "birth.xml"], in: sub)
        #expect(configured.status == 0, "failOn never")
        #expect(!configured.stdout.contains("\"rule\" : \"certified-copy\""), "switched off by the file")
        let flagged = try TestSupport.runProcmod(["analyze", "--format", "json", "--enable", "certified-copy", "birth.xml"], in: sub)
        #expect(flagged.stdout.contains("\"rule\" : \"certified-copy\""), "the command line wins")
    }

    /// A broken configuration stops every command with its path and every problem, exit 65.
    @Test func aBrokenConfigurationIsAnError() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{"lang": "en", "colour": true, "analyze": {"rules": {"certifed-copy": "error"}, "preset": "lenient"}}"#
            .write(to: folder.appendingPathComponent(".procmod.json"), atomically: true, encoding: .utf8)
        let r = try TestSupport.runProcmod(["rules"], in: folder)
        #expect(r.status == 65)
        for text in [".procmod.json", "unknown setting 'colour'", "unknown rule 'certifed-copy'", "did you mean 'certified-copy'?",
                     "analyze.preset is 'lenient'"] {
            #expect(r.stderr.contains(text), "\(text): \(r.stderr)")
        }
    }

    /// A file that is not JSON, or not an object, is named with what is wrong, not a system sentence.
    @Test func aFileThatIsNotAJSONObjectSaysSo() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (text, expected) in [(#"{"lang": "#, "is not valid JSON"), ("[1]", "must hold a JSON object")] {
            try text.write(to: folder.appendingPathComponent(".procmod.json"), atomically: true, encoding: .utf8)
            let r = try TestSupport.runProcmod(["rules"], in: folder)
            #expect(r.status == 65 && r.stderr.contains(".procmod.json: error: \(expected) [config]"), "\(text): \(r.stderr)")
            #expect(!r.stderr.contains("could not be completed"), "\(r.stderr)")
        }
    }

    /// `init` into a folder that cannot be made says why, exit 73, and creates nothing.
    @Test func initSaysWhyAFolderCannotBeMade() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "not a folder".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let r = try TestSupport.runProcmod(["init", "notes.txt/project"], in: folder)
        #expect(r.status == 73, "\(r.stderr)")
        #expect(r.stderr.contains("notes.txt exists and is not a folder"), "\(r.stderr)")
        let nested = try TestSupport.runProcmod(["init", "a/b/c"], in: folder)
        #expect(nested.status == 0, "\(nested.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/b/c/procedure.xml").path))
    }
}
