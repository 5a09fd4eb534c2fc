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
        .library(name: "NASCore", targets: ["NASCore"]),
        .library(name: "NASSpaces", targets: ["NASSpaces"]),
        .library(name: "NASModels", targets: ["NASModels"]),
        .library(name: "TabularBenchmarks", targets: ["TabularBenchmarks"]),
        .library(name: "Predictors", targets: ["Predictors"]),
        .library(name: "Optimizers", targets: ["Optimizers"]),
        .library(name: "NASRunner", targets: ["NASRunner"]),
        .library(name: "OneShot", targets: ["OneShot"]),
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
        .systemLibrary(name: "CLAPACKE", providers: [.apt(["liblapacke-dev"])]),
        .systemLibrary(name: "CXGBoost", providers: [.apt(["libxgboost-dev"])]),

        // The engine.
        .target(name: "Seeding"),
        .target(name: "Tensors", dependencies: ["CBLAS", "CAllocator", "Seeding"]),
        .target(name: "Layers", dependencies: ["Tensors", "Seeding"]),
        .target(name: "Training", dependencies: ["Layers", "Tensors", "Seeding", "Datasets"]),
        .target(name: "Datasets", dependencies: ["Tensors", "Seeding", "CZlib"]),

        // Storage: knows nothing of NAS or of tensors.
        .target(name: "HDF5Store", dependencies: ["CHDF5"]),

        // NAS: protocols (no engine), spaces (no engine), networks built from architectures (engine),
        // tabular benchmarks (HDF5, generic over the protocols) and their importers.
        .target(name: "NASCore"),
        .target(name: "NASSpaces", dependencies: ["NASCore", "Seeding"]),
        .target(name: "NASModels", dependencies: ["NASSpaces", "NASCore", "Layers", "Tensors", "Seeding"]),
        .target(name: "TabularBenchmarks", dependencies: ["NASCore", "HDF5Store"]),
        .target(name: "TabularImport", dependencies: ["TabularBenchmarks", "NASSpaces", "NASCore", "HDF5Store", "Seeding"]),

        // Search: predictors and optimizers see spaces only through NASCore's protocols; the runner is the only
        // place where concrete spaces meet concrete optimizers.
        .target(
            name: "Predictors",
            dependencies: ["NASCore", "Seeding", "Tensors", "Layers", "Training", "Datasets", "CLAPACKE", "CXGBoost"]),
        .target(
            name: "Optimizers",
            dependencies: ["NASCore", "Predictors", "Seeding", "Tensors", "Layers", "Training"]),
        .target(
            name: "Tabulation",
            dependencies: [
                "NASModels", "NASSpaces", "NASCore", "TabularBenchmarks", "Training", "Datasets", "Layers", "Seeding",
            ]),
        .target(
            name: "NASRunner",
            dependencies: [
                "Optimizers", "Predictors", "NASCore", "NASSpaces", "TabularBenchmarks", "HDF5Store", "Seeding",
            ]),

        // Weight sharing: supernets over cell spaces and the one-shot optimizers that train them.
        .target(
            name: "OneShot",
            dependencies: [
                "NASModels", "NASSpaces", "NASCore", "Optimizers", "Layers", "Training", "Tensors", "Datasets",
                "Seeding",
            ]),

        // The command line.
        .executableTarget(
            name: "nasrun",
            dependencies: [
                "Training", "Datasets", "Layers", "Tensors", "Seeding",
                "NASCore", "NASSpaces", "NASModels", "TabularBenchmarks", "TabularImport", "NASRunner", "Optimizers",
                "Predictors", "Tabulation", "OneShot",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Shared test helpers: gradient checks, temporary directories.
        .target(
            name: "_TestSupport", dependencies: ["Tensors", "Seeding", "NASCore", "NASSpaces", "TabularBenchmarks"]),

        .testTarget(name: "SeedingTests", dependencies: ["Seeding"]),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors", "Seeding", "_TestSupport"]),
        .testTarget(name: "LayersTests", dependencies: ["Layers", "Tensors", "Seeding", "_TestSupport"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Layers", "Tensors", "Seeding", "Datasets"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Tensors", "Seeding", "_TestSupport"]),
        .testTarget(name: "HDF5StoreTests", dependencies: ["HDF5Store", "_TestSupport"]),
        .testTarget(name: "nasrunTests", dependencies: ["nasrun"]),
        .testTarget(name: "NASCoreTests", dependencies: ["NASCore"]),
        .testTarget(name: "NASSpacesTests", dependencies: ["NASSpaces", "NASCore", "Seeding", "_TestSupport"]),
        .testTarget(
            name: "NASModelsTests",
            dependencies: [
                "NASModels", "NASSpaces", "NASCore", "Layers", "Tensors", "Training", "Datasets", "Seeding",
                "_TestSupport",
            ]),
        .testTarget(name: "TabularBenchmarksTests", dependencies: ["TabularBenchmarks", "NASCore", "HDF5Store", "_TestSupport"]),
        .testTarget(
            name: "PredictorsTests",
            dependencies: [
                "Predictors", "NASCore", "NASSpaces", "NASModels", "TabularBenchmarks", "Datasets", "Layers",
                "Tensors", "Training", "Seeding", "NASRunner", "_TestSupport",
            ]),
        .testTarget(
            name: "OptimizersTests",
            dependencies: [
                "Optimizers", "Predictors", "NASCore", "NASSpaces", "NASModels", "TabularBenchmarks", "Seeding",
                "_TestSupport",
            ]),
        .testTarget(
            name: "NASRunnerTests",
            dependencies: [
                "NASRunner", "Optimizers", "NASCore", "NASSpaces", "TabularBenchmarks", "Seeding", "_TestSupport",
            ]),
        .testTarget(
            name: "TabulationTests",
            dependencies: ["Tabulation", "TabularBenchmarks", "NASSpaces", "Datasets", "_TestSupport"]),
        .testTarget(
            name: "OneShotTests",
            dependencies: [
                "OneShot", "NASModels", "NASSpaces", "NASCore", "Layers", "Training", "Tensors", "Datasets",
                "TabularBenchmarks", "Seeding", "_TestSupport",
            ]),
        .testTarget(
            name: "TabularImportTests",
            dependencies: ["TabularImport", "TabularBenchmarks", "NASSpaces", "NASCore", "Seeding", "_TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
