// swift-tools-version:6.0
// A libFuzzer harness for the JSON and YAML readers, kept out of the main package because
// it must be built with `-sanitize=fuzzer`. Build and run it with `Fuzz/run.sh`.
import PackageDescription

let package = Package(
    name: "MemcachedOpsFuzz",
    dependencies: [.package(name: "MemcachedOps", path: "..")],
    targets: [
        // A C shim: Swift cannot declare `LLVMFuzzerRunDriver`'s signature on its own.
        .target(name: "FuzzerDriver"),
        .executableTarget(
            name: "ManifestFuzzer",
            dependencies: [
                "FuzzerDriver",
                .product(name: "MemcachedOps", package: "MemcachedOps"),
                .product(name: "MemcachedOpsYAML", package: "MemcachedOps"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
