import MemcachedOps
import MemcachedOpsLocal

/// What a client saw during one TLS change of a fleet, beside what it saw just before
/// while the fleet was idle.
struct ChangeSample: Sendable {
    /// From recording the request to `Successful`, in seconds.
    var wallSeconds: Double
    /// Client requests (gets and sets) made during the change.
    var requests: Int
    /// Client requests that failed during the change.
    var failures: Int
    /// Latencies of the successful requests during the change, in milliseconds.
    var during: Latencies
    /// Latencies while the fleet was idle just before, in milliseconds.
    var idle: Latencies
    /// The share of the keys cached before the change that were still cached after it,
    /// in percent.
    var keptPercent: Double

    /// The median, 99th percentile and maximum of a set of latencies.
    struct Latencies: Sendable {
        var p50: Double
        var p99: Double
        var maximum: Double

        init(_ report: TrafficReport) {
            let sorted = report.latencies.map { Double($0) / 1e6 }
            p50 = Measure.percentile(sorted, 0.5)
            p99 = Measure.percentile(sorted, 0.99)
            maximum = sorted.last ?? 0
        }
    }

    /// How the p99 latency during the change compares with idle.
    var p99OverIdle: Double { during.p99 / max(idle.p99, 1e-9) }

    /// Measures one change: stores keys, watches the idle client for `idleWindow`, runs
    /// the request while the client goes on, then counts the keys kept.
    ///
    /// - Parameters:
    ///   - change: The TLS change.
    ///   - name: The request's name, new in the fleet.
    ///   - strategy: How pods take the change.
    ///   - fleet: The fleet.
    ///   - traffic: The running client.
    ///   - keys: How many keys to cache before the change.
    ///   - idleWindow: How long to watch the idle client.
    /// - Returns: The sample.
    /// - Throws: When the request does not succeed or a pod cannot be reached.
    static func measure(
        _ change: LocalFleet.TLSChange, named name: String, strategy: ReloadStrategy,
        fleet: LocalFleet, traffic: FleetTraffic, keys: Int, idleWindow: Duration
    ) async throws -> ChangeSample {
        let cached = try await CachedKeys.load(keys, into: fleet, prefix: name)
        traffic.reset()
        try await Task.sleep(for: idleWindow)
        let idle = traffic.reset()

        let elapsed = try await ScratchFleet.apply(
            change, named: name, strategy: strategy, on: fleet)
        let during = traffic.reset()

        let kept = try await cached.countKept(in: fleet)
        return ChangeSample(
            wallSeconds: Measure.milliseconds(elapsed) / 1_000, requests: during.requests,
            failures: during.failures, during: Latencies(during), idle: Latencies(idle),
            keptPercent: keys == 0 ? 100 : Double(kept) * 100 / Double(keys))
    }
}
