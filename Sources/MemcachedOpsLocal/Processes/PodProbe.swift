import MemcachedOpsTLS

/// What a pod answered when asked: whether it is ready and which certificate it presents.
struct PodProbe: Sendable, Hashable {
    /// Whether a `version` round trip over the pod's protocol worked.
    var ready: Bool
    /// The SHA-256 fingerprint of the certificate it presented, for a TLS pod that
    /// answered.
    var fingerprint: String?
    /// The version it reported, when ready.
    var version: String?
    /// Why it is not ready, when it is not.
    var problem: String?

    /// Asks the pod at `port` for its version, over TLS when `tls` is set.
    ///
    /// The handshake does not verify the server: readiness is about answering, and the
    /// fingerprint tells what it serves. ``verify`` is the check that verifies.
    ///
    /// - Parameters:
    ///   - port: The pod's port on 127.0.0.1.
    ///   - tls: Whether the pod serves TLS.
    ///   - timeout: The limit for connecting and for the round trip.
    /// - Returns: What the pod answered.
    static func probe(port: Int, tls: Bool, timeout: Duration) async -> PodProbe {
        let configuration = tls ? TLSClientConfiguration(verifiesServer: false) : nil
        let client: MemcachedClient
        do {
            client = try await MemcachedClient.connect(
                host: "127.0.0.1", port: port, tls: configuration, timeout: timeout)
        } catch {
            return PodProbe(ready: false, problem: String(describing: error))
        }
        let result: PodProbe
        do {
            let version = try await client.version()
            result = PodProbe(
                ready: true, fingerprint: client.serverCertificate?.sha256FingerprintHex,
                version: version)
        } catch {
            result = PodProbe(ready: false, problem: String(describing: error))
        }
        await client.close()
        return result
    }
}
