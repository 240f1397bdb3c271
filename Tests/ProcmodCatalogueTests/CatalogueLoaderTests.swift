import Foundation
import ProcmodCatalogue
import ProcmodLoader
import ProcmodModel
import ProcmodTestSupport
import Testing

@Suite struct CatalogueLoaderTests {
    func write(_ text: String) throws -> String {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("catalogue.xml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    let procedures = TestSupport.path("procedures")

    /// Every mistake of a catalogue is reported at once, each at its line, with a suggestion where
    /// one helps.
    @Test func everyProblemIsReportedAtOnce() throws {
        let path = try write("""
            <catalogue xmlns="urn:procmod:catalogue:1" id="c" level="commune">
              <resources>
                <resource id="desk" capacity="2"/>
                <resource id="desk"/>
                <resource id="signer" calendar="nowhere"/>
              </resources>
              <procedure file="\(procedures)/birth-registration.xml">
                <use actor="civil-oficer" resource="desk"/>
                <use actor="chairman" resource="signr"/>
                <use actor="parent" resource="desk"/>
              </procedure>
              <procedure file="\(procedures)/no-such-file.xml"/>
              <procedure file="\(procedures)/birth-registration.xml"/>
            </catalogue>
            """)
        let loaded = CatalogueLoader().load(path: path)
        #expect(loaded.catalogue == nil)
        let messages = loaded.diagnostics.filter { $0.severity == .error }.map(\.description)
        let expected = ["resource 'desk' is defined twice", "calendar 'nowhere'", "no actor 'civil-oficer'", "did you mean 'civil-officer'?",
                        "resource 'signr'", "did you mean 'signer'?", "actor 'parent' of 1.001193 is the applicant", "no-such-file.xml",
                        "procedure 1.001193 is already in the catalogue"]
        for text in expected {
            #expect(messages.contains { $0.contains(text) }, "missing: \(text)\n\(messages.joined(separator: "\n"))")
        }
        #expect(loaded.diagnostics.contains { $0.location.line == 4 && $0.message.contains("defined twice") })
    }

    /// Hostile or careless input gets located errors, never a crash or a hang: a DOCTYPE, a volume past
    /// its bound, a catalogue that names itself as a procedure, a procedure file that is a folder.
    @Test func hostileInputIsRefusedWithLocatedErrors() throws {
        let doctype = try write("""
            <?xml version="1.0"?>
            <!DOCTYPE catalogue [<!ENTITY x "y">]>
            <catalogue xmlns="urn:procmod:catalogue:1" id="c"><resources><resource id="r"/></resources>
              <procedure file="a.xml"/></catalogue>
            """)
        #expect(CatalogueLoader().load(path: doctype).diagnostics.contains { $0.code == "doctype" })
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("self.xml").path
        try """
            <catalogue xmlns="urn:procmod:catalogue:1" id="c" sites="0">
              <resources><resource id="r" capacity="0"/></resources>
              <procedure file="self.xml" per-year="1e12"/>
              <procedure file="."/>
            </catalogue>
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = CatalogueLoader().load(path: path)
        #expect(loaded.catalogue == nil)
        let text = loaded.diagnostics.map(\.description).joined(separator: "\n")
        #expect(loaded.diagnostics.allSatisfy { $0.location.line > 0 }, "\(text)")
        #expect(!loaded.diagnostics.isEmpty)
    }

    /// A file that is not a catalogue is refused with what it is.
    @Test func aProcedureIsNotACatalogue() {
        let loaded = CatalogueLoader().load(path: TestSupport.path("procedures/passport.xml"))
        #expect(loaded.catalogue == nil)
        #expect(loaded.diagnostics.contains { $0.message.contains("expected <catalogue") })
    }

    /// The shipped example catalogues load without an error, and their schema copy in docs/ is current.
    @Test(arguments: ["commune", "district", "province"]) func shippedCataloguesLoad(name: String) throws {
        let loaded = CatalogueLoader().load(path: TestSupport.path("examples/catalogue/\(name).xml"))
        #expect(loaded.catalogue != nil, "\(loaded.diagnostics.map(\.description))")
        #expect(loaded.procedures.count == loaded.catalogue?.entries.count)
    }

    @Test func theSchemaCopyInDocsIsCurrent() throws {
        let copy = try String(contentsOfFile: TestSupport.path("docs/catalogue-1.xsd"), encoding: .utf8)
        #expect(copy == CatalogueSchema.text + "\n" || copy == CatalogueSchema.text)
    }
}
