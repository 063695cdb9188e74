import MemcachedOps

extension LocalFleet {
    /// A change to the fleet's TLS, as a `ReconfigureTLS` request asks for it.
    public enum TLSChange: Sendable, Hashable {
        /// Add TLS with certificates from a CA issuer of kind `Issuer`.
        case addTLS(issuer: String)
        /// Issue every certificate again from the same issuer.
        case rotateCertificates
        /// Issue every certificate from another issuer of kind `Issuer`.
        case changeIssuer(to: String)
        /// Remove TLS.
        case removeTLS
    }

    /// A `ReconfigureTLS` request for this fleet's database, not yet recorded.
    ///
    /// ```swift
    /// let request = try fleet.record(fleet.makeRequest(named: "rotate", .rotateCertificates))
    /// ```
    ///
    /// - Parameters:
    ///   - name: The request's name.
    ///   - change: What it asks for.
    ///   - timeout: Its `spec.timeout`, if any.
    ///   - maxRetries: Its `spec.maxRetries`, if any.
    /// - Returns: The request, in the fleet's namespace.
    public func makeRequest(
        named name: String, _ change: TLSChange, timeout: GoDuration? = nil,
        maxRetries: Int32? = nil
    ) -> MemcachedOpsRequest {
        func issuer(_ name: String) -> TypedLocalObjectReference {
            TypedLocalObjectReference(apiGroup: "cert-manager.io", kind: "Issuer", name: name)
        }
        let tls: ReconfigureTLSSpec
        switch change {
        case .addTLS(let name), .changeIssuer(let name):
            tls = ReconfigureTLSSpec(issuerRef: issuer(name))
        case .rotateCertificates:
            tls = ReconfigureTLSSpec(rotateCertificates: true)
        case .removeTLS:
            tls = ReconfigureTLSSpec(remove: true)
        }
        return MemcachedOpsRequest(
            metadata: ObjectMeta(name: name, namespace: namespace),
            spec: MemcachedOpsRequestSpec(
                databaseRef: LocalObjectReference(name: databaseName), type: .reconfigureTLS,
                tls: tls, timeout: timeout, maxRetries: maxRetries))
    }
}
