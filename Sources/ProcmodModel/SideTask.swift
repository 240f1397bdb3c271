import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work handed to a second thread, run by whoever comes first: a worker thread, or the thread that asks
/// for the ``result()`` when no worker has started it. So a caller never waits for work that is only
/// queued behind busy threads (when a folder is loaded, both cores may be busy with files), and once the
/// work has run nothing it captured is kept.
public final class SideTask<Result: Sendable>: Sendable {
    private enum State {
        case waiting(@Sendable () -> Result)
        case running
        case done(Result)
    }

    private let state: Mutex<State>
    private let finished = DispatchSemaphore(value: 0)

    /// Queues `work` for a worker thread; with `onAnotherThread` false, it runs when the result is asked for.
    public init(onAnotherThread: Bool = true, _ work: @escaping @Sendable () -> Result) {
        state = Mutex(.waiting(work))
        guard onAnotherThread else { return }
        DispatchQueue.global().async { [self] in
            SideTask<Result>.keepSignalsForOtherThreads()
            guard let work = claim() else { return }
            let result = work()
            state.withLock { $0 = .done(result) }
            finished.signal()
        }
    }

    /// The work's result: runs it here when nobody has started it, else waits for it.
    public func result() -> Result {
        if let work = claim() {
            let result = work()
            state.withLock { $0 = .done(result) }
            return result
        }
        while true {
            if let result = state.withLock({ state -> Result? in
                if case .done(let result) = state { return result }
                return nil
            }) {
                return result
            }
            finished.wait()
        }
    }

    /// Blocks the asynchronous signals (interrupts, terminations, timers) on this worker thread, as the
    /// process had them before it started threads: a signal then goes to a thread that expects it, and
    /// `ProcmodOutput`'s handler, which removes unfinished output files, is never bypassed by a worker
    /// that received a signal while the main thread held it back.
    private static func keepSignalsForOtherThreads() {
        var set = sigset_t()
        sigfillset(&set)
        for synchronous in [SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT, SIGSYS] { sigdelset(&set, synchronous) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    private func claim() -> (@Sendable () -> Result)? {
        state.withLock { state in
            guard case .waiting(let work) = state else { return nil }
            state = .running
            return work
        }
    }
}

/// Runs `side` on another thread while the caller runs `main`, and returns both results; with
/// `concurrently` false, runs one after the other on the caller's thread. See ``SideTask``.
public func overlapping<A, B: Sendable>(_ main: () -> A, side: @escaping @Sendable () -> B,
                                        concurrently: Bool = true) -> (A, B) {
    guard concurrently else {
        let a = main()
        return (a, side())
    }
    let task = SideTask(side)
    let a = main()
    return (a, task.result())
}
