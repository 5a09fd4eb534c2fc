// swift-tools-version: 6.1
// NASKit's performance benchmarks: a separate package, so benchmark code never slows `swift test`.
// Run: cd Benchmarks && swift run -c release EngineBenchmarks (QueryBenchmarks, SearchBenchmarks, PredictorBenchmarks,
// ZeroCostBenchmarks, OneShotBenchmarks)
import PackageDescription

let package = Package(
    name: "NASKitBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "NASKit", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "Tensors", package: "NASKit"),
                .product(name: "Layers", package: "NASKit"),
                .product(name: "Training", package: "NASKit"),
                .product(name: "Seeding", package: "NASKit"),
            ]
        ),
        .executableTarget(
            name: "SearchBenchmarks",
            dependencies: [
                .product(name: "Optimizers", package: "NASKit"),
                .product(name: "Predictors", package: "NASKit"),
                .product(name: "TabularBenchmarks", package: "NASKit"),
                .product(name: "NASSpaces", package: "NASKit"),
                .product(name: "NASCore", package: "NASKit"),
                .product(name: "Seeding", package: "NASKit"),
                .product(name: "Tensors", package: "NASKit"),
            ]
        ),
        .executableTarget(
            name: "PredictorBenchmarks",
            dependencies: [
                .product(name: "Predictors", package: "NASKit"),
                .product(name: "NASRunner", package: "NASKit"),  // the spaces' cell graphs, for the GCN
                .product(name: "TabularBenchmarks", package: "NASKit"),
                .product(name: "NASSpaces", package: "NASKit"),
                .product(name: "NASCore", package: "NASKit"),
                .product(name: "Seeding", package: "NASKit"),
            ]
        ),
        .executableTarget(
            name: "QueryBenchmarks",
            dependencies: [
                .product(name: "TabularBenchmarks", package: "NASKit"),
                .product(name: "NASSpaces", package: "NASKit"),
                .product(name: "NASCore", package: "NASKit"),
                .product(name: "Seeding", package: "NASKit"),
            ]
        ),
        .executableTarget(
            name: "ZeroCostBenchmarks",
            dependencies: [
                .product(name: "Predictors", package: "NASKit"),
                .product(name: "NASModels", package: "NASKit"),
                .product(name: "NASSpaces", package: "NASKit"),
                .product(name: "Datasets", package: "NASKit"),
                .product(name: "Layers", package: "NASKit"),
                .product(name: "Tensors", package: "NASKit"),
                .product(name: "Seeding", package: "NASKit"),
            ]
        ),
        .executableTarget(
            name: "OneShotBenchmarks",
            dependencies: [
                .product(name: "OneShot", package: "NASKit"),
                .product(name: "NASModels", package: "NASKit"),
                .product(name: "NASSpaces", package: "NASKit"),
                .product(name: "Datasets", package: "NASKit"),
                .product(name: "Training", package: "NASKit"),
                .product(name: "Layers", package: "NASKit"),
                .product(name: "Tensors", package: "NASKit"),
                .product(name: "Seeding", package: "NASKit"),
            ]
        ),
        .executableTarget(
            name: "LearningCurveBenchmarks",
            dependencies: [
                .product(name: "Predictors", package: "NASKit"),
                .product(name: "NASCore", package: "NASKit"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
