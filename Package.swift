// swift-tools-version: 6.1
// NASKit: neural architecture search on one CPU machine. See Docs/Architecture.md for the modules and the
// one-way dependency arrows between them: the engine (Seeding, Tensors, Layers, Training, Datasets) knows
// nothing of NAS.
import PackageDescription

let package = Package(
    name: "NASKit",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nasrun", targets: ["nasrun"]),
        .library(name: "Tensors", targets: ["Tensors"]),
        .library(name: "Layers", targets: ["Layers"]),
        .library(name: "Training", targets: ["Training"]),
        .library(name: "Datasets", targets: ["Datasets"]),
        .library(name: "HDF5Store", targets: ["HDF5Store"]),
        .library(name: "Seeding", targets: ["Seeding"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries: one system target each, with a shim header for what Swift cannot import.
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5", providers: [.apt(["libhdf5-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CAllocator"),

        // The engine.
        .target(name: "Seeding"),
        .target(name: "Tensors", dependencies: ["CBLAS", "CAllocator", "Seeding"]),
        .target(name: "Layers", dependencies: ["Tensors", "Seeding"]),
        .target(name: "Training", dependencies: ["Layers", "Tensors", "Seeding", "Datasets"]),
        .target(name: "Datasets", dependencies: ["Tensors", "Seeding", "CZlib"]),

        // Storage: knows nothing of NAS or of tensors.
        .target(name: "HDF5Store", dependencies: ["CHDF5"]),

        // The command line.
        .executableTarget(
            name: "nasrun",
            dependencies: [
                "Training", "Datasets", "Layers", "Tensors", "Seeding",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Shared test helpers: gradient checks, temporary directories.
        .target(name: "_TestSupport", dependencies: ["Tensors", "Seeding"]),

        .testTarget(name: "SeedingTests", dependencies: ["Seeding"]),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors", "Seeding", "_TestSupport"]),
        .testTarget(name: "LayersTests", dependencies: ["Layers", "Tensors", "Seeding", "_TestSupport"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Layers", "Tensors", "Seeding", "Datasets"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Tensors", "Seeding", "_TestSupport"]),
        .testTarget(name: "HDF5StoreTests", dependencies: ["HDF5Store", "_TestSupport"]),
        .testTarget(name: "nasrunTests", dependencies: ["nasrun"]),
    ],
    swiftLanguageModes: [.v6]
)
