// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "MemcachedOps",
    products: [
        .library(name: "MemcachedOps", targets: ["MemcachedOps"]),
        .library(name: "MemcachedOpsYAML", targets: ["MemcachedOpsYAML"]),
        .library(name: "MemcachedOpsTLS", targets: ["MemcachedOpsTLS"]),
        .library(name: "MemcachedOpsRuntime", targets: ["MemcachedOpsRuntime"]),
        .library(name: "MemcachedOpsLocal", targets: ["MemcachedOpsLocal"]),
        .executable(name: "mcops", targets: ["mcops"]),
        .executable(name: "mcops-bench", targets: ["mcops-bench"]),
    ],
    targets: [
        // C libraries from Debian's packages.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "COpenSSLShims", dependencies: ["COpenSSL"]),

        // Library modules.
        .target(name: "MemcachedOps"),
        .target(name: "MemcachedOpsYAML", dependencies: ["MemcachedOps", "CYAML"]),
        .target(name: "MemcachedOpsTLS", dependencies: ["COpenSSL", "COpenSSLShims"]),
        .target(name: "MemcachedOpsRuntime", dependencies: ["MemcachedOps"]),
        .target(
            name: "MemcachedOpsLocal",
            dependencies: ["MemcachedOps", "MemcachedOpsRuntime", "MemcachedOpsTLS"]
        ),

        // The command-line tool: a testable library and a thin executable.
        .target(
            name: "MCOpsCommandLine",
            dependencies: [
                "MemcachedOps", "MemcachedOpsYAML", "MemcachedOpsTLS", "MemcachedOpsRuntime",
                "MemcachedOpsLocal",
            ]
        ),
        .executableTarget(name: "mcops", dependencies: ["MCOpsCommandLine"]),
        .executableTarget(
            name: "mcops-bench",
            dependencies: [
                "MemcachedOps", "MemcachedOpsYAML", "MemcachedOpsTLS", "MemcachedOpsRuntime",
                "MemcachedOpsLocal",
            ]
        ),

        // Examples, built with everything else so they cannot rot.
        .executableTarget(
            name: "ReadAndValidateExample",
            dependencies: ["MemcachedOps", "MemcachedOpsYAML"],
            path: "Examples/ReadAndValidate"
        ),
        .executableTarget(
            name: "PolicyOnClusterExample",
            dependencies: ["MemcachedOps", "MemcachedOpsRuntime"],
            path: "Examples/PolicyOnCluster"
        ),
        .executableTarget(
            name: "TeamPolicyExample",
            dependencies: ["MemcachedOps"],
            path: "Examples/TeamPolicy"
        ),

        // Tests.
        .testTarget(
            name: "MemcachedOpsTests",
            dependencies: ["MemcachedOps", "MemcachedOpsYAML"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "MemcachedOpsTLSTests", dependencies: ["MemcachedOpsTLS"]),
        .testTarget(
            name: "MemcachedOpsRuntimeTests",
            dependencies: ["MemcachedOps", "MemcachedOpsRuntime"]
        ),
        .testTarget(
            name: "MemcachedOpsLocalTests",
            dependencies: ["MemcachedOps", "MemcachedOpsRuntime", "MemcachedOpsLocal", "MemcachedOpsTLS"]
        ),
        .testTarget(
            name: "MCOpsCommandLineTests",
            dependencies: ["MCOpsCommandLine", "MemcachedOps", "MemcachedOpsYAML", "MemcachedOpsTLS"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
