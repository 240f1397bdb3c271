import Foundation

/// One child process measured the way the kernel counts it: spawned with `posix_spawn`, reaped with
/// `wait4`, which also returns its user and system time and its peak resident memory (no run-loop
/// polling, no `/usr/bin/time`).
struct ChildRun {
    var wallSeconds: Double
    var userSeconds: Double
    var systemSeconds: Double
    /// Peak resident set, MiB.
    var peakMiB: Double
    var status: Int32
}

/// Runs `argv` (the first element is the executable's path) with standard output and error sent to
/// /dev/null; nil when it cannot be spawned.
func spawnAndWait(_ argv: [String]) -> ChildRun? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { for p in cArguments { free(p) } }
    var pid: pid_t = 0
    var start = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    guard posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &end)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    let wall = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    return ChildRun(wallSeconds: wall, userSeconds: seconds(usage.ru_utime), systemSeconds: seconds(usage.ru_stime),
                    peakMiB: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xff)
}
