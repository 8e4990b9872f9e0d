// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for speechq (docs/reliability.md). A package of its own, so the main
// package's build and test suite never compile it; `scripts/fuzz TARGET MINUTES` builds it
// with `-sanitize=fuzzer,address` and runs one target.
let package = Package(
    name: "speechq-fuzz",
    dependencies: [
        .package(name: "speechq", path: ".."),
    ],
    targets: [
        // What both targets share: the libFuzzer driver, a session host that renders every
        // result in every format, and the checks on what is rendered.
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "SpeechQuery", package: "speechq")]
        ),
        // Bytes → file → load → outline → analysis → every output format.
        .executableTarget(
            name: "FuzzLoad",
            dependencies: ["FuzzSupport", .product(name: "SpeechQuery", package: "speechq")]
        ),
        // Query text → lexer, parser, evaluator, completion, diagnostics.
        .executableTarget(
            name: "FuzzQuery",
            dependencies: ["FuzzSupport", .product(name: "SpeechQuery", package: "speechq")]
        ),
    ]
)
