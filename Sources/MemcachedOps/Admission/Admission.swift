/// Admission rules for KubeDB objects: KubeDB's validating webhook, and more.
///
/// ``validate(_:databases:)`` applies the webhook's rules for a MemcachedOpsRequest with
/// KubeDB's own messages, and adds checks a user would expect that the webhook misses (an
/// unknown certificate alias, a malformed IP address, a `renewBefore` not shorter than the
/// `duration`). Checks that need the database's current state, such as rotating TLS on a
/// database without TLS, belong to the planner.
///
/// Every function returns all violations it finds, errors and warnings, each with its
/// field path; an object is admitted when none is an error.
public enum Admission {
    /// Checks a MemcachedOpsRequest.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - databases: The Memcached objects known to exist, to check that `databaseRef`
    ///     names one in the same namespace; `nil` skips that check.
    /// - Returns: Every violation found, in field order.
    public static func validate(_ request: MemcachedOpsRequest, databases: [Memcached]? = nil)
        -> [Violation]
    {
        var check = OpsRequestRules(request: request)
        check.run(databases: databases)
        return check.violations
    }

    /// Checks a Memcached object.
    ///
    /// - Parameter database: The object.
    /// - Returns: Every violation found, in field order.
    public static func validate(_ database: Memcached) -> [Violation] {
        var check = MemcachedRules(database: database)
        check.run()
        return check.violations
    }

    /// Checks any manifest this package reads.
    ///
    /// - Parameters:
    ///   - manifest: The object.
    ///   - databases: The Memcached objects known to exist, for ops requests.
    /// - Returns: Every violation found.
    public static func validate(_ manifest: Manifest, databases: [Memcached]? = nil)
        -> [Violation]
    {
        switch manifest {
        case .memcached(let database):
            return validate(database)
        case .opsRequest(let request):
            return validate(request, databases: databases)
        case .issuer(let issuer):
            return ResourceRules.validate(issuer)
        case .certificate(let certificate):
            return ResourceRules.validate(certificate)
        case .secret(let secret):
            return ResourceRules.validate(secret)
        }
    }

    /// Whether `violations` holds no error.
    public static func isAdmitted(_ violations: [Violation]) -> Bool {
        !violations.contains(where: \.isError)
    }
}
