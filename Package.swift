// swift-tools-version:6.0
import PackageDescription

/// One shared list of settings for every target.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Wiretrace",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wiretrace", targets: ["wiretrace"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C shim over the system zlib (Debian: zlib1g-dev).
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // C shim over the C library's allocator (glibc's malloc_trim).
        .systemLibrary(name: "CMemory", path: "Sources/CMemory"),
        // Shared core: document model, stage protocols, errors, config reading, the spill store.
        .target(name: "WiretraceCore", dependencies: ["CMemory"], swiftSettings: swiftSettings),
        // The six stages, each depending only on the core (and zlib for ingest).
        .target(name: "Ingest", dependencies: ["WiretraceCore", "CZlib"], swiftSettings: swiftSettings),
        .target(name: "Normalize", dependencies: ["WiretraceCore"], swiftSettings: swiftSettings),
        // The MinHash kernel in C: an AVX-512 path picked at run time (portable Swift cannot emit it).
        .target(name: "CMinHash"),
        .target(name: "Sketch", dependencies: ["WiretraceCore", "CMinHash"], swiftSettings: swiftSettings),
        .target(name: "Cluster", dependencies: ["WiretraceCore"], swiftSettings: swiftSettings),
        .target(
            name: "Attribute",
            dependencies: ["WiretraceCore"],
            resources: [.copy("Resources/agencies.json")],
            swiftSettings: swiftSettings
        ),
        .target(name: "Report", dependencies: ["WiretraceCore"], swiftSettings: swiftSettings),
        // Reads pipeline.json and runs the stages in order.
        .target(
            name: "Pipeline",
            dependencies: ["WiretraceCore", "Ingest", "Normalize", "Sketch", "Cluster", "Attribute", "Report"],
            swiftSettings: swiftSettings
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "wiretrace",
            dependencies: ["Pipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),

        .target(name: "TestSupport", dependencies: ["WiretraceCore", "CZlib"], path: "Tests/TestSupport"),
        .testTarget(name: "WiretraceCoreTests", dependencies: ["WiretraceCore", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"]),
        .testTarget(name: "NormalizeTests", dependencies: ["Normalize", "TestSupport"]),
        .testTarget(name: "SketchTests", dependencies: ["Sketch", "Normalize", "WiretraceCore", "TestSupport"]),
        .testTarget(name: "ClusterTests", dependencies: ["Cluster", "Sketch", "Normalize", "TestSupport"]),
        .testTarget(name: "AttributeTests", dependencies: ["Attribute", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "TestSupport"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "wiretrace"]),
    ]
)
