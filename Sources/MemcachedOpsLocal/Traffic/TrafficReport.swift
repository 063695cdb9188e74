/// What a ``FleetTraffic`` client saw: how many requests it made, how many failed, and how
/// long the successful ones took.
public struct TrafficReport: Sendable, Hashable {
    /// Requests made (gets and sets, including failed ones).
    public var requests: Int
    /// Requests that failed: refused or broken connections, failed handshakes, errors.
    public var failures: Int
    /// The latencies of successful requests, in nanoseconds, sorted.
    public var latencies: [Int64]

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - requests: Requests made.
    ///   - failures: Requests that failed.
    ///   - latencies: Latencies of successful requests in nanoseconds.
    public init(requests: Int = 0, failures: Int = 0, latencies: [Int64] = []) {
        self.requests = requests
        self.failures = failures
        self.latencies = latencies.sorted()
    }

    /// The latency below which a fraction of the successful requests finished.
    ///
    /// - Parameter fraction: From 0 to 1, such as 0.99.
    /// - Returns: The latency, or `nil` without successful requests.
    public func percentile(_ fraction: Double) -> Duration? {
        guard !latencies.isEmpty else { return nil }
        let clamped = min(max(fraction, 0), 1)
        let position = (Double(latencies.count - 1) * clamped).rounded()
        let index = min(latencies.count - 1, Int(position))
        return .nanoseconds(latencies[index])
    }

    /// The slowest successful request.
    public var maximum: Duration? { latencies.last.map { .nanoseconds($0) } }
}
