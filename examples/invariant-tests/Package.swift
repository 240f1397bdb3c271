// swift-tools-version: 6.1
// A reform team's own test suite: it depends on procmod and asserts promises about procedures.
import PackageDescription

let package = Package(
    name: "invariant-tests",
    dependencies: [
        .package(name: "procmod", path: "../.."),
    ],
    targets: [
        .testTarget(
            name: "ProcedureInvariantTests",
            dependencies: [.product(name: "ProcmodTesting", package: "procmod")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
