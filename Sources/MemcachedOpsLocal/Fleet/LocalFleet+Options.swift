extension LocalFleet {
    /// How a new fleet runs its pods.
    public struct Options: Sendable, Hashable {
        /// The memcached program; ``LocalFleet/defaultMemcachedPath`` unless given.
        public var memcachedPath: String
        /// Whether pods run in memcached's restartable mode: `-e` with a memory file in
        /// the pod's directory, stopped with SIGUSR1 so that the next start finds the
        /// cache again. Restarts (adding or removing TLS, the `restart` strategy) then
        /// keep cached keys. memcached calls the mode experimental.
        public var restartable: Bool
        /// memcached's memory limit in megabytes (`-m`); at least 64, which restartable
        /// mode needs.
        public var memoryLimitMegabytes: Int
        /// memcached's worker threads (`-t`).
        public var threads: Int
        /// The name of the CA issuer created with the fleet (kind `Issuer`).
        public var issuerName: String

        /// Creates options.
        ///
        /// - Parameters:
        ///   - memcachedPath: The memcached program.
        ///   - restartable: Whether pods keep their cache across restarts (`-e`).
        ///   - memoryLimitMegabytes: memcached's memory limit.
        ///   - threads: memcached's worker threads.
        ///   - issuerName: The CA issuer created with the fleet.
        public init(
            memcachedPath: String = LocalFleet.defaultMemcachedPath,
            restartable: Bool = false,
            memoryLimitMegabytes: Int = 64,
            threads: Int = 2,
            issuerName: String = "local-ca"
        ) {
            self.memcachedPath = memcachedPath
            self.restartable = restartable
            self.memoryLimitMegabytes = memoryLimitMegabytes
            self.threads = threads
            self.issuerName = issuerName
        }
    }
}
