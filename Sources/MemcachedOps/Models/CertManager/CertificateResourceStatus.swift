/// The observed state of a cert-manager Certificate.
///
/// `Ready` says whether the secret holds a valid certificate for the spec; `Issuing` is present
/// while a new certificate is being issued (KubeDB adds it to force a rotation).
public struct CertificateResourceStatus: JSONRepresentable {
    /// Conditions: `Ready`, `Issuing`.
    public var conditions: [Condition]?
    /// When issuing last failed.
    public var lastFailureTime: Timestamp?
    /// The start of the current certificate's validity.
    public var notBefore: Timestamp?
    /// The end of the current certificate's validity.
    public var notAfter: Timestamp?
    /// When cert-manager will renew it.
    public var renewalTime: Timestamp?
    /// How many times it has been issued.
    public var revision: Int32?
    /// The secret holding the next private key.
    public var nextPrivateKeySecretName: String?
    /// Failed attempts since the last success.
    public var failedIssuanceAttempts: Int32?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        conditions: [Condition]? = nil,
        lastFailureTime: Timestamp? = nil,
        notBefore: Timestamp? = nil,
        notAfter: Timestamp? = nil,
        renewalTime: Timestamp? = nil,
        revision: Int32? = nil,
        nextPrivateKeySecretName: String? = nil,
        failedIssuanceAttempts: Int32? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.conditions = conditions
        self.lastFailureTime = lastFailureTime
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.renewalTime = renewalTime
        self.revision = revision
        self.nextPrivateKeySecretName = nextPrivateKeySecretName
        self.failedIssuanceAttempts = failedIssuanceAttempts
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        conditions = try reader.models("conditions")
        lastFailureTime = try reader.timestamp("lastFailureTime")
        notBefore = try reader.timestamp("notBefore")
        notAfter = try reader.timestamp("notAfter")
        renewalTime = try reader.timestamp("renewalTime")
        revision = try reader.int32("revision")
        nextPrivateKeySecretName = try reader.string("nextPrivateKeySecretName")
        failedIssuanceAttempts = try reader.int32("failedIssuanceAttempts")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("conditions", conditions)
        writer.set("lastFailureTime", lastFailureTime)
        writer.set("notBefore", notBefore)
        writer.set("notAfter", notAfter)
        writer.set("renewalTime", renewalTime)
        writer.set("revision", revision)
        writer.set("nextPrivateKeySecretName", nextPrivateKeySecretName)
        writer.set("failedIssuanceAttempts", failedIssuanceAttempts)
        return writer.finish(preserved)
    }
}
