// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "speechq",
    products: [
        .executable(name: "speechq", targets: ["speechq"]),
        .library(name: "SpeechQuery", targets: ["SpeechQuery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Everything that is not terminal I/O: loading, outline parsing, output formatting.
        // memmem(3) for substring search over UTF-8 bytes.
        .target(name: "CSpeechQuery"),
        // libedit, the line editor behind the REPL (Debian: libedit-dev).
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // SQLite's own C library, which the export writes databases with (Debian: libsqlite3-dev).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // SIGINT handling for the REPL and forkpty for its end-to-end tests.
        .target(name: "CTerminal", linkerSettings: [.linkedLibrary("util")]),
        .target(
            name: "SpeechQuery",
            dependencies: ["CSpeechQuery", "CSQLite"],
            resources: [
                // Marker lists are data, not code; embedding them keeps the binary self-contained.
                .embedInCode("Resources/outline-markers.txt"),
                .embedInCode("Resources/analysis-lexicon.txt"),
            ]
        ),
        // The thin command-line frontend.
        .executableTarget(
            name: "speechq",
            dependencies: [
                "SpeechQuery",
                "CEditLine",
                "CTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Parser and analysis throughput in a loop, run by hand (scripts/bench times the binary); not shipped.
        .executableTarget(
            name: "speechq-bench",
            dependencies: ["SpeechQuery"]
        ),
        .testTarget(
            name: "SpeechQueryTests",
            dependencies: ["SpeechQuery"],
            resources: [.copy("Fixtures")]
        ),
        // End-to-end tests run the built `speechq` binary.
        .testTarget(
            name: "speechqTests",
            dependencies: ["speechq", "SpeechQuery", "CTerminal"],
            // Read by OutputIdentityTests through #filePath, not bundled.
            exclude: ["OutputChecksums.txt"]
        ),
    ]
)
