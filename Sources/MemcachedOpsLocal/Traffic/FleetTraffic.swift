import MemcachedOpsTLS
import Synchronization

/// A client that keeps reading and writing every pod of a fleet, at a steady pace, while
/// requests run, and counts what fails.
///
/// One task per pod alternates `set` and `get` on a few keys of its own, pausing
/// ``interval`` between requests. It holds its connection as long as it works, as a real
/// client does, so a live reload (which keeps connections) costs it nothing, while a
/// restart breaks the connection: the request fails, and each later one fails until the
/// pod answers again. On reconnecting it follows the pod's current protocol (TLS or not)
/// and trusts every issuer of the fleet.
///
/// ```swift
/// let traffic = FleetTraffic(fleet: fleet)
/// traffic.start()
/// _ = try await reconciler.run(request)
/// let report = await traffic.stop()   // report.failures
/// ```
public final class FleetTraffic: Sendable {
    /// The fleet the client uses.
    public let fleet: LocalFleet
    /// The pause between two requests to the same pod.
    public let interval: Duration
    /// The limit for connecting and for each request.
    public let timeout: Duration

    private struct Counters {
        var requests = 0
        var failures = 0
        var latencies: [Int64] = []
    }

    private let counters = Mutex(Counters())
    private let workers = Mutex<[Task<Void, Never>]>([])

    /// Creates a client; nothing runs until ``start()``.
    ///
    /// - Parameters:
    ///   - fleet: The fleet.
    ///   - interval: The pause between two requests to the same pod.
    ///   - timeout: The limit for connecting and for each request.
    public init(
        fleet: LocalFleet, interval: Duration = .milliseconds(5), timeout: Duration = .seconds(1)
    ) {
        self.fleet = fleet
        self.interval = interval
        self.timeout = timeout
    }

    /// Starts one task per pod; does nothing when already started.
    ///
    /// - Throws: ``LocalFleetError`` when the fleet's pods cannot be read.
    public func start() throws(LocalFleetError) {
        let pods = try fleet.pods().map(\.name)
        workers.withLock { workers in
            guard workers.isEmpty else { return }
            for pod in pods {
                workers.append(Task { await self.run(pod) })
            }
        }
    }

    /// What the client saw since it started or was last reset.
    public func report() -> TrafficReport {
        counters.withLock {
            TrafficReport(
                requests: $0.requests, failures: $0.failures, latencies: $0.latencies)
        }
    }

    /// Returns what the client saw and starts counting afresh.
    @discardableResult
    public func reset() -> TrafficReport {
        counters.withLock { counters in
            let report = TrafficReport(
                requests: counters.requests, failures: counters.failures,
                latencies: counters.latencies)
            counters = Counters()
            return report
        }
    }

    /// Stops every task, waits for them, and returns what the client saw.
    public func stop() async -> TrafficReport {
        let running = workers.withLock { workers in
            defer { workers.removeAll() }
            return workers
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
        return report()
    }

    private func run(_ pod: String) async {
        var client: MemcachedClient?
        var counter = 0
        let clock = ContinuousClock()
        let value = Array("traffic value for \(pod)".utf8)
        while !Task.isCancelled {
            let key = "traffic-\(pod)-\(counter % 16)"
            let started = clock.now
            do {
                let connected: MemcachedClient
                if let client {
                    connected = client
                } else {
                    connected = try await fleet.connect(to: pod, timeout: timeout)
                    client = connected
                }
                if counter % 2 == 0 {
                    try await connected.set(key, value: value)
                } else {
                    _ = try await connected.get(key)
                }
                let elapsed = clock.now - started
                record(success: elapsed)
            } catch {
                if Task.isCancelled { break }
                record(success: nil)
                await client?.close()
                client = nil
            }
            counter += 1
            try? await Task.sleep(for: interval)
        }
        await client?.close()
    }

    private func record(success latency: Duration?) {
        counters.withLock { counters in
            counters.requests += 1
            if let latency {
                let (seconds, attoseconds) = latency.components
                counters.latencies.append(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
            } else {
                counters.failures += 1
            }
        }
    }
}
