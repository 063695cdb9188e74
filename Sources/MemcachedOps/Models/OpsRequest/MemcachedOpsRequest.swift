/// A KubeDB MemcachedOpsRequest (`ops.kubedb.com/v1alpha1`): one operation on a database.
///
/// A `ReconfigureTLS` request adds, rotates, changes or removes TLS; ``Admission`` checks it
/// as KubeDB's webhook does, and the planner turns it into steps.
public struct MemcachedOpsRequest: KubernetesResource {
    /// Always `ops.kubedb.com/v1alpha1`.
    public var apiVersion: String
    /// Always `MemcachedOpsRequest`.
    public var kind: String
    /// Name, namespace, labels and annotations.
    public var metadata: ObjectMeta
    /// What the request asks for.
    public var spec: MemcachedOpsRequestSpec
    /// Its progress, when it has started.
    public var status: MemcachedOpsRequestStatus?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// The API version, `ops.kubedb.com/v1alpha1`.
    public static let apiVersionV1Alpha1 = "ops.kubedb.com/v1alpha1"

    /// Creates a request object.
    public init(
        metadata: ObjectMeta,
        spec: MemcachedOpsRequestSpec,
        status: MemcachedOpsRequestStatus? = nil
    ) {
        self.init(
            apiVersion: Self.apiVersionV1Alpha1, kind: "MemcachedOpsRequest", metadata: metadata,
            spec: spec,
            status: status, preserved: PreservedFields())
    }

    /// Creates the object from its parts, as read from a document.
    public init(
        apiVersion: String, kind: String, metadata: ObjectMeta, spec: MemcachedOpsRequestSpec,
        status: MemcachedOpsRequestStatus?, preserved: PreservedFields
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
        self.preserved = preserved
    }
}
