// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "YibaoConformance",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "yibao", targets: ["yibao"]),
        .library(name: "YibaoRules", targets: ["YibaoRules"]),
        .library(name: "YibaoConformance", targets: ["YibaoConformance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // The system's libyaml (Debian libyaml-dev), wrapped like NIO's CNIO* targets.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The system's libcrypto (Debian libssl-dev), for the suite digest's SHA-256.
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        // Every system call (files, pipes, posix_spawn, poll, signals) in one file, the only one that imports the C
        // library: the Linux/macOS differences live there and nowhere else.
        .target(name: "YibaoSystem"),
        // YAML nodes with source marks, built over libyaml's event API.
        .target(name: "YibaoYAML", dependencies: ["CLibYAML", "YibaoSystem"]),
        // The pure rules engine: exact types, one file per operation, no I/O.
        .target(name: "YibaoRules"),
        // The suite: catalog, vector reading and lint, the digest, the version. Reads files; runs nothing.
        .target(name: "YibaoSuite", dependencies: ["YibaoYAML", "YibaoRules", "CLibCrypto", "YibaoSystem"]),
        // Runs: outcomes, comparison, the reference and external runners, the protocol, the result log.
        .target(
            name: "YibaoRun",
            dependencies: [
                "YibaoSuite", "YibaoRules", "YibaoSystem", .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        // Reports of a run: summaries, coverage, text/JSON/JUnit/Markdown/HTML, badge, compare.
        .target(name: "YibaoReports", dependencies: ["YibaoRun", "YibaoSuite", "YibaoRules"]),
        // The three layers under one import, for the command line and vendors' tools.
        .target(name: "YibaoConformance", dependencies: ["YibaoSuite", "YibaoRun", "YibaoReports"]),
        // `yibao fuzz` and certify's random section: generators from the operations' schemas, differential
        // runs against the reference, shrinking, findings and their pages. Above the runs and reports, below the
        // command line.
        .target(name: "YibaoFuzz", dependencies: ["YibaoRun", "YibaoReports", "YibaoSuite", "YibaoRules", "YibaoYAML"]),
        // The command line.
        .executableTarget(
            name: "yibao",
            dependencies: [
                "YibaoConformance", "YibaoFuzz", "YibaoRules", "YibaoSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "YibaoYAMLTests", dependencies: ["YibaoYAML"], resources: [.copy("Fixtures")]),
        .testTarget(name: "YibaoRulesTests", dependencies: ["YibaoRules", "YibaoSuite"]),
        .testTarget(
            name: "YibaoFuzzTests", dependencies: ["YibaoFuzz", "YibaoRun", "YibaoSuite", "YibaoRules", "YibaoTestSupport"],
            exclude: ["Fixtures"]
        ),
        // The test targets' shared helpers (the repository, the built binary, child processes): no Swift Testing.
        .target(name: "YibaoTestSupport", path: "Tests/YibaoTestSupport"),
        .testTarget(
            name: "YibaoConformanceTests",
            dependencies: ["YibaoConformance", "YibaoSuite", "YibaoRun", "YibaoReports", "YibaoRules", "YibaoYAML", "YibaoTestSupport"],
            exclude: ["Fixtures"]
        ),
        // End to end: the real `yibao` binary run as a user runs it (signals, money through adapters, reruns, the
        // CI recipes, the Chinese screenshot); the library is used only to compute what to expect.
        .testTarget(name: "YibaoCLITests", dependencies: ["YibaoTestSupport", "YibaoSuite", "YibaoRun", "YibaoYAML"]),
    ],
    swiftLanguageModes: [.v6]
)
