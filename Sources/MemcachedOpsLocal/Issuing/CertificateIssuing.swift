import MemcachedOps
import MemcachedOpsTLS

/// The cert-manager Certificate model, named apart from the X.509 certificate of
/// `MemcachedOpsTLS`.
typealias CertManagerCertificate = MemcachedOps.Certificate

/// The X.509 certificate of `MemcachedOpsTLS`, named apart from cert-manager's model.
typealias X509Certificate = MemcachedOpsTLS.Certificate

/// How KubeDB's certificate settings become a cert-manager Certificate and an X.509
/// certificate request, as cert-manager's CA issuer would issue them.
enum CertificateIssuing {
    /// The annotation that records which request last marked a Certificate for re-issue,
    /// so that marking it again for the same request does nothing.
    static let reissuedByAnnotation = "ops.mcops.dev/reissued-by"

    /// The label that names the database a Certificate belongs to, as KubeDB sets it.
    static let instanceLabel = "app.kubernetes.io/instance"

    /// The X.509 request for a certificate's settings.
    ///
    /// The key is ECDSA P-256 (fast to generate; cert-manager's default is RSA 2048),
    /// written in the encoding the settings ask for (PKCS#1 unless PKCS#8).
    ///
    /// - Parameters:
    ///   - spec: The desired certificate, after the planner's defaulting.
    ///   - database: The database's name, the server certificate's common name.
    /// - Returns: The request.
    static func request(for spec: CertificateSpec, database: String) -> CertificateRequest {
        let subject = spec.subject
        let duration =
            spec.duration.map { Duration.nanoseconds($0.nanoseconds) }
            ?? CertificateRequest.defaultDuration
        let encoding: MemcachedOpsTLS.PrivateKeyEncoding =
            spec.privateKey?.encoding == .pkcs8 ? .pkcs8 : .pkcs1
        return CertificateRequest(
            commonName: spec.alias == "server" ? database : "\(database)-\(spec.alias)",
            organizations: subject?.organizations ?? [],
            organizationalUnits: subject?.organizationalUnits ?? [],
            countries: subject?.countries ?? [],
            localities: subject?.localities ?? [],
            provinces: subject?.provinces ?? [],
            streetAddresses: subject?.streetAddresses ?? [],
            postalCodes: subject?.postalCodes ?? [],
            serialNumber: subject?.serialNumber,
            dnsNames: spec.dnsNames ?? [],
            ipAddresses: spec.ipAddresses ?? [],
            uris: spec.uris ?? [],
            emailAddresses: spec.emailAddresses ?? [],
            duration: duration > .zero ? duration : CertificateRequest.defaultDuration,
            keyAlgorithm: .ecdsaP256,
            privateKeyEncoding: encoding)
    }

    /// The cert-manager Certificate KubeDB would create for a certificate's settings,
    /// keeping the status, labels and annotations of the one it replaces.
    ///
    /// - Parameters:
    ///   - spec: The desired certificate, with its `issuerRef` filled in.
    ///   - name: The Certificate's (and secret's) name.
    ///   - database: The database.
    ///   - existing: The Certificate as stored now, if any.
    /// - Returns: The Certificate, its status unchanged.
    static func resource(
        for spec: CertificateSpec, name: String, database: Memcached,
        existing: CertManagerCertificate?
    ) -> CertManagerCertificate {
        var metadata =
            existing?.metadata
            ?? ObjectMeta(
                name: name, namespace: database.namespace,
                creationTimestamp: FleetClock.now(),
                labels: StringMap([
                    (instanceLabel, database.name),
                    ("app.kubernetes.io/name", "memcacheds.kubedb.com"),
                ]))
        metadata.name = name
        let subject = spec.subject
        let resourceSpec = CertificateResourceSpec(
            secretName: name,
            commonName: request(for: spec, database: database.name).commonName,
            subject: subject,
            dnsNames: spec.dnsNames,
            ipAddresses: spec.ipAddresses,
            uris: spec.uris,
            emailAddresses: spec.emailAddresses,
            duration: spec.duration,
            renewBefore: spec.renewBefore,
            issuerRef: spec.issuerRef.map {
                CertManagerObjectReference(name: $0.name, kind: $0.kind, group: $0.apiGroup)
            },
            usages: ["digital signature", "key encipherment", "server auth", "client auth"],
            privateKey: CertificateKeySettings(
                encoding: spec.privateKey?.encoding ?? .pkcs1, algorithm: "ECDSA", size: 256))
        var certificate = CertManagerCertificate(
            metadata: metadata, spec: resourceSpec, status: existing?.status)
        if let existing { certificate.preserved = existing.preserved }
        return certificate
    }

    /// The status after a successful issue: `Ready` True, no `Issuing`, the new validity
    /// and the next revision.
    static func issuedStatus(
        _ status: CertificateResourceStatus?, certificate: X509Certificate, now: Timestamp
    ) -> CertificateResourceStatus {
        var status = status ?? CertificateResourceStatus()
        var conditions = status.conditions ?? []
        conditions.removeAll { $0.type == "Issuing" }
        conditions.set(
            Condition(
                type: "Ready", status: .true, lastTransitionTime: now, reason: "Ready",
                message: "Certificate is up to date and has not expired"))
        status.conditions = conditions
        status.notBefore = FleetClock.timestamp(certificate.notBefore)
        status.notAfter = FleetClock.timestamp(certificate.notAfter)
        status.revision = (status.revision ?? 0) + 1
        status.failedIssuanceAttempts = nil
        status.lastFailureTime = nil
        return status
    }

    /// The status when the issuer cannot issue: `Ready` False with cert-manager's reason,
    /// `Issuing` True while it keeps trying.
    static func failedStatus(
        _ status: CertificateResourceStatus?, reason: String, message: String, now: Timestamp
    ) -> CertificateResourceStatus {
        var status = status ?? CertificateResourceStatus()
        var conditions = status.conditions ?? []
        let wasReady = conditions.isTrue("Ready")
        if !wasReady {
            conditions.set(
                Condition(
                    type: "Ready", status: .false, lastTransitionTime: now, reason: reason,
                    message: message))
        }
        conditions.set(
            Condition(
                type: "Issuing", status: .true, lastTransitionTime: now, reason: reason,
                message: message))
        status.conditions = conditions
        status.lastFailureTime = now
        status.failedIssuanceAttempts = (status.failedIssuanceAttempts ?? 0) + 1
        return status
    }

    /// The status when the Certificate is marked for issue: `Issuing` True.
    static func issuingStatus(
        _ status: CertificateResourceStatus?, message: String, now: Timestamp
    ) -> CertificateResourceStatus {
        var status = status ?? CertificateResourceStatus()
        var conditions = status.conditions ?? []
        conditions.set(
            Condition(
                type: "Issuing", status: .true, lastTransitionTime: now, reason: "Requested",
                message: message))
        status.conditions = conditions
        return status
    }
}
