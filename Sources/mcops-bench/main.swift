// mcops-bench: runs the package's benchmarks, each beside its peer, and prints a table.
//
//     swift run -c release mcops-bench [--runs N] [--quick] [NAME...]
//
// NAME is one of the benchmarks listed by --list; without names, all run.

import Foundation

useLineBufferedOutput()

let benchmarks: [(name: String, summary: String, run: (BenchmarkOptions) throws -> [Row])] = [
    (
        "manifests", "read, decode and validate manifests (YAML, JSON) vs PyYAML and json",
        ManifestBenchmarks.run
    ),
    (
        "planner", "plans per second; growth with replicas and with databases",
        PlannerBenchmarks.run
    ),
    ("issuing", "certificates issued per second vs Python cryptography", IssuingBenchmarks.run),
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

#if DEBUG
    print("note: a debug build; run with -c release for meaningful figures")
#endif
let host = ProcessInfo.processInfo
print(
    "mcops-bench on \(host.hostName), \(host.activeProcessorCount) cores, "
        + "\(host.physicalMemory / 1_073_741_824) GiB, \(Date())")
var rows: [Row] = []
var failed = false
for benchmark in benchmarks where options.names.isEmpty || options.names.contains(benchmark.name) {
    do {
        rows += try benchmark.run(options)
    } catch {
        FileHandle.standardError.write(Data("\(benchmark.name): \(error)\n".utf8))
        failed = true
    }
}
print(Table.render(rows))
print("peak memory of this process: \(Table.format1(Measure.peakMemoryMiB())) MiB")
exit(failed ? 1 : 0)
