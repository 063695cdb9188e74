/// A policy: TLS may not be removed from databases in the given namespaces.
public struct TLSRemovalForbidden: PlanPolicy {
    /// The namespaces where TLS stays on.
    public var namespaces: Set<String>

    /// The policy's name, `tls-removal-forbidden`.
    public var name: String { "tls-removal-forbidden" }

    /// Creates the policy.
    ///
    /// - Parameter namespaces: The namespaces where TLS stays on.
    public init(namespaces: Set<String>) {
        self.namespaces = namespaces
    }

    /// A violation when the plan removes TLS from a database in one of ``namespaces``.
    public func violations(in context: PolicyContext) -> [PolicyViolation] {
        guard context.plan.operation == .removeTLS, namespaces.contains(context.plan.namespace)
        else { return [] }
        return [
            violation(
                "TLS may not be removed from databases in namespace \(context.plan.namespace)")
        ]
    }
}
