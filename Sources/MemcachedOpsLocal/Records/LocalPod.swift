/// One pod of a local fleet, as its `pods/POD/pod.json` records it: a memcached process on
/// 127.0.0.1 and the configuration it was started with.
///
/// The record says what the pod is configured to run; whether it runs and answers is
/// found by asking it (see ``LocalFleetStatus``).
public struct LocalPod: Sendable, Hashable, Codable {
    /// The pod's name, `<db>-<ordinal>`.
    public var name: String
    /// The TCP port on 127.0.0.1; it stays the same across restarts, as a pod's DNS name
    /// does.
    public var port: Int
    /// The pid of its memcached, while it was last known to run; `nil` once stopped.
    public var pid: Int32?
    /// Whether memcached is configured with TLS (`-Z` and the server certificate).
    public var tls: Bool
    /// The Certificates (secret names) mounted into the pod: the server certificate
    /// memcached loads and the metrics exporter's. Empty without TLS.
    public var mountedCertificates: [String]
    /// How many times the pod was restarted with a new configuration (or brought back).
    public var restartCount: Int
    /// How many times memcached reloaded its certificate with `refresh_certs`.
    public var reloadCount: Int
    /// When memcached was last started, RFC 3339.
    public var startedAt: String?

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - name: The pod's name.
    ///   - port: Its port on 127.0.0.1.
    ///   - pid: Its memcached's pid, if running.
    ///   - tls: Whether it is configured with TLS.
    ///   - mountedCertificates: The Certificates mounted into it.
    ///   - restartCount: How many times it was restarted.
    ///   - reloadCount: How many times it reloaded its certificate.
    ///   - startedAt: When it was last started.
    public init(
        name: String, port: Int, pid: Int32? = nil, tls: Bool = false,
        mountedCertificates: [String] = [], restartCount: Int = 0, reloadCount: Int = 0,
        startedAt: String? = nil
    ) {
        self.name = name
        self.port = port
        self.pid = pid
        self.tls = tls
        self.mountedCertificates = mountedCertificates
        self.restartCount = restartCount
        self.reloadCount = reloadCount
        self.startedAt = startedAt
    }
}
