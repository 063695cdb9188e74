/// A cert-manager `Certificate` (`cert-manager.io/v1`): what KubeDB asks cert-manager to issue.
///
/// KubeDB names each Certificate after its secret, `<db>-<alias>-cert` by default.
public struct Certificate: JSONRepresentable {
    /// Always `cert-manager.io/v1`.
    public var apiVersion: String
    /// Always `Certificate`.
    public var kind: String
    /// Name, namespace, labels and annotations.
    public var metadata: ObjectMeta
    /// What to issue.
    public var spec: CertificateResourceSpec
    /// What has been issued.
    public var status: CertificateResourceStatus?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a Certificate object.
    public init(
        metadata: ObjectMeta, spec: CertificateResourceSpec,
        status: CertificateResourceStatus? = nil
    ) {
        self.apiVersion = Issuer.apiVersionV1
        self.kind = "Certificate"
        self.metadata = metadata
        self.spec = spec
        self.status = status
        self.preserved = PreservedFields()
    }

    /// Reads the object from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        (apiVersion, kind, metadata) = try reader.resourceHeader()
        spec = try reader.required("spec") { reader, key throws(ManifestError) in
            try reader.model(key, as: CertificateResourceSpec.self)
        }
        status = try reader.model("status")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.setHeader(apiVersion: apiVersion, kind: kind, metadata: metadata)
        writer.set("spec", spec)
        writer.set("status", status)
        return writer.finish(preserved)
    }

    /// Whether the `Ready` condition is `True`: the secret holds a certificate for the spec.
    public var isReady: Bool { condition("Ready")?.status == .true }

    /// Whether an `Issuing` condition is `True`: a new certificate is being issued.
    public var isIssuing: Bool { condition("Issuing")?.status == .true }

    /// The status condition of the given type.
    public func condition(_ type: String) -> Condition? {
        status?.conditions?.first { $0.type == type }
    }
}
