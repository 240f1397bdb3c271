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
        #expect(again.flow.steps.map(\.id) == original.flow.steps.map(\.id))
        #expect(again.flow.nodes.map(\.edges.count) == original.flow.nodes.map(\.edges.count))
        #expect(again.documents.keys == original.documents.keys && again.actors.keys == original.actors.keys)
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
