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
    /// What the child wrote to standard output, when it was captured.
    var output = ""

    var cpuSeconds: Double { userSeconds + systemSeconds }
}

/// Runs `argv` (the first element is the executable's path) with standard error sent to /dev/null and
/// standard output to `stdout` (a file path; /dev/null when nil); nil when it cannot be spawned. The clock
/// runs from just before `posix_spawn` to just after `wait4` returns.
func spawnAndWait(_ argv: [String], stdout: String? = nil) -> ChildRun? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
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
    var run = ChildRun(wallSeconds: wall, userSeconds: seconds(usage.ru_utime), systemSeconds: seconds(usage.ru_stime),
                       peakMiB: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xff)
    if let stdout, let data = FileManager.default.contents(atPath: stdout) { run.output = String(decoding: data, as: UTF8.self) }
    return run
}

/// The monotonic clock, in seconds.
func monotonicSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// This process's own peak resident set, MiB (VmHWM in /proc/self/status).
///
/// The kernel reports a child's peak as at least its parent's at the time of the spawn: `posix_spawn`
/// runs the child on the parent's memory until `exec`, and `exec` keeps that memory's high-water mark. A
/// child's peak at or below this figure is therefore only a bound, printed as "≤".
func harnessPeakMiB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kib = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    else { return 0 }
    return kib / 1024
}

/// A child's peak memory as measured, or "≤ N" when it is not above the harness's own (see ``harnessPeakMiB()``).
func peakText(_ mib: Double) -> String {
    let floor = harnessPeakMiB()
    return mib <= floor + 0.5 ? String(format: "≤ %.1f", mib) : String(format: "%.1f", mib)
}
