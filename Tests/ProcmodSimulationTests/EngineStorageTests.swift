import Histogram
@testable import ProcmodSimulation
import Testing

/// The event loop's own containers: the lead-time counts must give HdrHistogram's percentiles exactly, the
/// queues must stay first-in first-out as they wrap and grow, and the event list must come out in
/// (time, priority, sequence) order whatever the times' signs.
@Suite struct EngineStorageTests {
    /// Lead times as the observer records them: thousandths of a day, from 0 to far beyond the counts'
    /// initial size (which makes them grow), with repeats.
    static let samples: [[UInt64]] = {
        var rng = Xoshiro256(seed: 42)
        var skewed: [UInt64] = []
        for _ in 0..<20_000 { skewed.append(UInt64(rng.exponential(mean: 12_000))) }
        for _ in 0..<50 { skewed.append(UInt64(rng.uniform() * 40_000_000)) }
        // Smallest and largest values inside coarse buckets (above 2,047 a bucket holds several values): the
        // histogram must keep the exact ones, not the buckets' lowest.
        let coarse: [[UInt64]] = [[5_001, 5_003, 9_000, 123_457], [3_001], [40_001, 40_003, 40_002], [0, 2_049, 1_000_003]]
        return [skewed, [0, 0, 0], [7], [0, 5, 5, 2_047, 2_048, 2_049, 4_095, 4_096, 1_000_000, 1_000_001], Array(0..<5_000)] + coarse
    }()

    /// By index: a failure names the sample set, not its 20,000 values.
    @Test(arguments: samples.indices)
    func leadTimeCountsGiveHdrHistogramsPercentiles(_ sample: Int) {
        let values = Self.samples[sample]
        for highest: UInt64 in [20_000, 1_000_000] {
            var direct = Histogram<UInt64>(highestTrackableValue: highest, numberOfSignificantValueDigits: .three)
            direct.autoResize = true
            var counts = LeadTimeCounts(highest: highest)
            for v in values {
                direct.record(v)
                counts.record(v)
            }
            let handed = counts.histogram(highestTrackableValue: highest)
            #expect(handed.totalCount == direct.totalCount)
            #expect(handed.min == direct.min)
            #expect(handed.maxRecorded == direct.maxRecorded)
            for p in [0.0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 100] {
                #expect(handed.valueAtPercentile(p) == direct.valueAtPercentile(p), "percentile \(p)")
            }
        }
    }

    @Test func bucketIndexMatchesHdrHistogramsLowestEquivalentValue() {
        for v: UInt64 in [0, 1, 2_047, 2_048, 2_049, 3_000, 4_095, 4_096, 123_456, 1_000_000, 1 << 40] {
            let direct = Histogram<UInt64>(highestTrackableValue: 2 << 40, numberOfSignificantValueDigits: .three)
            #expect(LeadTimeCounts.value(at: LeadTimeCounts.index(of: v)) == direct.lowestEquivalentForValue(v), "value \(v)")
        }
    }

    @Test func waitQueueStaysFirstInFirstOutAcrossWrapsAndGrowth() {
        var queue = WaitQueue()
        defer { queue.deallocate() }
        var expected: [Int32] = []
        var next: Int32 = 0
        // Interleave appends and removals so the ring's head moves past its end several times, then grows.
        for round in 0..<200 {
            for _ in 0..<(round % 7 + 1) {
                queue.append(Waiting(slot: next, node: 0, since: Double(next)))
                expected.append(next)
                next += 1
            }
            for _ in 0..<(round % 5) where !queue.isEmpty {
                #expect(queue.removeFirst().slot == expected.removeFirst())
            }
            #expect(queue.count == expected.count)
        }
        while !queue.isEmpty { #expect(queue.removeFirst().slot == expected.removeFirst()) }
        #expect(expected.isEmpty)
    }

    @Test func eventsComeOutInTimePriorityAndSequenceOrder() {
        var heap = EventQueue()
        defer { heap.deallocate() }
        var rng = Xoshiro256(seed: 7)
        var scheduled: [(time: Double, kind: UInt8, sequence: UInt64)] = []
        let kinds: [Event.Kind] = [.serviceDone, .delayDone, .outageEnd, .outageStart, .cadenceTick, .arrival]
        for sequence in 1...5_000 as ClosedRange<UInt64> {
            // Whole minutes so that ties in time are common; some negative times and a -0.
            var time = (rng.uniform() * 200).rounded(.down) - 20
            if sequence % 997 == 0 { time = -0.0 }
            let kind = kinds[Int(rng.uniform() * Double(kinds.count))]
            heap.insert(Event(time: time, kind: kind, sequence: sequence, slot: 0, node: 0, started: 0))
            scheduled.append((time, kind.rawValue, sequence))
        }
        let expected = scheduled.sorted { ($0.time, $0.kind, $0.sequence) < ($1.time, $1.kind, $1.sequence) }
        for e in expected {
            let event = heap.popMin()
            #expect(event?.time == e.time && event?.kind.rawValue == e.kind && event?.sequence == e.sequence)
        }
        #expect(heap.popMin() == nil)
    }
}
