/// One certificate of a database's TLS configuration, chosen by its `alias`.
///
/// Memcached uses the aliases `server`, `client` and `metrics-exporter`. An empty
/// `secretName` defaults to `<db>-<alias>-cert`.
public struct CertificateSpec: JSONRepresentable {
    /// Which certificate this is: `server`, `client` or `metrics-exporter`.
    public var alias: String
    /// An issuer for this certificate only, overriding the TLS configuration's.
    public var issuerRef: TypedLocalObjectReference?
    /// The secret that holds the certificate and key.
    public var secretName: String?
    /// The subject fields.
    public var subject: X509Subject?
    /// How long the certificate is valid, such as `2160h0m0s`.
    public var duration: GoDuration?
    /// How long before expiry to renew it.
    public var renewBefore: GoDuration?
    /// DNS names the certificate covers.
    public var dnsNames: [String]?
    /// IP addresses the certificate covers.
    public var ipAddresses: [String]?
    /// URIs the certificate covers.
    public var uris: [String]?
    /// E-mail addresses the certificate covers.
    public var emailAddresses: [String]?
    /// Options for the private key.
    public var privateKey: CertificatePrivateKey?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        alias: String,
        issuerRef: TypedLocalObjectReference? = nil,
        secretName: String? = nil,
        subject: X509Subject? = nil,
        duration: GoDuration? = nil,
        renewBefore: GoDuration? = nil,
        dnsNames: [String]? = nil,
        ipAddresses: [String]? = nil,
        uris: [String]? = nil,
        emailAddresses: [String]? = nil,
        privateKey: CertificatePrivateKey? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.alias = alias
        self.issuerRef = issuerRef
        self.secretName = secretName
        self.subject = subject
        self.duration = duration
        self.renewBefore = renewBefore
        self.dnsNames = dnsNames
        self.ipAddresses = ipAddresses
        self.uris = uris
        self.emailAddresses = emailAddresses
        self.privateKey = privateKey
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        alias = try reader.required("alias") { reader, key throws(ManifestError) in
            try reader.string(key)
        }
        issuerRef = try reader.model("issuerRef")
        secretName = try reader.string("secretName")
        subject = try reader.model("subject")
        duration = try reader.duration("duration")
        renewBefore = try reader.duration("renewBefore")
        dnsNames = try reader.strings("dnsNames")
        ipAddresses = try reader.strings("ipAddresses")
        uris = try reader.strings("uris")
        emailAddresses = try reader.strings("emailAddresses")
        privateKey = try reader.model("privateKey")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("alias", alias)
        writer.set("issuerRef", issuerRef)
        writer.set("secretName", secretName)
        writer.set("subject", subject)
        writer.set("duration", duration)
        writer.set("renewBefore", renewBefore)
        writer.set("dnsNames", dnsNames)
        writer.set("ipAddresses", ipAddresses)
        writer.set("uris", uris)
        writer.set("emailAddresses", emailAddresses)
        writer.set("privateKey", privateKey)
        return writer.finish(preserved)
    }
}
