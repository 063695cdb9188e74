import Foundation

/// What the user asked the benchmark tool for.
struct BenchmarkOptions {
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
}

/// A benchmark that could not measure what it should.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
