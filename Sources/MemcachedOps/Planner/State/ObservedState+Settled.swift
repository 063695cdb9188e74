extension ObservedState {
    /// The state of a database at rest, as its manifest describes it.
    ///
    /// Every pod `<db>-0` ... `<db>-N-1` is ready and serves what `spec.tls` says; every
    /// certificate of the defaulted `spec.tls` (with the server names the planner adds,
    /// see ``TLSPlanner/desiredTLS(for:database:request:)``) exists and is issued from it,
    /// with a placeholder fingerprint; nothing else is in flight. A database without a
    /// status is taken as `Ready`. This is what `mcops plan` assumes without `--state`,
    /// and a handy start for policy tests.
    ///
    /// - Parameters:
    ///   - database: The database, with or without its status.
    ///   - issuers: The issuers; `nil` assumes every issuer the database names exists and
    ///     is `Ready`.
    ///   - assumingReadyIssuers: More issuers to assume exist and are `Ready` when
    ///     `issuers` is `nil`, such as the one a request names.
    /// - Returns: The state.
    public static func settled(
        database: Memcached,
        issuers: [ObservedIssuer]? = nil,
        assumingReadyIssuers: [TypedLocalObjectReference] = []
    ) -> ObservedState {
        var database = database
        if database.status == nil {
            database.status = MemcachedStatus(phase: .ready)
        }
        let tls = database.spec.tls?.defaulted(databaseName: database.name)
            .coveringServerNames(database: database.name, namespace: database.namespace)

        var certificates: [ObservedCertificate] = []
        for certificate in tls?.certificates ?? [] {
            let name = certificate.secretName ?? ""
            certificates.append(
                ObservedCertificate(
                    alias: certificate.alias, name: name,
                    issuerRef: certificate.issuerRef ?? tls?.issuerRef, spec: certificate,
                    ready: true, fingerprint: placeholderFingerprint(name)))
        }

        let served = tls.flatMap { $0.certificate(alias: "server")?.secretName }
        let mounted = (tls?.certificates ?? []).filter { $0.alias != "client" }
            .compactMap(\.secretName)
        let pods = database.podNames.map { name in
            ObservedPod(
                name: name, ready: true, servesTLS: tls != nil,
                fingerprint: served.map(placeholderFingerprint), mountedCertificates: mounted)
        }

        var observedIssuers: [ObservedIssuer]
        if let issuers {
            observedIssuers = issuers
        } else {
            observedIssuers = []
            var references = assumingReadyIssuers
            if let issuer = tls?.issuerRef { references.insert(issuer, at: 0) }
            for certificate in tls?.certificates ?? [] {
                if let issuer = certificate.issuerRef { references.append(issuer) }
            }
            for reference in references
            where !observedIssuers.contains(where: { $0.matches(reference) }) {
                observedIssuers.append(
                    ObservedIssuer(kind: reference.kind, name: reference.name, ready: true))
            }
        }
        return ObservedState(
            database: database, certificates: certificates, issuers: observedIssuers,
            pods: pods)
    }

    /// A stand-in fingerprint for a certificate nobody has looked at.
    private static func placeholderFingerprint(_ name: String) -> String {
        "unobserved:\(name)"
    }
}
