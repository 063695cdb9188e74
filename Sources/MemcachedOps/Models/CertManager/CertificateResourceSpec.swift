/// The desired state of a cert-manager Certificate.
public struct CertificateResourceSpec: JSONRepresentable {
    /// The secret the certificate is written to; the same name as the Certificate for KubeDB.
    public var secretName: String?
    /// The common name.
    public var commonName: String?
    /// The subject fields.
    public var subject: X509Subject?
    /// DNS names.
    public var dnsNames: [String]?
    /// IP addresses.
    public var ipAddresses: [String]?
    /// URIs.
    public var uris: [String]?
    /// E-mail addresses.
    public var emailAddresses: [String]?
    /// How long the certificate is valid.
    public var duration: GoDuration?
    /// How long before expiry to renew.
    public var renewBefore: GoDuration?
    /// The issuer.
    public var issuerRef: CertManagerObjectReference?
    /// Whether the certificate is a CA.
    public var isCA: Bool?
    /// Key usages, such as `digital signature`.
    public var usages: [String]?
    /// Private key settings.
    public var privateKey: CertificateKeySettings?
    /// Labels and annotations for the secret, kept as JSON.
    public var secretTemplate: JSONValue?
    /// How many CertificateRequests to keep.
    public var revisionHistoryLimit: Int32?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        secretName: String? = nil,
        commonName: String? = nil,
        subject: X509Subject? = nil,
        dnsNames: [String]? = nil,
        ipAddresses: [String]? = nil,
        uris: [String]? = nil,
        emailAddresses: [String]? = nil,
        duration: GoDuration? = nil,
        renewBefore: GoDuration? = nil,
        issuerRef: CertManagerObjectReference? = nil,
        isCA: Bool? = nil,
        usages: [String]? = nil,
        privateKey: CertificateKeySettings? = nil,
        secretTemplate: JSONValue? = nil,
        revisionHistoryLimit: Int32? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.secretName = secretName
        self.commonName = commonName
        self.subject = subject
        self.dnsNames = dnsNames
        self.ipAddresses = ipAddresses
        self.uris = uris
        self.emailAddresses = emailAddresses
        self.duration = duration
        self.renewBefore = renewBefore
        self.issuerRef = issuerRef
        self.isCA = isCA
        self.usages = usages
        self.privateKey = privateKey
        self.secretTemplate = secretTemplate
        self.revisionHistoryLimit = revisionHistoryLimit
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        secretName = try reader.string("secretName")
        commonName = try reader.string("commonName")
        subject = try reader.model("subject")
        dnsNames = try reader.strings("dnsNames")
        ipAddresses = try reader.strings("ipAddresses")
        uris = try reader.strings("uris")
        emailAddresses = try reader.strings("emailAddresses")
        duration = try reader.duration("duration")
        renewBefore = try reader.duration("renewBefore")
        issuerRef = try reader.model("issuerRef")
        isCA = try reader.bool("isCA")
        usages = try reader.strings("usages")
        privateKey = try reader.model("privateKey")
        secretTemplate = reader.raw("secretTemplate")
        revisionHistoryLimit = try reader.int32("revisionHistoryLimit")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("secretName", secretName)
        writer.set("commonName", commonName)
        writer.set("subject", subject)
        writer.set("dnsNames", dnsNames)
        writer.set("ipAddresses", ipAddresses)
        writer.set("uris", uris)
        writer.set("emailAddresses", emailAddresses)
        writer.set("duration", duration)
        writer.set("renewBefore", renewBefore)
        writer.set("issuerRef", issuerRef)
        writer.set("isCA", isCA)
        writer.set("usages", usages)
        writer.set("privateKey", privateKey)
        writer.set("secretTemplate", secretTemplate)
        writer.set("revisionHistoryLimit", revisionHistoryLimit)
        return writer.finish(preserved)
    }
}
