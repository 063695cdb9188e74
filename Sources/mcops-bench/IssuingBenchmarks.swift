import MemcachedOpsTLS

/// Issuing: server certificates per second from a P-256 CA, with a new ECDSA P-256 or
/// RSA-2048 key each, beside Python's `cryptography` doing the same.
enum IssuingBenchmarks {
    static func run(options: BenchmarkOptions) throws -> [Row] {
        let authority = try CertificateAuthority.create(
            CertificateRequest(commonName: "mcops-bench CA", isCA: true))
        let cases: [(KeyAlgorithm, String, Int)] = [
            (.ecdsaP256, "ecdsa-p256", options.quick ? 100 : 1_000),
            (.rsa2048, "rsa-2048", options.quick ? 3 : 20),
        ]
        var rows: [Row] = []
        for (algorithm, name, iterations) in cases {
            let request = CertificateRequest(
                commonName: "memcached", dnsNames: ["memcd.demo.svc"], ipAddresses: ["127.0.0.1"],
                keyAlgorithm: algorithm)
            let ours = try Measure.throughput(iterations: iterations, runs: options.runs) {
                blackHole(try authority.issue(request))
            }
            let peer =
                !options.peers
                ? nil
                : Peer.run([
                    "python3", options.peerScript("issue_certificates.py"), "--algorithm", name,
                    "--iterations", String(iterations), "--runs", String(options.runs),
                ])
            rows.append(
                Row(
                    figure: "issue a \(name) server certificate", ours: ours, unit: "certs/s",
                    peerName: "Python cryptography", peer: peer,
                    conditions: "new key each, signed by a P-256 CA, \(iterations) x "
                        + "\(options.runs) runs"))
        }
        return rows
    }
}
