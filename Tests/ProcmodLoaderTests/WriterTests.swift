import Foundation
import ProcmodLoader
import ProcmodModel
import ProcmodTestSupport
import Testing

/// The writer's output is a valid procedure that loads back to the same model.
@Suite struct WriterTests {
    static let files = ProcedureFiles.expand(["procedures", "examples"].map(TestSupport.path)
        .filter { FileManager.default.fileExists(atPath: $0) })

    @Test(arguments: files.map { String($0.dropFirst(TestSupport.repositoryRoot.path.count + 1)) })
    func roundTrips(_ relative: String) throws {
        let original = try ProcedureLoader().loadProcedure(at: TestSupport.path(relative))
        let written = ProcedureWriter().write(original)
        let reloaded = ProcedureLoader().load(bytes: Array(written.utf8), path: "written.xml")
        #expect(reloaded.diagnostics.map(\.description) == [])
        let again = try #require(reloaded.procedure)
        #expect(ProcedureWriter().write(again) == written, "writing is idempotent")
        // The models themselves, every field but the source locations: a dropped attribute fails here.
        #expect(try Self.withoutLocations(again) == Self.withoutLocations(original))
    }

    /// The model as a JSON tree with every `location` removed, for comparing models loaded from different text.
    static func withoutLocations(_ p: Procedure) throws -> NSObject {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { $0.key != "location" }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        return strip(try JSONSerialization.jsonObject(with: encoder.encode(p))) as! NSObject
    }

    /// The comparison above can fail: a model that lost an attribute differs.
    @Test func theModelComparisonSeesADroppedAttribute() throws {
        let original = try ProcedureLoader().loadProcedure(at: TestSupport.path("procedures/passport.xml"))
        var changed = original
        changed.volume.sites += 1
        #expect(try Self.withoutLocations(changed) != Self.withoutLocations(original))
    }

    @Test func commentsGoBeforeTheirElementAndEscape() throws {
        let original = try ProcedureLoader().loadProcedure(at: TestSupport.path("procedures/passport.xml"))
        let written = ProcedureWriter(header: "after <scenario> & co", comments: [
            WriterComment(element: "submit", text: "changed -- by a lever"),
            WriterComment(element: "gone", text: "step 'gone' removed"),
        ]).write(original)
        #expect(written.contains("<!-- after <scenario> & co -->"))
        #expect(written.contains("<!-- changed - - by a lever -->\n    <step id=\"submit\""))
        #expect(written.contains("<!-- step 'gone' removed -->"))
        #expect(ProcedureLoader().load(bytes: Array(written.utf8), path: "w.xml").procedure != nil)
    }
}
