// mcops-bench: runs the package's benchmarks, each beside its peer, and prints a table.
//
//     swift run -c release mcops-bench [--runs N] [--quick] [--no-peers] [NAME...]
//
// NAME is one of the benchmarks listed by --list; without names, all run. Run it from the
// package's root (scripts/bench does, after installing the peers).

import Foundation

useLineBufferedOutput()

let benchmarks: [(name: String, summary: String, run: (BenchmarkOptions) async throws -> [Row])] =
    [
        (
            "manifests", "read, decode and validate manifests (YAML, JSON) vs PyYAML and json",
            ManifestBenchmarks.run
        ),
        (
            "planner", "plans per second; growth with replicas and with databases",
            PlannerBenchmarks.run
        ),
        (
            "issuing", "certificates issued per second vs Python cryptography",
            IssuingBenchmarks.run
        ),
        (
            "rotation", "rotate certificates on 3 pods under load: live reload vs KubeDB restart",
            FleetChangeBenchmarks.rotation
        ),
        (
            "add-remove-tls",
            "add and remove TLS on 3 pods under load: restartable (-e) vs plain restart",
            FleetChangeBenchmarks.switching
        ),
        (
            "handshake", "TLS handshake + version latency to local memcached vs Python ssl",
            HandshakeBenchmarks.run
        ),
    ]

var options = BenchmarkOptions()
var arguments = Array(CommandLine.arguments.dropFirst())
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--runs":
        guard let value = arguments.first.flatMap(Int.init), value > 0 else {
            FileHandle.standardError.write(Data("--runs needs a positive number\n".utf8))
            exit(2)
        }
        arguments.removeFirst()
        options.runs = value
    case "--quick":
        options.quick = true
        options.runs = min(options.runs, 3)
    case "--no-peers":
        options.peers = false
    case "--list":
        for benchmark in benchmarks { print("\(benchmark.name)\t\(benchmark.summary)") }
        exit(0)
    case "--help", "-h":
        print("Usage: mcops-bench [--runs N] [--quick] [--no-peers] [--list] [NAME...]")
        exit(0)
    default:
        guard benchmarks.contains(where: { $0.name == argument }) else {
            FileHandle.standardError.write(Data("unknown benchmark \(argument)\n".utf8))
            exit(2)
        }
        options.names.append(argument)
    }
}
guard FileManager.default.fileExists(atPath: options.peerScript("")) else {
    FileHandle.standardError.write(
        Data("run mcops-bench from the package's root (Benchmarks/peers is missing)\n".utf8))
    exit(2)
}

#if DEBUG
    print("note: a debug build; run with -c release for meaningful figures")
#endif
let host = ProcessInfo.processInfo
print(
    "mcops-bench on \(host.hostName), \(host.activeProcessorCount) cores, "
        + "\(host.physicalMemory / 1_073_741_824) GiB, \(Date())")
let clock = ContinuousClock()
let suiteStarted = clock.now
var rows: [Row] = []
var failures: [String] = []
for benchmark in benchmarks where options.names.isEmpty || options.names.contains(benchmark.name) {
    print("running \(benchmark.name): \(benchmark.summary)")
    let started = clock.now
    do {
        rows += try await benchmark.run(options)
    } catch {
        FileHandle.standardError.write(Data("\(benchmark.name): \(error)\n".utf8))
        failures.append("\(benchmark.name): \(error)")
    }
    print("  \(benchmark.name) took \(Table.seconds(clock.now - started))")
}
print()
print(Table.render(rows))
print("ratio: how many times better this package is than the peer (above 1: better).")
let aims = Table.renderAims(rows)
if !aims.isEmpty {
    print()
    print("Aims (issue 6):")
    print(aims)
}
print()
print(
    "total \(Table.seconds(clock.now - suiteStarted)); "
        + "peak memory of this process: \(Table.format1(Measure.peakMemoryMiB())) MiB")
if !failures.isEmpty {
    print()
    print("Could not run:")
    for failure in failures { print("- \(failure)") }
}
exit(failures.isEmpty ? 0 : 1)
