import Foundation
import ProcmodLoader
import ProcmodModel
import ProcmodTestSupport
import Testing

/// Files that are not procedures, or that attack the parser, end in one clear error and no crash.
@Suite struct HostileInputTests {
    func single(_ bytes: [UInt8]) -> Diagnostic? {
        let loaded = ProcedureLoader().load(bytes: bytes, path: "x.xml")
        #expect(loaded.procedure == nil)
        return loaded.diagnostics.first
    }

    @Test func emptyFile() {
        #expect(single([])?.description
                == "x.xml:1:1: error: the file is empty: expected an XML document whose root element is <procedure> [empty-file]")
        #expect(single(Array("  \n\t\n".utf8))?.code == "empty-file")
    }

    @Test func binaryFile() {
        var bytes = Array("<?xml version=\"1.0\"?>\n<procedure>".utf8)
        bytes += [0x00, 0x01, 0xFF, 0xFE]
        #expect(single(bytes)?.description
                == "x.xml:2:12: error: the file contains a NUL byte: it looks like a binary file, not an XML document [binary-file]")
    }

    @Test func latin1File() {
        let bytes = Array("<?xml version=\"1.0\"?>\n<procedure name=\"Đăng ký\"/>".utf8).map { $0 == 0xC4 ? 0xE9 : $0 }
        let d = single(bytes)
        #expect(d?.code == "encoding")
        #expect(d?.location.line == 2)
        #expect(d?.message.hasPrefix("invalid UTF-8 byte 0xE9") == true)
    }

    /// ASCII runs are checked eight bytes at a time: a bad byte is found at every position of a run,
    /// before and after a valid multi-byte character, and a good file is not flagged.
    @Test(arguments: 0..<20)
    func invalidByteAnywhereInARun(_ position: Int) {
        for prefix in ["", "ă"] {
            var bytes = Array("<?xml version=\"1.0\"?>\n<procedure name=\"\(prefix)".utf8)
            let run = Array(repeating: UInt8(ascii: "a"), count: 24)
            let column = bytes.count - bytes.lastIndex(of: 0x0A)! + (prefix.isEmpty ? 0 : -1) + position
            bytes += run[..<position] + [0xFF] + run[position...] + Array("\"/>".utf8)
            let d = single(bytes)
            #expect(d?.code == "encoding")
            #expect(d?.location.line == 2 && d?.location.column == column, "prefix '\(prefix)', position \(position)")
        }
        let clean = Array("<?xml version=\"1.0\"?>\n<procedure name=\"\(String(repeating: "a", count: position))ă\"/>".utf8)
        #expect(single(clean)?.code != "encoding")
    }

    @Test func utf16File() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("<procedure/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(single(bytes)?.message == "the file is encoded in UTF-16: procmod reads UTF-8 only; save it as UTF-8")
    }

    @Test func declaredOtherEncoding() {
        let d = single(Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<procedure/>".utf8))
        #expect(d?.description == "x.xml:1:21: error: the XML declaration names encoding 'ISO-8859-1': procmod files must be UTF-8; write encoding=\"UTF-8\" [encoding]")
    }

    @Test(arguments: [
        ("external entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<procedure>&xxe;</procedure>"),
        ("billion laughs", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n<procedure a=\"&lol3;\"/>"),
        ("external DTD", "<?xml version=\"1.0\"?>\n<!DOCTYPE procedure SYSTEM \"http://example.com/p.dtd\">\n<procedure/>"),
    ])
    func doctypeIsRefused(_ name: String, _ xml: String) {
        #expect(single(Array(xml.utf8))?.description
                == "x.xml:2:1: error: DOCTYPE declarations are not allowed: procmod files use no DTD and no entities [doctype]")
    }

    @Test func entityReferenceWithoutDTD() {
        let d = single(Array("<?xml version=\"1.0\"?>\n<procedure>&undefined;</procedure>".utf8))
        #expect(d?.code == "xml")
        #expect(d?.message == "Entity 'undefined' not defined")
    }

    @Test func truncatedFile() throws {
        let full = try String(contentsOfFile: TestSupport.path("procedures/birth-registration.xml"), encoding: .utf8)
        let d = single(Array(full.utf8.prefix(3000)))
        #expect(d?.severity == .error)
        #expect(d?.code == "xml")
    }

    @Test func notXMLAtAll() {
        let d = single(Array("procedure: birth registration\nsteps: 3\n".utf8))
        #expect(d?.description == "x.xml:1:1: error: Start tag expected, '<' not found [xml]")
    }

    @Test func hugeFileIsRefusedBeforeReading() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("huge.xml").path
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 50 << 20)  // a sparse 50 MB file
        try handle.close()
        let loaded = ProcedureLoader().load(path: path)
        #expect(loaded.diagnostics.map(\.message)
                == ["the file is 50 MiB, over the limit of 32 MiB; raise it with --max-file-size if the file is really a procedure"])
    }

    @Test func deepNestingIsBounded() {
        let xml = "<?xml version=\"1.0\"?>\n" + String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)
        let d = single(Array(xml.utf8))
        #expect(d?.code == "xml")
    }

    @Test func missingFile() {
        let loaded = ProcedureLoader().load(path: "/nonexistent/p.xml")
        #expect(loaded.diagnostics.map(\.description) == ["/nonexistent/p.xml:1:1: error: no such file [io]"])
    }
}
