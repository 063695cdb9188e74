import MemcachedOpsLocal
import MemcachedOpsTLS

/// Connection latency to a local memcached: connect, TLS handshake verified against the
/// fleet's CA, `version`, close; beside Python's `ssl` doing the same, and the same
/// without TLS for reference.
enum HandshakeBenchmarks {
    static func run(options: BenchmarkOptions) async throws -> [Row] {
        let iterations = options.quick ? 100 : 300
        let runs = options.runs
        return try await ScratchFleet.with(replicas: 1) { fleet in
            guard let pod = try fleet.pods().first else {
                throw BenchmarkFailure(message: "the fleet has no pod")
            }
            let plain = try await measure(
                port: pod.port, tls: nil, iterations: iterations, runs: runs)
            let plainPeer = peer(
                options, port: pod.port, caFile: nil, iterations: iterations, runs: runs)

            try await ScratchFleet.apply(
                .addTLS(issuer: "local-ca"), named: "add-tls", strategy: .automatic, on: fleet)
            let trusted = fleet.trustedCertificates()
            let tls = TLSClientConfiguration(trustRoots: .certificates(trusted))
            let session = try await MemcachedClient.connect(
                host: "127.0.0.1", port: pod.port, tls: tls, timeout: .seconds(2))
            let negotiated = session.tlsSession.map {
                "\($0.protocolVersion) \($0.cipherSuite)"
            }
            await session.close()
            let secured = try await measure(
                port: pod.port, tls: tls, iterations: iterations, runs: runs)
            let securedPeer = peer(
                options, port: pod.port, caFile: fleet.caFile(ofIssuer: "local-ca"),
                iterations: iterations, runs: runs)

            let tlsConditions =
                "1 pod, \(negotiated ?? "TLS"), ECDSA P-256 server key, verified against the "
                + "CA and 127.0.0.1, \(iterations) connections x \(runs) runs after a warm-up; "
                + "both reuse one TLS context across connections"
            let plainConditions =
                "1 pod, plain TCP, \(iterations) connections x \(runs) runs after a warm-up"
            let python = "Python ssl"
            let socket = "Python socket"
            return [
                row(
                    "TLS connect + handshake + version, p50", secured.p50, python,
                    securedPeer["p50"], tlsConditions),
                row(
                    "TLS connect + handshake + version, p99", secured.p99, python,
                    securedPeer["p99"], tlsConditions),
                row(
                    "plain connect + version, p50", plain.p50, socket, plainPeer["p50"],
                    plainConditions),
                row(
                    "plain connect + version, p99", plain.p99, socket, plainPeer["p99"],
                    plainConditions),
            ]
        }
    }

    private static let plainName = "Python socket"

    private static func row(
        _ figure: String, _ ours: Spread, _ peerName: String,
        _ peer: Result<Spread, PeerMissing>?, _ conditions: String
    ) -> Row {
        Row(
            figure: figure, ours: ours, unit: "ms", peerName: peerName, peer: peer,
            conditions: conditions, higherIsBetter: false)
    }

    /// Connects `iterations` times per run, after a warm-up of a tenth as many, and
    /// returns the spread over runs of each run's median and 99th percentile.
    private static func measure(
        port: Int, tls: TLSClientConfiguration?, iterations: Int, runs: Int
    ) async throws -> (p50: Spread, p99: Spread) {
        let clock = ContinuousClock()
        for _ in 0..<max(1, iterations / 10) {
            try await connectAndAsk(port: port, tls: tls)
        }
        var medians: [Double] = []
        var tails: [Double] = []
        for _ in 0..<runs {
            var latencies: [Double] = []
            latencies.reserveCapacity(iterations)
            for _ in 0..<iterations {
                let started = clock.now
                try await connectAndAsk(port: port, tls: tls)
                latencies.append(Measure.milliseconds(clock.now - started))
            }
            latencies.sort()
            medians.append(Measure.percentile(latencies, 0.5))
            tails.append(Measure.percentile(latencies, 0.99))
        }
        return (Spread(medians), Spread(tails))
    }

    private static func connectAndAsk(port: Int, tls: TLSClientConfiguration?) async throws {
        let client = try await MemcachedClient.connect(
            host: "127.0.0.1", port: port, tls: tls, timeout: .seconds(2))
        do {
            _ = try await client.version()
        } catch {
            await client.close()
            throw error
        }
        await client.close()
    }

    private static func peer(
        _ options: BenchmarkOptions, port: Int, caFile: String?, iterations: Int, runs: Int
    ) -> [String: Result<Spread, PeerMissing>] {
        guard options.peers else { return [:] }
        var arguments = [
            "python3", options.peerScript("tls_handshake.py"), "--port", String(port),
            "--iterations", String(iterations), "--runs", String(runs),
        ]
        if let caFile { arguments += ["--cafile", caFile] }
        return Peer.run(arguments, figures: ["p50", "p99"])
    }
}
