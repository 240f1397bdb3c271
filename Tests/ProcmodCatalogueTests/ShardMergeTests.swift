import Foundation
import ProcmodCatalogue
import ProcmodLoader
import ProcmodLocalization
import ProcmodModel
import ProcmodSimulation
import ProcmodTestSupport
import Testing

@Suite struct ShardMergeTests {
    let options = SimulationOptions(cases: nil, horizonDays: 365, replications: 7, seed: 3, threads: 2)

    func site() throws -> (CatalogueSite, CatalogueSite, [AppliedLevers]) {
        let loaded = CatalogueLoader().load(path: TestSupport.path("examples/catalogue/commune.xml"))
        let site = CatalogueSite(catalogue: try #require(loaded.catalogue, "\(loaded.diagnostics)"), procedures: loaded.procedures)
        let (after, levers, diagnostics) = CatalogueDigitizer().apply(nil, own: loaded.scenarios, to: site)
        #expect(!diagnostics.containsErrors)
        return (site, after, levers)
    }

    func render(_ runs: PortfolioRuns, _ s: (CatalogueSite, CatalogueSite, [AppliedLevers])) throws -> String {
        let builder = PortfolioBuilder(simulation: options, targetCost: 0.3)
        let portfolio = builder.build(before: s.0, after: s.1, levers: s.2, paths: [], scenario: LocalizedName(en: "own"), runs: runs)
        return try PortfolioJSONRenderer().render(portfolio) + PortfolioTextRenderer(language: .vi).render(portfolio)
    }

    /// Shards written as partial results, read back and merged, give the single run's bytes.
    @Test(arguments: [1, 2, 7]) func shardsMergeIntoTheSingleRunByteForByte(shards: Int) throws {
        let s = try site()
        let builder = PortfolioBuilder(simulation: options)
        let single = try render(try builder.runs(before: s.0, after: s.1), s)
        var parts: [(path: String, partial: PartialResult)] = []
        for k in (1...shards).reversed() {
            let indices = PartialResult.indices(shard: k, of: shards, replications: options.replications)
            let runs = try builder.runs(before: s.0, after: s.1, indices: indices)
            let partial = PartialResult(command: "report", catalogue: "commune.xml", scenario: nil, fingerprint: "f", shard: k, shards: shards,
                                        options: options, targetCost: 0.3, targetTime: nil, noSimulation: false, runs: runs)
            let text = try partial.json()
            parts.append(("part-\(k).json", try JSONDecoder().decode(PartialResult.self, from: Data(text.utf8))))
        }
        let (_, merged) = try PartialResult.merge(parts)
        #expect(try render(merged, s) == single)
    }

    /// A missing shard, a shard given twice, or a shard of another run is refused, with the reason.
    @Test func mergeRefusesIncompleteOrForeignShards() throws {
        let empty = PortfolioRuns(before: [], after: nil)
        func part(_ k: Int, _ n: Int, fingerprint: String = "f") -> (path: String, partial: PartialResult) {
            ("p\(k).json", PartialResult(command: "simulate", catalogue: "c.xml", scenario: nil, fingerprint: fingerprint, shard: k, shards: n,
                                         options: options, targetCost: nil, targetTime: nil, noSimulation: false, runs: empty))
        }
        #expect(throws: MergeError.self) { try PartialResult.merge([part(1, 3), part(2, 3)]) }
        #expect(throws: MergeError.self) { try PartialResult.merge([part(1, 2), part(1, 2)]) }
        #expect(throws: MergeError.self) { try PartialResult.merge([part(1, 2), part(2, 2, fingerprint: "g")]) }
        do {
            _ = try PartialResult.merge([part(1, 3), part(3, 3)])
        } catch {
            #expect(error.description.contains("shard 2/3 missing"))
        }
    }

    /// Every shard count splits the replications into disjoint slices that cover them all.
    @Test func shardsCoverEveryReplicationOnce() {
        for n in 1...12 {
            let all = (1...n).flatMap { PartialResult.indices(shard: $0, of: n, replications: 30) }.sorted()
            #expect(all == Array(0..<30))
        }
    }
}
