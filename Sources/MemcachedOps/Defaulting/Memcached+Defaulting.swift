extension Memcached {
    /// The defaults KubeDB's mutating webhook applies to a Memcached object.
    public enum Defaults {
        /// Replicas when unset.
        public static let replicas: Int32 = 1
        /// Deletion policy when unset.
        public static let deletionPolicy = DeletionPolicy.delete
        /// Seconds between health checks when unset.
        public static let healthCheckPeriodSeconds: Int32 = 10
        /// Seconds before a health check times out when unset.
        public static let healthCheckTimeoutSeconds: Int32 = 10
        /// Failed health checks before not ready, when unset.
        public static let healthCheckFailureThreshold: Int32 = 1
    }

    /// This object with KubeDB's defaults filled in where fields are unset.
    ///
    /// Replicas 1; `deletionPolicy` `Delete` (for `v1alpha2`, `terminationPolicy`); the
    /// health checker 10/10/1; and, when TLS has an issuer, the three certificate aliases
    /// with their secret names (see ``TLSConfig/defaulted(databaseName:)``). Reading a
    /// manifest never applies defaults; call this when you want them.
    public func defaulted() -> Memcached {
        var copy = self
        copy.spec.replicas = spec.replicas ?? Defaults.replicas
        if apiVersion == Memcached.apiVersionV1Alpha2 {
            copy.spec.terminationPolicy = spec.terminationPolicy ?? Defaults.deletionPolicy
        } else {
            copy.spec.deletionPolicy = spec.deletionPolicy ?? Defaults.deletionPolicy
        }
        var health = spec.healthChecker ?? HealthCheckSpec()
        health.periodSeconds = health.periodSeconds ?? Defaults.healthCheckPeriodSeconds
        health.timeoutSeconds = health.timeoutSeconds ?? Defaults.healthCheckTimeoutSeconds
        health.failureThreshold = health.failureThreshold ?? Defaults.healthCheckFailureThreshold
        copy.spec.healthChecker = health
        copy.spec.tls = spec.tls?.defaulted(databaseName: name)
        return copy
    }

    /// The deletion policy in force: `deletionPolicy`, else `terminationPolicy`, else
    /// `Delete`.
    public var effectiveDeletionPolicy: DeletionPolicy {
        spec.deletionPolicy ?? spec.terminationPolicy ?? Defaults.deletionPolicy
    }

    /// The number of pods: `spec.replicas`, or 1 when unset.
    public var effectiveReplicas: Int32 { spec.replicas ?? Defaults.replicas }

    /// The pod names, `<db>-0` to `<db>-N-1`.
    public var podNames: [String] {
        (0..<Int(max(0, effectiveReplicas))).map { "\(name)-\($0)" }
    }
}

extension MemcachedOpsRequest {
    /// The defaults KubeDB applies to an ops request.
    public enum Defaults {
        /// `spec.apply` when unset.
        public static let apply = ApplyPolicy.ifReady
        /// `spec.maxRetries` when unset.
        public static let maxRetries: Int32 = 1
    }

    /// This request with `apply` `IfReady` and `maxRetries` 1 filled in where unset.
    public func defaulted() -> MemcachedOpsRequest {
        var copy = self
        copy.spec.apply = spec.apply ?? Defaults.apply
        copy.spec.maxRetries = spec.maxRetries ?? Defaults.maxRetries
        return copy
    }
}
