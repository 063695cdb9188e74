/// A cert-manager `Certificate` (`cert-manager.io/v1`): what KubeDB asks cert-manager to issue.
///
/// KubeDB names each Certificate after its secret, `<db>-<alias>-cert` by default.
public struct Certificate: KubernetesResource {
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
        self.init(
            apiVersion: Issuer.apiVersionV1, kind: "Certificate", metadata: metadata, spec: spec,
            status: status, preserved: PreservedFields())
    }

    /// Whether the `Ready` condition is `True`: the secret holds a certificate for the spec.
    public var isReady: Bool { condition("Ready")?.status == .true }

    /// Whether an `Issuing` condition is `True`: a new certificate is being issued.
    public var isIssuing: Bool { condition("Issuing")?.status == .true }

    /// The status condition of the given type.
    public func condition(_ type: String) -> Condition? {
        status?.conditions?.first { $0.type == type }
    }

    /// Creates the object from its parts, as read from a document.
    public init(
        apiVersion: String, kind: String, metadata: ObjectMeta, spec: CertificateResourceSpec,
        status: CertificateResourceStatus?, preserved: PreservedFields
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
        self.preserved = preserved
    }
}
