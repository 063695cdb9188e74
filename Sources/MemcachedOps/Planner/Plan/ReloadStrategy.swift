/// How pods are brought onto a new TLS configuration.
///
/// - ``restart``: evict each pod and wait until it is ready again, one pod at a time, exactly
///   as KubeDB does. Each restarted pod loses its cache.
/// - ``reload``: send memcached's `refresh_certs` to each pod and verify what it serves: no
///   restart, no lost connections, no lost cache. Only possible while TLS stays on, so a plan
///   that adds or removes TLS with this strategy is refused.
/// - ``automatic``: reload wherever TLS stays on and the pod is ready and serving TLS, and
///   restart where TLS is switched on or off. The default.
public enum ReloadStrategy: String, Sendable, Hashable, Codable, CaseIterable,
    CustomStringConvertible
{
    /// Evict and wait, one pod at a time.
    case restart
    /// Live reload with `refresh_certs`.
    case reload
    /// Reload where possible, restart where TLS is switched on or off.
    case automatic

    /// The strategy's name as the command line spells it.
    public var description: String { rawValue }
}
