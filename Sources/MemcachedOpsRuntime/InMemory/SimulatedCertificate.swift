import MemcachedOps

/// One cert-manager Certificate of an ``InMemoryCluster``, with its secret.
///
/// cert-manager is simulated: a Certificate that is created, updated or marked for
/// re-issue is `Issuing` until ``SimulatedLatencies/certificateIssue`` has passed and its
/// issuer exists and is `Ready`; it is then issued: ``revision`` goes up by one, and it
/// gets a new ``fingerprint`` and ``notAfter`` (its `duration` from then, cert-manager's
/// 90 days unless set). Its secret holds a simulated key; read it with
/// ``InMemoryCluster/secret(named:)``.
public struct SimulatedCertificate: Sendable, Hashable {
    /// The Certificate's (and its secret's) name.
    public internal(set) var name: String
    /// The alias it serves: `server`, `client` or `metrics-exporter`.
    public internal(set) var alias: String
    /// The issuer it names.
    public internal(set) var issuerRef: TypedLocalObjectReference?
    /// The settings it was written from.
    public internal(set) var spec: CertificateSpec?
    /// Whether its `Ready` condition is `True`.
    public internal(set) var ready: Bool
    /// Whether its `Issuing` condition is `True`.
    public internal(set) var issuing: Bool
    /// How many times it was issued; 0 before the first.
    public internal(set) var revision: Int
    /// The issued certificate's SHA-256 fingerprint (simulated), as lowercase hex.
    public internal(set) var fingerprint: String?
    /// When the issued certificate expires.
    public internal(set) var notAfter: Timestamp?
    /// Whether its secret exists.
    public internal(set) var secretPresent: Bool
    /// When the issuing under way is due; `nil` when nothing is being issued.
    public internal(set) var issueAt: Timestamp?
    /// The requests (by uid, or name and creation time) that marked it for re-issue, so that
    /// marking it again for the same request does nothing.
    var reissuedFor: Set<String> = []

    init(
        name: String, alias: String, issuerRef: TypedLocalObjectReference?,
        spec: CertificateSpec?
    ) {
        self.name = name
        self.alias = alias
        self.issuerRef = issuerRef
        self.spec = spec
        self.ready = false
        self.issuing = false
        self.revision = 0
        self.secretPresent = false
    }

    /// Whether it is issued and settled: `Ready`, not `Issuing`, with its secret.
    public var isIssued: Bool { ready && !issuing && secretPresent }

    /// The Certificate as a transport reports it to the planner.
    public var observed: ObservedCertificate {
        ObservedCertificate(
            alias: alias, name: name, exists: true, issuerRef: issuerRef, spec: spec,
            ready: ready, issuing: issuing, notAfter: notAfter, fingerprint: fingerprint,
            secretPresent: secretPresent)
    }

    /// The contents of its secret (`tls.crt`, `tls.key`, `ca.crt`), simulated; `nil` when
    /// the secret does not exist.
    var secretData: [String: String]? {
        guard secretPresent, let fingerprint else { return nil }
        let key = SimulatedDigest.hex("key:\(name)#\(revision)")
        return [
            "tls.crt": "-----BEGIN CERTIFICATE-----\nsimulated \(fingerprint)\n"
                + "-----END CERTIFICATE-----\n",
            "tls.key": "-----BEGIN PRIVATE KEY-----\nsimulated \(key)\n"
                + "-----END PRIVATE KEY-----\n",
            "ca.crt": "-----BEGIN CERTIFICATE-----\nsimulated CA of "
                + "\(issuerRef?.name ?? "no issuer")\n-----END CERTIFICATE-----\n",
        ]
    }

    /// Issues the certificate now, as cert-manager does once its issuer signs.
    mutating func issue(at now: Timestamp) {
        revision += 1
        ready = true
        issuing = false
        secretPresent = true
        issueAt = nil
        fingerprint = SimulatedDigest.hex("certificate:\(name)#\(revision)")
        let duration = spec?.duration ?? GoDuration(seconds: 2160 * 3600)
        notAfter = now.adding(duration)
    }

    /// Starts issuing again, as an `Issuing` condition or a changed spec makes cert-manager
    /// do.
    mutating func startIssuing(due: Timestamp, specChanged: Bool) {
        issuing = true
        issueAt = due
        if specChanged { ready = false }
    }
}
