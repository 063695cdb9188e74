import MemcachedOps
import MemcachedOpsTLS

extension LocalFleet {
    /// Connects to a pod as a client of the fleet would: over TLS when the pod is
    /// configured with it, verifying the pod's certificate against every issuer of the
    /// fleet and the address 127.0.0.1; in plain text otherwise.
    ///
    /// - Parameters:
    ///   - pod: The pod's name.
    ///   - timeout: The limit for connecting and for each later command.
    /// - Returns: The connected client; close it when done.
    /// - Throws: ``LocalFleetError`` when the pod is unknown, and `MemcachedClientError`
    ///   when it cannot be reached or does not verify.
    public func connect(to pod: String, timeout: Duration = .seconds(2)) async throws
        -> MemcachedClient
    {
        guard let record = try self.pod(named: pod) else {
            throw LocalFleetError(.invalidArgument, detail: "there is no pod \(pod)")
        }
        let tls =
            record.tls
            ? TLSClientConfiguration(trustRoots: .certificates(trustedCertificates())) : nil
        return try await MemcachedClient.connect(
            host: "127.0.0.1", port: record.port, tls: tls, timeout: timeout)
    }
}
