#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary files of unfinished outputs when the process is interrupted or ended by a signal
/// it can catch (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXFSZ, SIGXCPU, SIGALRM, SIGVTALRM, SIGUSR1,
/// SIGUSR2), then ends it as the signal would have. SIGKILL cannot be caught: a stray `.NAME.XXXXXX` file
/// is then left, never reused, since each run makes a fresh name. The handler only calls `unlink` and `raise`, both
/// async-signal-safe, on paths copied into fixed buffers beforehand.
public enum Interrupts {
    private static let slots = 16
    private static let width = Int(PATH_MAX) + 1
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: slots * width)
        p.initialize(repeating: 0, count: slots * width)
        return p
    }()
    nonisolated(unsafe) private static var installed = false
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()

    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXFSZ, SIGXCPU, SIGALRM, SIGVTALRM,
                                   SIGUSR1, SIGUSR2]

    /// Installs the handlers (once).
    public static func install() {
        pthread_mutex_lock(lock); defer { pthread_mutex_unlock(lock) }
        guard !installed else { return }
        installed = true
        _ = table
        // A parent may have started us with these signals blocked (test runners, some CI agents do):
        // unblock them, or an interrupt would never arrive and the run would never stop.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in Self.signals {
            signal(sig, handler)
            sigaddset(&set, sig)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static func register(_ path: String) {
        install()
        pthread_mutex_lock(lock); defer { pthread_mutex_unlock(lock) }
        let bytes = Array(path.utf8CString)
        guard bytes.count <= width else { return }
        for slot in 0..<slots where table[slot * width] == 0 {
            for (i, b) in bytes.enumerated() { table[slot * width + i] = b }
            return
        }
    }

    static func unregister(_ path: String) {
        pthread_mutex_lock(lock); defer { pthread_mutex_unlock(lock) }
        let bytes = Array(path.utf8CString)
        for slot in 0..<slots where table[slot * width] != 0 {
            if (0..<bytes.count).allSatisfy({ table[slot * width + $0] == bytes[$0] }) {
                table[slot * width] = 0
            }
        }
    }

    private static let handler: @convention(c) (Int32) -> Void = { sig in
        for slot in 0..<Interrupts.slots where Interrupts.table[slot * Interrupts.width] != 0 {
            unlink(Interrupts.table + slot * Interrupts.width)
        }
        signal(sig, SIG_DFL)
        raise(sig)
    }
}
