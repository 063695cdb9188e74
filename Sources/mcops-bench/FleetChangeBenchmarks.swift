import MemcachedOps
import MemcachedOpsLocal

/// TLS changes on a real three-pod fleet while a client keeps reading and writing:
/// rotating certificates with a live reload against KubeDB's one-pod-at-a-time restart
/// (figure 1), and adding and removing TLS, which must restart, with and without
/// memcached's restartable mode (figure 2).
enum FleetChangeBenchmarks {
    static let replicas = 3
    static let keys = 300
    static let clientInterval = Duration.milliseconds(5)
    /// The idle window before the warm-up; later windows last as long as the previous run
    /// of the same change took, within ``idleLimits``, so that idle and change percentiles
    /// come from about as many requests (a p99 of 100 requests is their second slowest, of
    /// 300 their fourth, and one stall of the machine slows a request to every pod).
    static let firstIdleWindow = Duration.milliseconds(300)
    static let idleLimits = Duration.milliseconds(200)...Duration.seconds(1)
    static let kubeDB = "KubeDB: restart pods one by one"

    /// Figure 1: rotation under load, live reload (this package) against restart (peer).
    static func rotation(options: BenchmarkOptions) async throws -> [Row] {
        let runs = options.slowRuns
        let (reload, restart) = try await ScratchFleet.with(replicas: replicas) { fleet in
            try await ScratchFleet.apply(
                .addTLS(issuer: "local-ca"), named: "add-tls", strategy: .automatic, on: fleet)
            return try await withTraffic(on: fleet) { traffic in
                var samples: [ReloadStrategy: [ChangeSample]] = [:]
                for strategy in [ReloadStrategy.automatic, .restart] {
                    var idle = firstIdleWindow
                    for run in 0...runs {
                        let sample = try await ChangeSample.measure(
                            .rotateCertificates, named: "rotate-\(strategy)-\(run)",
                            strategy: strategy, fleet: fleet, traffic: traffic, keys: keys,
                            idleWindow: idle)
                        idle = idleWindow(after: sample)
                        // Run 0 warms up: the first rotation loads code and fills caches.
                        if run > 0 { samples[strategy, default: []].append(sample) }
                    }
                }
                return (samples[.automatic] ?? [], samples[.restart] ?? [])
            }
        }
        return rows(
            "rotate certificates", ours: reload, peer: restart, peerName: kubeDB,
            conditions: conditions(runs: runs) + "; ours: live reload (automatic)",
            aims: [
                "wall time", "failed client requests", "client p99 during / idle",
                "cached keys kept",
            ])
    }

    /// Figure 2: adding and removing TLS under load, which restarts each pod; with the
    /// fleet's restartable mode (this package) against a plain restart (peer, also this
    /// package's default).
    static func switching(options: BenchmarkOptions) async throws -> [Row] {
        let runs = options.slowRuns
        var samples: [Bool: (add: [ChangeSample], remove: [ChangeSample])] = [:]
        for restartable in [true, false] {
            samples[restartable] = try await ScratchFleet.with(
                replicas: replicas, restartable: restartable
            ) { fleet in
                try await withTraffic(on: fleet) { traffic in
                    var add: [ChangeSample] = []
                    var remove: [ChangeSample] = []
                    var idle = (add: firstIdleWindow, remove: firstIdleWindow)
                    for run in 0...runs {
                        let added = try await ChangeSample.measure(
                            .addTLS(issuer: "local-ca"), named: "add-\(run)",
                            strategy: .automatic, fleet: fleet, traffic: traffic, keys: keys,
                            idleWindow: idle.add)
                        let removed = try await ChangeSample.measure(
                            .removeTLS, named: "remove-\(run)", strategy: .automatic,
                            fleet: fleet, traffic: traffic, keys: keys, idleWindow: idle.remove)
                        idle = (idleWindow(after: added), idleWindow(after: removed))
                        // Run 0 warms up.
                        if run > 0 {
                            add.append(added)
                            remove.append(removed)
                        }
                    }
                    return (add, remove)
                }
            }
        }
        let peerName = "plain restart (KubeDB; our default)"
        let conditions = conditions(runs: runs) + "; ours: restartable (-e, file on tmpfs)"
        let restartable = samples[true] ?? ([], [])
        let plain = samples[false] ?? ([], [])
        return rows(
            "add TLS", ours: restartable.add, peer: plain.add, peerName: peerName,
            conditions: conditions, aims: ["cached keys kept"])
            + rows(
                "remove TLS", ours: restartable.remove, peer: plain.remove, peerName: peerName,
                conditions: conditions, aims: ["cached keys kept"])
    }

    /// Starts a client on every pod, runs `body`, and stops the client, also on error.
    private static func withTraffic<Value>(
        on fleet: LocalFleet, _ body: (FleetTraffic) async throws -> Value
    ) async throws -> Value {
        let traffic = FleetTraffic(fleet: fleet, interval: clientInterval)
        try traffic.start()
        do {
            let value = try await body(traffic)
            _ = await traffic.stop()
            return value
        } catch {
            _ = await traffic.stop()
            throw error
        }
    }

    /// The idle window before the next run of a change: as long as this run took.
    private static func idleWindow(after sample: ChangeSample) -> Duration {
        let window = Duration.milliseconds(Int64(sample.wallSeconds * 1_000))
        return min(max(window, idleLimits.lowerBound), idleLimits.upperBound)
    }

    private static func conditions(runs: Int) -> String {
        "\(replicas) pods, \(keys) keys, get/set every "
            + "\(Int(Measure.milliseconds(clientInterval))) ms per pod, \(runs) runs + warm-up"
    }

    /// The rows of one change: wall time, failed requests, latencies, keys kept; the
    /// figures named in `aims` are checked against the aims.
    private static func rows(
        _ operation: String, ours: [ChangeSample], peer: [ChangeSample], peerName: String,
        conditions: String, aims: Set<String>
    ) -> [Row] {
        func row(
            _ figure: String, _ unit: String, higherIsBetter: Bool = false,
            aim: ((Spread) -> Aim)? = nil, _ value: (ChangeSample) -> Double
        ) -> Row {
            let spread = Spread(ours, value)
            return Row(
                figure: "\(operation), \(replicas) pods: \(figure)", ours: spread, unit: unit,
                peerName: peerName, peer: .success(Spread(peer, value)),
                conditions: conditions, higherIsBetter: higherIsBetter,
                aim: aims.contains(figure) ? aim?(spread) : nil)
        }
        return [
            row("wall time", "s", aim: { Aim(text: "under 1 s (median)", met: $0.median < 1) }) {
                $0.wallSeconds
            },
            row(
                "failed client requests", "reqs",
                aim: { Aim(text: "0 in every run", met: $0.maximum == 0) }
            ) { Double($0.failures) },
            row("share of client requests failed", "%") {
                $0.requests == 0 ? 0 : Double($0.failures) * 100 / Double($0.requests)
            },
            row("client p50 latency during", "ms") { $0.during.p50 },
            row("client p99 latency during", "ms") { $0.during.p99 },
            row("client max latency during", "ms") { $0.during.maximum },
            row("client p99 latency idle", "ms") { $0.idle.p99 },
            row(
                "client p99 during / idle", "x",
                aim: { Aim(text: "within 2x of idle (median)", met: $0.median <= 2) }
            ) { $0.p99OverIdle },
            row(
                "cached keys kept", "%", higherIsBetter: true,
                aim: { Aim(text: "100% in every run", met: $0.minimum >= 100) }
            ) { $0.keptPercent },
        ]
    }
}
