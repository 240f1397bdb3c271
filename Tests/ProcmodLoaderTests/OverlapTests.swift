import Dispatch
import Foundation
import ProcmodLoader
import ProcmodModel
import Synchronization
import Testing

/// The loader runs part of its work on a second thread (schema validation beside decoding, freeing
/// the tree beside the checks). Whoever comes first runs the side work, exactly once, so a caller
/// never waits for work that is only queued behind busy threads.
@Suite struct OverlapTests {
    @Test func bothResultsComeBackAndTheSideRunsOnce() {
        let runs = Atomic<Int>(0)
        let (a, b) = overlapping({ (1...1_000).reduce(0, +) }, side: { () -> Int in
            runs.add(1, ordering: .relaxed)
            return (1...100).reduce(0, +)
        })
        #expect(a == 500_500)
        #expect(b == 5_050)
        #expect(runs.load(ordering: .relaxed) == 1)
    }

    /// Many at once from every worker thread, as when a folder is loaded: every call completes, each
    /// side closure runs once, and none is lost or run twice.
    @Test func manyFromBusyThreadsNeitherDeadlockNorRunTwice() {
        let runs = Atomic<Int>(0)
        let sums = Mutex<[Int]>(Array(repeating: 0, count: 200))
        DispatchQueue.concurrentPerform(iterations: 200) { i in
            let (a, b) = overlapping({ i * 2 }, side: { () -> Int in
                runs.add(1, ordering: .relaxed)
                return i * 3
            })
            sums.withLock { $0[i] = a + b }
        }
        #expect(runs.load(ordering: .relaxed) == 200)
        #expect(sums.withLock { $0 } == (0..<200).map { $0 * 5 })
    }

    /// A folder loaded in parallel gives, file for file, what loading each alone gives.
    @Test func parallelLoadsMatchSerialOnes() {
        let texts = (0..<24).map { i in
            i % 3 == 0 ? minimalProcedure.replacingOccurrences(of: "<end id=\"done\"/>", with: "<finish id=\"done\"/>")
                : minimalProcedure.replacingOccurrences(of: "<step id=\"submit\" kind=\"submit\" actor=\"applicant\">",
                                                        with: "<step id=\"submit\" kind=\"submit\" actor=\"applicant\" name=\"Bước \(i)\">")
        }
        let serial = texts.map { ProcedureLoader().load(bytes: Array($0.utf8), path: "t.xml") }
        let parallel = Mutex<[LoadedProcedure?]>(Array(repeating: nil, count: texts.count))
        DispatchQueue.concurrentPerform(iterations: texts.count) { i in
            let loaded = ProcedureLoader().load(bytes: Array(texts[i].utf8), path: "t.xml")
            parallel.withLock { $0[i] = loaded }
        }
        let results = parallel.withLock { $0 }
        for i in texts.indices {
            #expect(results[i]?.diagnostics == serial[i].diagnostics)
            #expect(results[i]?.procedure == serial[i].procedure)
        }
        #expect(serial.filter { $0.procedure == nil }.count == 8)
    }
}
