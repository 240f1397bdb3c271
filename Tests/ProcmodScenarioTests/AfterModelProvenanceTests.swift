import Foundation
import ProcmodLoader
import ProcmodModel
import ProcmodScenario
import ProcmodTestSupport
import Testing

/// A digitized model keeps every `source` and `assumed` of the elements the scenario did not change
/// (issue 12 §3b: a choice's branches lost theirs, 26 flags became 20): the after-model is read and
/// checked by people who need to know which figures are sourced.
@Suite struct AfterModelProvenanceTests {
    static let scenarios = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path("examples/scenarios")))?
        .filter { $0.hasSuffix(".xml") }.sorted() ?? []

    @Test(arguments: scenarios)
    func unchangedElementsKeepTheirProvenance(_ name: String) throws {
        let scenario = try #require(ScenarioLoader().load(path: TestSupport.path("examples/scenarios/\(name)")).scenario)
        let procedures = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("procedures"))
        let before = try #require(try procedures.lazy.map { try ProcedureLoader().loadProcedure(at: TestSupport.path("procedures/\($0)")) }
            .first { $0.code == scenario.procedure })
        // Written and read back, as `procmod digitize` leaves it.
        let digitized = Digitizer().apply(scenario, to: before).after
        let after = try #require(TestSupport.load(ProcedureWriter().write(digitized)).procedure)
        for node in before.flow.nodes {
            guard let same = after.flow.nodes.first(where: { $0.id == node.id }) else { continue }
            if let s = node.step, let t = same.step {
                if s.work?.distribution == t.work?.distribution, let w = s.work {
                    #expect(t.work?.provenance == w.provenance, "\(name): work of '\(s.id)'")
                }
                if s.delay?.distribution == t.delay?.distribution, let d = s.delay {
                    #expect(t.delay?.provenance == d.provenance, "\(name): delay of '\(s.id)'")
                }
                #expect(t.provenance == s.provenance, "\(name): step '\(s.id)'")
                for r in s.requires {
                    if let kept = t.requires.first(where: { $0.document == r.document && $0.form == r.form }) {
                        #expect(kept.provenance == r.provenance, "\(name): '\(s.id)' requires '\(r.document)'")
                    }
                }
            }
            for edge in node.edges {
                let target = before.flow.nodes[edge.target].id
                guard let kept = same.edges.first(where: { after.flow.nodes[$0.target].id == target }),
                      kept.probability == edge.probability else { continue }
                #expect(kept.provenance == edge.provenance, "\(name): branch of '\(node.id)' to '\(target)'")
            }
        }
        for (id, actor) in before.actors {
            guard let kept = after.actors[id], kept.capacity == actor.capacity, kept.tariff == actor.tariff else { continue }
            #expect(kept.provenance == actor.provenance, "\(name): actor '\(id)'")
        }
        for (id, document) in before.documents {
            guard let kept = after.documents[id] else { continue }
            #expect(kept.provenance == document.provenance, "\(name): document '\(id)'")
        }
    }
}
