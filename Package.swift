// swift-tools-version:6.1
import PackageDescription

// The layers of DESIGN.md §3, lowest first. A layer may depend only on layers listed above it;
// the loop below refuses an upward dependency when the manifest loads, so `swift package describe`
// fails with a message naming both modules. Write layer dependencies as plain strings.
let layers: [Target] = [
    .systemLibrary(
        name: "CSQLite", path: "Sources/Shims/CSQLite", pkgConfig: "sqlite3",
        providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(
        name: "CZlib", path: "Sources/Shims/CZlib", pkgConfig: "zlib",
        providers: [.apt(["zlib1g-dev"])]),
    .target(name: "BotCodecs", dependencies: ["CZlib"], path: "Sources/Codecs"),
    .target(name: "BotCrypto", path: "Sources/Crypto"),
    .target(name: "BotNet", dependencies: ["BotCrypto"], path: "Sources/Net"),
    .target(name: "BotSecurity", dependencies: ["BotCodecs", "BotCrypto"], path: "Sources/Security"),
    .target(name: "BotAlerts", dependencies: ["BotCodecs", "BotSecurity", "BotNet"], path: "Sources/Alerts"),
    .target(name: "BotExchanges", dependencies: ["BotCodecs", "BotSecurity", "BotNet"], path: "Sources/Exchanges"),
    .target(
        name: "BotData", dependencies: ["BotExchanges", "BotAlerts", "BotCodecs", "BotCrypto", "CSQLite"],
        path: "Sources/Data"),
    .target(name: "BotRisk", dependencies: ["BotCodecs", "BotExchanges"], path: "Sources/Risk"),
    .target(name: "BotExecution", dependencies: ["BotCodecs", "BotNet", "BotRisk", "BotExchanges"], path: "Sources/Execution"),
    .target(name: "BotStrategies", dependencies: ["BotData"], path: "Sources/Strategies"),
    .target(
        name: "BotRuntime",
        dependencies: [
            "BotCodecs", "BotCrypto", "BotNet", "BotSecurity", "BotAlerts", "BotExchanges", "BotData",
            "BotRisk", "BotExecution", "BotStrategies",
        ],
        path: "Sources/Runtime"),
]

for (index, layer) in layers.enumerated() {
    let below = Set(layers[..<index].map(\.name))
    for case .byNameItem(let name, _) in layer.dependencies where !below.contains(name) {
        fatalError(
            "\(layer.name) must not depend on \(name): a module may depend only on modules listed above it "
                + "in Package.swift (DESIGN.md §3). Move the shared code down a layer or invert the dependency.")
    }
}

// One executable per runbook command: `Sources/Tools/<name>/main.swift` is a one-line `main` over the
// command type in BotRuntime. A tool is listed here when an issue gives it real work.
let runbookTools: [String] = [
    "validate-config", "inspect-manifest", "seed-paper-cache", "check-data-coverage", "exchange-simulator",
    "backfill", "show-risk-state", "paper-precheck", "run-daily-trend",
]

let tools: [Target] =
    runbookTools.map { .executableTarget(name: $0, dependencies: ["BotRuntime"], path: "Sources/Tools/\($0)") }
    + [
        // Developer tool, not a runbook command: `swift run -c release bench <name>`.
        .executableTarget(
            name: "bench",
            dependencies: [
                "BotCodecs", "BotCrypto", "BotNet", "BotExchanges", "BotData", "BotRisk", "BotExecution", "BotStrategies",
                "BotRuntime",
            ], path: "Sources/Tools/bench"),
    ]

let tests: [Target] = [
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "BotCodecsTests", dependencies: ["BotCodecs", "TestSupport"]),
    .testTarget(name: "BotCryptoTests", dependencies: ["BotCrypto", "TestSupport"]),
    .testTarget(name: "BotNetTests", dependencies: ["BotNet", "BotCrypto", "TestSupport"]),
    .testTarget(name: "BotAlertsTests", dependencies: ["BotAlerts", "TestSupport"]),
    .testTarget(name: "BotExchangesTests", dependencies: ["BotExchanges", "BotNet", "TestSupport"]),
    .testTarget(name: "BotDataTests", dependencies: ["BotData", "TestSupport"]),
    .testTarget(
        name: "BotRuntimeTests",
        dependencies: [
            "BotRuntime", "BotData", "BotExchanges", "BotRisk", "BotExecution", "BotStrategies", "BotCodecs", "BotCrypto",
            "BotNet", "BotAlerts", "TestSupport",
        ]),
    .testTarget(name: "BotRiskTests", dependencies: ["BotRisk", "TestSupport"]),
    .testTarget(name: "BotExecutionTests", dependencies: ["BotExecution", "BotNet", "TestSupport"]),
    .testTarget(name: "BotStrategiesTests", dependencies: ["BotStrategies", "BotData", "TestSupport"]),
    // End-to-end tests that run the built tools as processes.
    .testTarget(name: "ToolTests", dependencies: ["TestSupport"]),
]

let libraries = layers.filter { $0.type == .regular }

let package = Package(
    name: "BotCore",
    platforms: [.macOS(.v15)],
    products: libraries.map { .library(name: $0.name, targets: [$0.name]) }
        + tools.map { .executable(name: $0.name, targets: [$0.name]) },
    targets: layers + tools + tests,
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
