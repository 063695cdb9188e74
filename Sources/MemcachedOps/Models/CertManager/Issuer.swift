/// A cert-manager `Issuer` or `ClusterIssuer` (`cert-manager.io/v1`).
///
/// Both kinds share this type; ``kind`` tells them apart. An issuer is usable when its
/// `Ready` condition is `True`.
public struct Issuer: KubernetesResource {
    /// Always `cert-manager.io/v1`.
    public var apiVersion: String
    /// `Issuer` (namespaced) or `ClusterIssuer`.
    public var kind: String
    /// Name, namespace, labels and annotations.
    public var metadata: ObjectMeta
    /// How the issuer signs.
    public var spec: IssuerSpec
    /// Its observed state.
    public var status: IssuerStatus?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// The API version, `cert-manager.io/v1`.
    public static let apiVersionV1 = "cert-manager.io/v1"
    /// The API group, `cert-manager.io`.
    public static let group = "cert-manager.io"

    /// Creates an issuer object.
    public init(
        kind: String = "Issuer", metadata: ObjectMeta, spec: IssuerSpec,
        status: IssuerStatus? = nil
    ) {
        self.init(
            apiVersion: Self.apiVersionV1, kind: kind, metadata: metadata, spec: spec,
            status: status, preserved: PreservedFields())
    }

    /// Whether this is a `ClusterIssuer`.
    public var isClusterIssuer: Bool { kind == "ClusterIssuer" }

    /// Whether the `Ready` condition is `True`.
    public var isReady: Bool {
        status?.conditions?.first { $0.type == "Ready" }?.status == .true
    }

    /// Creates the object from its parts, as read from a document.
    public init(
        apiVersion: String, kind: String, metadata: ObjectMeta, spec: IssuerSpec,
        status: IssuerStatus?, preserved: PreservedFields
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
        self.preserved = preserved
    }
}
