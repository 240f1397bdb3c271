// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "procmod",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "procmod", targets: ["procmod"]),
        /// The model, loader, analyzer, simulator, levers, invariants and renderers, for a reform team's own
        /// Swift tools and test suites (docs/library.md).
        .library(name: "ProcmodKit", targets: ["ProcmodModel", "ProcmodLoader", "ProcmodAnalysis", "ProcmodSimulation",
                                               "ProcmodScenario", "ProcmodInvariants", "ProcmodReporting", "ProcmodLocalization", "ProcmodDiagram",
                                               "ProcmodBPMN", "ProcmodCatalogue"]),
        /// Assertions for a reform team's Swift Testing or XCTest suites.
        .library(name: "ProcmodTesting", targets: ["ProcmodTesting"]),
        /// The fuzzing pipeline, for the libFuzzer harness in Fuzz/.
        .library(name: "ProcmodFuzzing", targets: ["ProcmodFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        .target(
            name: "ProcmodModel",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")]
        ),
        .target(name: "ProcmodXML", dependencies: ["CLibXML2", "ProcmodModel"]),
        /// The reports' catalog of sentences in Vietnamese and English, names for ids, numbers as each language writes them.
        .target(name: "ProcmodLocalization", dependencies: ["ProcmodModel"]),
        /// An escaped HTML and SVG tree: the reports' pages and charts, and the diagrams.
        .target(name: "ProcmodMarkup"),
        /// BPMN 2.0 export and import, with DI from the diagram layout.
        .target(name: "ProcmodBPMN", dependencies: ["ProcmodModel", "ProcmodXML", "ProcmodLoader", "ProcmodDiagram", "ProcmodLocalization"]),
        /// Diagrams of procedures: a layered layout in swimlanes, drawn as SVG.
        .target(name: "ProcmodDiagram", dependencies: ["ProcmodModel", "ProcmodLocalization", "ProcmodMarkup"]),
        .target(name: "ProcmodOutput"),
        .target(name: "ProcmodLoader", dependencies: ["ProcmodModel", "ProcmodXML"]),
        .target(name: "ProcmodAnalysis", dependencies: ["ProcmodModel", "ProcmodLocalization", .product(name: "HeapModule", package: "swift-collections")]),
        .target(name: "ProcmodReporting", dependencies: ["ProcmodModel", "ProcmodAnalysis", "ProcmodScenario", "ProcmodSimulation",
                                                         "ProcmodInvariants", "ProcmodXML", "ProcmodLocalization", "ProcmodMarkup",
                                                         "ProcmodDiagram"]),
        .target(name: "ProcmodScenario", dependencies: ["ProcmodModel", "ProcmodLocalization", "ProcmodAnalysis", "ProcmodSimulation"]),
        .target(name: "ProcmodSpreadsheet", dependencies: ["CXlsxWriter", "ProcmodModel", "ProcmodLocalization", "ProcmodAnalysis",
                                                          "ProcmodScenario", "ProcmodCatalogue"]),
        /// Catalogues: procedures of a site on shared resources, scenarios across them, the portfolio report, shards.
        .target(name: "ProcmodCatalogue", dependencies: ["ProcmodModel", "ProcmodLoader", "ProcmodAnalysis", "ProcmodScenario",
                                                        "ProcmodSimulation", "ProcmodLocalization", "ProcmodMarkup", "ProcmodReporting"]),
        .target(name: "ProcmodInvariants", dependencies: ["ProcmodModel", "ProcmodAnalysis", "ProcmodSimulation"]),
        .target(name: "ProcmodTesting", dependencies: ["ProcmodInvariants", "ProcmodLoader", "ProcmodModel", "ProcmodSimulation"]),
        .target(
            name: "ProcmodSimulation",
            dependencies: [
                "ProcmodModel", "ProcmodOutput",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .executableTarget(
            name: "procmod",
            dependencies: [
                "ProcmodModel", "ProcmodLoader", "ProcmodAnalysis", "ProcmodReporting", "ProcmodSimulation",
                "ProcmodScenario", "ProcmodInvariants", "ProcmodOutput", "ProcmodSpreadsheet", "ProcmodLocalization", "ProcmodDiagram",
                "ProcmodBPMN", "ProcmodCatalogue",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims"], .when(platforms: [.linux]))]
        ),
        .executableTarget(
            name: "procmod-bench",
            dependencies: [
                "ProcmodLoader", "ProcmodAnalysis", "ProcmodSimulation", "ProcmodTestSupport", "ProcmodCatalogue", "ProcmodModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "ProcmodTestSupport", dependencies: ["ProcmodModel", "ProcmodLoader", "ProcmodSimulation"]),
        /// The whole pipeline on one input: the fuzzer's target (Fuzz/) and the regression test of its corpus.
        .target(name: "ProcmodFuzzing", dependencies: ["ProcmodModel", "ProcmodLoader", "ProcmodAnalysis", "ProcmodSimulation",
                                                      "ProcmodScenario", "ProcmodInvariants", "ProcmodReporting", "ProcmodBPMN",
                                                      "ProcmodDiagram"]),
        .testTarget(
            name: "ProcmodAnalysisTests",
            dependencies: ["ProcmodAnalysis", "ProcmodReporting", "ProcmodLoader", "ProcmodModel", "ProcmodTestSupport"],
            exclude: ["Goldens"]
        ),
        .testTarget(
            name: "ProcmodLoaderTests",
            dependencies: ["ProcmodLoader", "ProcmodModel", "ProcmodXML", "ProcmodTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ProcmodSimulationTests",
            dependencies: ["ProcmodSimulation", "ProcmodAnalysis", "ProcmodLoader", "ProcmodModel", "ProcmodTestSupport",
                           .product(name: "Histogram", package: "hdrhistogram-swift")]
        ),
        .testTarget(
            name: "ProcmodScenarioTests",
            dependencies: ["ProcmodScenario", "ProcmodReporting", "ProcmodAnalysis", "ProcmodSimulation", "ProcmodLoader",
                           "ProcmodModel", "ProcmodTestSupport"],
            exclude: ["Goldens"]
        ),
        .testTarget(
            name: "ProcmodInvariantsTests",
            dependencies: ["ProcmodInvariants", "ProcmodTesting", "ProcmodReporting", "ProcmodLoader", "ProcmodModel",
                           "ProcmodSimulation", "ProcmodTestSupport"]
        ),
        .testTarget(
            name: "ProcmodCatalogueTests",
            dependencies: ["ProcmodCatalogue", "ProcmodSimulation", "ProcmodLoader", "ProcmodModel", "ProcmodLocalization",
                           "ProcmodTestSupport"]
        ),
        .testTarget(
            name: "ProcmodFuzzTests",
            dependencies: ["ProcmodFuzzing", "ProcmodTestSupport", "ProcmodLoader", "ProcmodModel"]
        ),
        .testTarget(
            name: "ProcmodBPMNTests",
            dependencies: ["ProcmodBPMN", "ProcmodLoader", "ProcmodModel", "ProcmodSimulation", "ProcmodTestSupport", "ProcmodXML"],
            exclude: ["MIWG"]
        ),
        .testTarget(
            name: "ProcmodDiagramTests",
            dependencies: ["ProcmodDiagram", "ProcmodLoader", "ProcmodModel", "ProcmodTestSupport"]
        ),
        .testTarget(
            name: "ProcmodLocalizationTests",
            dependencies: ["ProcmodLocalization", "ProcmodModel"]
        ),
        .testTarget(
            name: "ProcmodCLITests",
            dependencies: ["ProcmodTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
