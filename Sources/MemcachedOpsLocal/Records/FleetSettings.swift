/// A fleet's settings, as `fleet.json` records them: which database it runs, and how
/// its memcached processes are started.
struct FleetSettings: Sendable, Hashable, Codable {
    /// The Memcached object's name.
    var database: String
    /// Its namespace.
    var namespace: String
    /// The memcached program.
    var memcachedPath: String
    /// Whether pods run in memcached's restartable mode (`-e` with a memory file), so
    /// that a restart keeps the cache.
    var restartable: Bool
    /// memcached's memory limit in megabytes (`-m`).
    var memoryLimitMegabytes: Int
    /// memcached's worker threads (`-t`).
    var threads: Int
}
