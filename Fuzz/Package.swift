// swift-tools-version:5.3
// The libFuzzer harness. Build and run it with Fuzz/run.sh (it needs -sanitize=fuzzer and
// -parse-as-library, so that libFuzzer supplies main); see docs/fuzzing.md. The tools version is 5.3 on
// purpose: from 5.5 on, SwiftPM renames an executable's entry point, which clashes with libFuzzer's.
import PackageDescription

let package = Package(
    name: "procmod-fuzz",
    products: [.executable(name: "procmod-fuzz", targets: ["procmod-fuzz"])],
    dependencies: [.package(name: "procmod", path: "..")],
    targets: [
        .target(
            name: "procmod-fuzz",
            dependencies: [.product(name: "ProcmodFuzzing", package: "procmod")]
        ),
    ]
)
