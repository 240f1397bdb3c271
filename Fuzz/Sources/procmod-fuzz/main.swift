#if canImport(Glibc)
import Glibc
#endif
import ProcmodFuzzing

/// The shipped scenarios, loaded once from PROCMOD_SCENARIOS (default examples/scenarios).
nonisolated(unsafe) private var pipeline: Pipeline?

/// libFuzzer's entry point: one input through the whole pipeline. A trap is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if pipeline == nil {
        let directory = getenv("PROCMOD_SCENARIOS").map { String(cString: $0) } ?? "examples/scenarios"
        pipeline = Pipeline(scenarios: Pipeline.scenarios(in: directory))
    }
    pipeline?.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
