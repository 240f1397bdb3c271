import Foundation
import ProcmodDiagram
import ProcmodLoader
import ProcmodModel
import ProcmodTestSupport
import Testing

/// The diagram of every shipped procedure and after-model: every node placed in its lane, no two boxes
/// overlapping, no edge running through a box it does not start or end at, the same bytes every time.
@Suite struct DiagramTests {
    static let files: [String] = {
        func xml(_ folder: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path(folder))) ?? [])
                .filter { $0.hasSuffix(".xml") }.sorted().map { folder + "/" + $0 }
        }
        return xml("procedures") + xml("examples/after") + ["examples/every-construct.xml"]
    }()

    func load(_ path: String) throws -> Procedure {
        try #require(ProcedureLoader().load(path: TestSupport.path(path)).procedure, "\(path)")
    }

    @Test(arguments: files)
    func theLayoutIsClean(_ path: String) throws {
        let p = try load(path)
        let layout = DiagramLayout(p)
        #expect(layout.nodes.count == p.flow.nodes.count, "every node placed")
        for (i, a) in layout.nodes.enumerated() {
            let lane = layout.lanes[a.lane]
            #expect(a.x >= DiagramLayout.header && a.x + a.width <= layout.width, "\(p.flow.nodes[a.node].id) inside the drawing")
            #expect(a.y >= lane.y && a.y + a.height <= lane.y + lane.height, "\(p.flow.nodes[a.node].id) inside its lane")
            for b in layout.nodes[(i + 1)...] {
                let apart = a.x + a.width + 8 <= b.x || b.x + b.width + 8 <= a.x || a.y + a.height + 8 <= b.y || b.y + b.height + 8 <= a.y
                #expect(apart, "\(p.flow.nodes[a.node].id) and \(p.flow.nodes[b.node].id) overlap")
            }
        }
        // Edges turn only at right angles and never cross a box other than their own ends.
        for e in layout.edges {
            for (p1, p2) in zip(e.points, e.points.dropFirst()) {
                #expect(p1.x == p2.x || p1.y == p2.y, "edge \(e.from)→\(e.to) has a slanted segment")
                for n in layout.nodes where n.node != e.from && n.node != e.to {
                    let lo = (x: min(p1.x, p2.x), y: min(p1.y, p2.y)), hi = (x: max(p1.x, p2.x), y: max(p1.y, p2.y))
                    let crosses = lo.x < n.x + n.width && hi.x > n.x && lo.y < n.y + n.height && hi.y > n.y
                    #expect(!crosses, "edge \(p.flow.nodes[e.from].id)→\(p.flow.nodes[e.to].id) runs through \(p.flow.nodes[n.node].id)")
                }
            }
        }
    }

    @Test func theSameProcedureGivesTheSameBytes() throws {
        let p = try load("procedures/land-use-certificate.xml")
        #expect(DiagramSVG(p, language: .vi).svg == DiagramSVG(p, language: .vi).svg)
        #expect(DiagramSVG(p, language: .vi).svg != DiagramSVG(p, language: .en).svg)
    }

    /// Names come from the model, in the reader's language, escaped; the applicant's lane is on top.
    @Test func namesAreTheModelsAndEscaped() throws {
        var p = try load("procedures/birth-registration.xml")
        let svg = DiagramSVG(p, language: .vi).svg
        #expect(svg.contains(">Chuẩn bị hồ sơ, điền tờ khai<") || svg.contains(">Chuẩn bị hồ sơ, điền tờ<"))
        #expect(svg.contains("Thời hạn giải quyết: trong ngày làm việc"))
        let layout = DiagramLayout(p)
        #expect(p.actors[layout.lanes[0].actor]?.kind == .applicant)
        let i = try #require(p.flow.nodes.firstIndex { $0.step != nil })
        var step = try #require(p.flow.nodes[i].step)
        step.name = LocalizedName(vi: "<script>alert(1)</script>")
        p.flow.nodes[i].kind = .step(step)
        let evil = DiagramSVG(p, language: .vi).svg
        #expect(!evil.contains("<script>") && evil.contains("&lt;script&gt;"))
    }
}
