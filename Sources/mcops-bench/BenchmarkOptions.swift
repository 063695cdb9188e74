import Foundation

/// What the user asked the benchmark tool for.
struct BenchmarkOptions: Sendable {
    var names: [String] = []
    var runs = 5
    var quick = false
    var peers = true
    var root = FileManager.default.currentDirectoryPath

    func fixture(_ name: String) -> String {
        root + "/Tests/MemcachedOpsTests/Fixtures/" + name
    }

    func peerScript(_ name: String) -> String {
        root + "/Benchmarks/peers/" + name
    }

    /// The number of measured runs of a slow benchmark (one that restarts processes):
    /// ``runs``, at most 2 with `--quick`.
    var slowRuns: Int { quick ? min(runs, 2) : runs }
}

/// A benchmark that could not measure what it should.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
