import ProcmodModel
import Testing

@Suite struct ModelValueTests {
    @Test func weekdays() {
        #expect(LocalDate("2026-11-29")?.weekday == .sun)
        #expect(LocalDate("2023-01-01")?.weekday == .sun)
        #expect(LocalDate("2024-02-29")?.weekday == .thu)
        #expect(LocalDate("2025-02-29") == nil)
        #expect(LocalDate("1970-01-01")?.dayNumber == 0)
    }

    @Test func times() {
        #expect(TimeOfDay("24:00")?.minutes == 1440)
        #expect(TimeOfDay("24:01") == nil)
        #expect(TimeOfDay("7:30") == nil)
        #expect(TimeOfDay("07:30")?.description == "07:30")
    }

    @Test func distributionMeans() {
        #expect(Distribution.triangular(min: 10, mode: 20, max: 60).mean == 30)
        #expect(Distribution.uniform(min: 1, max: 3).mean == 2)
        #expect(Distribution.gamma(shape: 2, scale: 3).mean == 6)
        #expect(Distribution.empirical(values: [1, 2], weights: [3, 1]).mean == 1.25)
        // Half-normal: mean sd·sqrt(2/π) when truncated at the mean.
        let halfNormal = Distribution.normal(mean: 0, sd: 1, min: 0, max: nil).mean
        #expect(abs(halfNormal - (2 / Double.pi).squareRoot()) < 1e-9)
    }

    @Test func stronglyConnectedComponents() {
        let edges: [[Int]] = [[1], [2], [0, 3], [4], []]
        let flow = Flow(nodes: edges.enumerated().map { i, targets in
            FlowNode(id: "n\(i)", kind: .end, edges: targets.map { FlowEdge(target: $0) })
        })
        let graph = FlowGraph(flow)
        #expect(graph.stronglyConnectedComponents() == [[0, 1, 2], [3], [4]])
        #expect(graph.reaching([4]) == [true, true, true, true, true])
        #expect(graph.reachable(from: [3]) == [false, false, false, true, true])
    }
}
