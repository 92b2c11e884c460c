// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ocr-clean",
    products: [
        .executable(name: "ocr-clean", targets: ["ocr-clean"]),
        .library(name: "OCRClean", targets: ["OCRClean"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // The system ICU (libicu-dev): link flags only.
        .systemLibrary(
            name: "SystemICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // C API over ICU whose public header includes no ICU header, so Swift code that also imports
        // Foundation (which bundles another ICU) compiles.
        .target(name: "ICUShim", dependencies: ["SystemICU"]),
        .target(name: "OCRClean", dependencies: ["ICUShim", .product(name: "DequeModule", package: "swift-collections")]),
        // Batch runs over archives (SQLite catalog through GRDB, parallel, resumable) and reports.
        .target(
            name: "OCRCleanBatch",
            dependencies: ["OCRClean", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "ocr-clean",
            dependencies: [
                "OCRClean",
                "OCRCleanBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `swift run -c release ocr-clean-bench FILE`: throughput, memory, start-up next to cat and uconv.
        .executableTarget(
            name: "ocr-clean-bench",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Fuzz targets (`.ci/fuzz`); built plainly, it replays saved inputs (`Tests/Fuzz`).
        .executableTarget(name: "ocr-clean-fuzz", dependencies: ["OCRClean"]),
        // Test helpers shared by the test targets: txtar case files, the CLI runner.
        .target(name: "OCRCleanTestSupport", dependencies: ["OCRClean"]),
        .testTarget(
            name: "OCRCleanTests",
            dependencies: ["OCRClean", "OCRCleanBatch", "OCRCleanTestSupport"],
            exclude: ["Cases", "Golden", "Dehyphenation"]
        ),
        // End-to-end tests of the built binary (pipes, exit codes, files).
        .testTarget(
            name: "OCRCleanCLITests",
            dependencies: ["ocr-clean", "ocr-clean-fuzz", "OCRCleanTestSupport"]
        ),
    ],
    cxxLanguageStandard: .cxx17
)
