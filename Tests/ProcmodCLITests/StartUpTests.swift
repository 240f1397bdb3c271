import Foundation
import ProcmodTestSupport
import Testing

/// What `procmod` loads when it starts (docs/benchmarks.md, "Start-up"): Foundation and its ICU cost
/// several milliseconds at every run, and on Linux the Swift runtime is linked in.
@Suite struct StartUpTests {
    /// The dynamic linker's own record of the libraries it maps (glibc's `LD_DEBUG=files`): none of
    /// Foundation's, and on Linux none of the Swift runtime's. An `import Foundation` added to any module
    /// the executable links fails this test.
    @Test func theBinaryLoadsNeitherFoundationNorASwiftLibrary() throws {
        #if os(Linux)
        let r = try TestSupport.runProcmod(["--version"], environment: ["LD_DEBUG": "files"])
        #expect(r.status == 0)
        let loaded = r.stderr.split(separator: "\n").compactMap { line -> String? in
            guard let file = line.range(of: "file=") else { return nil }
            return line[file.upperBound...].split(separator: " ").first.map(String.init)
        }
        #expect(loaded.contains { $0.hasPrefix("libxml2") }, "the record was read: \(loaded)")
        for library in ["libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so",
                        "libFoundationEssentials.so", "libswiftCore.so"] {
            #expect(!loaded.contains(library), "\(library) is loaded: \(loaded)")
        }
        #endif
    }
}
