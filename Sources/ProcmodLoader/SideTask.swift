import Dispatch
import Synchronization

/// Runs `side` on another thread while the caller runs `main`, and returns both results; with
/// `concurrently` false, runs one after the other on the caller's thread.
///
/// Whoever comes first runs `side`: a worker thread, or the caller once `main` is done and no worker
/// has started it. So the caller never waits for work that is only queued (behind busy threads), and
/// nothing outlives the call but an empty queued block.
func overlapping<A, B: Sendable>(_ main: () -> A, side: @escaping @Sendable () -> B,
                                 concurrently: Bool = true) -> (A, B) {
    guard concurrently else {
        let a = main()
        return (a, side())
    }
    let task = SideTask(side)
    DispatchQueue.global().async { task.runIfWaiting() }
    let a = main()
    return (a, task.result())
}

/// The decoder of one file, whose references and definitions hold the parsed tree: the tree is freed
/// with it, on whichever thread calls ``release()``.
final class DecodedTree: @unchecked Sendable {
    /// Read by the loading thread until it hands the tree over; after that only ``release()`` touches it.
    private(set) var decoder: ProcedureDecoder?

    init(_ decoder: consuming ProcedureDecoder) { self.decoder = decoder }

    func release() { decoder = nil }
}

private final class SideTask<B: Sendable>: Sendable {
    private enum State {
        case waiting(@Sendable () -> B)
        case running
        case done(B)
    }

    private let state: Mutex<State>
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> B) { state = Mutex(.waiting(work)) }

    func runIfWaiting() {
        guard let work = claim() else { return }
        let b = work()
        state.withLock { $0 = .done(b) }
        finished.signal()
    }

    func result() -> B {
        if let work = claim() { return work() }
        while true {
            if let b = state.withLock({ state -> B? in
                if case .done(let b) = state { return b }
                return nil
            }) {
                return b
            }
            finished.wait()
        }
    }

    private func claim() -> (@Sendable () -> B)? {
        state.withLock { state in
            guard case .waiting(let work) = state else { return nil }
            state = .running
            return work
        }
    }
}
