/// What is true now about one certificate of the database: the cert-manager Certificate and
/// its secret.
///
/// The transport fills one in for every Certificate that belongs to the database, named as
/// KubeDB names them (`<db>-<alias>-cert` unless `secretName` says otherwise), whether the
/// desired configuration still wants it or not.
public struct ObservedCertificate: Sendable, Hashable {
    /// The certificate's alias: `server`, `client` or `metrics-exporter`.
    public var alias: String
    /// The Certificate's name, which is also its secret's name.
    public var name: String
    /// Whether the Certificate object exists.
    public var exists: Bool
    /// The issuer the Certificate names.
    public var issuerRef: TypedLocalObjectReference?
    /// The settings the Certificate was written from (names, subject, duration); its
    /// `issuerRef` is not compared, see ``issuerRef``.
    public var spec: CertificateSpec?
    /// Whether the Certificate's `Ready` condition is `True`: the secret holds a valid
    /// certificate for its spec.
    public var ready: Bool
    /// Whether an `Issuing` condition is `True`: a new certificate is being issued.
    public var issuing: Bool
    /// When the issued certificate expires.
    public var notAfter: Timestamp?
    /// The SHA-256 fingerprint of the issued certificate, as lowercase hex.
    public var fingerprint: String?
    /// Whether the secret with the certificate and key exists.
    public var secretPresent: Bool

    /// Creates an observation.
    ///
    /// - Parameters:
    ///   - alias: `server`, `client` or `metrics-exporter`.
    ///   - name: The Certificate's (and secret's) name.
    ///   - exists: Whether the Certificate exists.
    ///   - issuerRef: The issuer the Certificate names.
    ///   - spec: The settings it was written from.
    ///   - ready: Whether it is `Ready`.
    ///   - issuing: Whether it is `Issuing`.
    ///   - notAfter: When the issued certificate expires.
    ///   - fingerprint: The issued certificate's SHA-256 fingerprint.
    ///   - secretPresent: Whether its secret exists.
    public init(
        alias: String,
        name: String,
        exists: Bool = true,
        issuerRef: TypedLocalObjectReference? = nil,
        spec: CertificateSpec? = nil,
        ready: Bool = false,
        issuing: Bool = false,
        notAfter: Timestamp? = nil,
        fingerprint: String? = nil,
        secretPresent: Bool = true
    ) {
        self.alias = alias
        self.name = name
        self.exists = exists
        self.issuerRef = issuerRef
        self.spec = spec
        self.ready = ready
        self.issuing = issuing
        self.notAfter = notAfter
        self.fingerprint = fingerprint
        self.secretPresent = secretPresent
    }

    /// Whether a certificate is issued and settled: it exists, is `Ready`, is not `Issuing`,
    /// and its secret is present.
    public var isIssued: Bool { exists && ready && !issuing && secretPresent }
}

extension ObservedCertificate: Codable {
    private enum CodingKeys: String, CodingKey {
        case alias, name, exists, issuerRef, spec, ready, issuing, notAfter, fingerprint,
            secretPresent
    }

    /// Decodes an observation; `exists` and `secretPresent` default to `true`, `ready` and
    /// `issuing` to `false`, and `notAfter` is an RFC 3339 time.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        alias = try container.decode(String.self, forKey: .alias)
        name = try container.decode(String.self, forKey: .name)
        exists = try container.decodeIfPresent(Bool.self, forKey: .exists) ?? true
        issuerRef = try container.decodeIfPresent(
            TypedLocalObjectReference.self, forKey: .issuerRef)
        spec = try container.decodeIfPresent(CertificateSpec.self, forKey: .spec)
        ready = try container.decodeIfPresent(Bool.self, forKey: .ready) ?? false
        issuing = try container.decodeIfPresent(Bool.self, forKey: .issuing) ?? false
        notAfter = try container.decodePlannerTimestamp(forKey: .notAfter)
        fingerprint = try container.decodeIfPresent(String.self, forKey: .fingerprint)
        secretPresent = try container.decodeIfPresent(Bool.self, forKey: .secretPresent) ?? true
    }

    /// Encodes the observation, leaving out unset optional fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(alias, forKey: .alias)
        try container.encode(name, forKey: .name)
        try container.encode(exists, forKey: .exists)
        try container.encodeIfPresent(issuerRef, forKey: .issuerRef)
        try container.encodeIfPresent(spec, forKey: .spec)
        try container.encode(ready, forKey: .ready)
        try container.encode(issuing, forKey: .issuing)
        try container.encodeIfPresent(notAfter?.text, forKey: .notAfter)
        try container.encodeIfPresent(fingerprint, forKey: .fingerprint)
        try container.encode(secretPresent, forKey: .secretPresent)
    }
}
