/// A policy: certificates may only come from the given issuers.
///
/// Each entry is an issuer's name, which matches an `Issuer` or a `ClusterIssuer` of that
/// name, or `Kind/name`, such as `ClusterIssuer/corporate-ca`, which matches only that kind.
public struct AllowedIssuers: PlanPolicy {
    /// The allowed issuers: names, or `Kind/name`.
    public var issuers: [String]

    /// The policy's name, `allowed-issuers`.
    public var name: String { "allowed-issuers" }

    /// Creates the policy.
    ///
    /// - Parameter issuers: The allowed issuers: names, or `Kind/name`.
    public init(_ issuers: [String]) {
        self.issuers = issuers
    }

    /// A violation for each issuer the desired configuration names that is not allowed.
    public func violations(in context: PolicyContext) -> [PolicyViolation] {
        guard let tls = context.plan.desiredTLS else { return [] }
        var references: [TypedLocalObjectReference] = []
        if let issuer = tls.issuerRef { references.append(issuer) }
        for certificate in tls.certificates ?? [] {
            if let issuer = certificate.issuerRef { references.append(issuer) }
        }
        var found: [PolicyViolation] = []
        for reference in references where !isAllowed(reference) {
            let text = "\(reference.kind)/\(reference.name)"
            if found.contains(where: { $0.message.hasPrefix(text + " ") }) { continue }
            found.append(violation("\(text) is not an allowed issuer"))
        }
        return found
    }

    private func isAllowed(_ reference: TypedLocalObjectReference) -> Bool {
        issuers.contains { entry in
            entry == reference.name || entry == "\(reference.kind)/\(reference.name)"
        }
    }
}
