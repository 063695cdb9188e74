import Foundation

/// The spread of one figure over several runs: median, minimum and maximum.
struct Spread: Sendable {
    var median: Double
    var minimum: Double
    var maximum: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        minimum = sorted.first ?? 0
        maximum = sorted.last ?? 0
    }

    init(median: Double, minimum: Double, maximum: Double) {
        self.median = median
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The spread of one figure taken from each of several samples.
    init<Sample>(_ samples: [Sample], _ figure: (Sample) -> Double) {
        self.init(samples.map(figure))
    }
}

/// Times closures: a warm-up, then several runs, each a fixed number of iterations.
enum Measure {
    /// Runs `body` `iterations` times per run, `runs` times after one warm-up run, and
    /// returns iterations per second for each run.
    static func throughput(
        iterations: Int, runs: Int, _ body: () throws -> Void
    ) rethrows -> Spread {
        for _ in 0..<max(1, iterations / 10) { try body() }
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<iterations { try body() }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            samples.append(Double(iterations) / max(elapsed, 1e-9))
        }
        return Spread(samples)
    }

    /// The value below which `fraction` of `sorted` lies (nearest rank); 0 when empty.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = (Double(sorted.count - 1) * min(max(fraction, 0), 1)).rounded()
        return sorted[min(sorted.count - 1, Int(position))]
    }

    /// A duration in milliseconds.
    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }

    /// The process's peak resident memory so far, in mebibytes.
    static func peakMemoryMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
            return (digits ?? 0) / 1024
        }
        return 0
    }
}
