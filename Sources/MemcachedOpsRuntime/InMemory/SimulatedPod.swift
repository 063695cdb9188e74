import MemcachedOps

/// One pod of an ``InMemoryCluster``: whether it is ready, what it serves, and what it went
/// through (restarts, reloads, cache lost).
///
/// Read pods with ``InMemoryCluster/pods`` or ``InMemoryCluster/pod(named:)``. A restart
/// empties the pod's cache, a live reload keeps it: ``keysLost`` is what a policy test
/// checks for "no cache lost under reload".
public struct SimulatedPod: Sendable, Hashable {
    /// The pod's name, `<db>-<ordinal>`.
    public internal(set) var name: String
    /// Whether the pod is running and ready.
    public internal(set) var ready: Bool
    /// The configuration it runs: TLS or not, and which certificates it loaded.
    var configuration: PodConfiguration
    /// When a restarted pod becomes ready; `nil` when it is ready, or down for good.
    public internal(set) var readyAt: Timestamp?
    /// Whether the pod was evicted and is starting with its new configuration (it may never
    /// finish, under ``InjectedFault/podNeverReady(_:)``).
    var starting = false
    /// How often it was restarted (evicted) by steps.
    public internal(set) var restartCount = 0
    /// How often it reloaded its certificate with `refresh_certs`.
    public internal(set) var reloadCount = 0
    /// The keys in its cache now.
    public internal(set) var cachedKeys: Int
    /// The keys its restarts threw away, in all.
    public internal(set) var keysLost = 0

    init(name: String, ready: Bool, configuration: PodConfiguration, cachedKeys: Int) {
        self.name = name
        self.ready = ready
        self.configuration = configuration
        self.cachedKeys = cachedKeys
    }

    /// Whether the pod runs memcached with TLS on.
    public var servesTLS: Bool { configuration.servesTLS }

    /// The SHA-256 fingerprint of the server certificate it presents; `nil` without TLS.
    public var fingerprint: String? { configuration.fingerprint }

    /// The Certificates (secret names) its memcached and exporter load.
    public var mountedCertificates: [String] { configuration.mounted }

    /// Whether it never lost a cached key.
    public var keptCache: Bool { keysLost == 0 }

    /// The pod as a transport reports it to the planner.
    public var observed: ObservedPod {
        ObservedPod(
            name: name, ready: ready, servesTLS: servesTLS, fingerprint: fingerprint,
            mountedCertificates: configuration.mounted)
    }
}
