/// A KubeDB Memcached database: `kubedb.com/v1` (the storage version) or `v1alpha2`.
///
/// Read one with ``ManifestReader`` or ``init(json:path:)``; every field this model does not
/// name, such as the pod template's contents, is kept and written back unchanged.
///
/// ```swift
/// let database = try Memcached(json: JSONReader.parse(bytes))
/// let replicas = database.defaulted().spec.replicas  // 1 when unset
/// ```
public struct Memcached: KubernetesResource {
    /// `kubedb.com/v1` or `kubedb.com/v1alpha2`.
    public var apiVersion: String
    /// Always `Memcached`.
    public var kind: String
    /// Name, namespace, labels and annotations.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: MemcachedSpec
    /// The observed state, when read from a cluster.
    public var status: MemcachedStatus?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// The API group of Memcached.
    public static let group = "kubedb.com"
    /// The storage version, `kubedb.com/v1`.
    public static let apiVersionV1 = "kubedb.com/v1"
    /// The older served version, `kubedb.com/v1alpha2`.
    public static let apiVersionV1Alpha2 = "kubedb.com/v1alpha2"

    /// Creates a database object.
    public init(
        apiVersion: String = Memcached.apiVersionV1,
        metadata: ObjectMeta,
        spec: MemcachedSpec,
        status: MemcachedStatus? = nil
    ) {
        self.init(
            apiVersion: apiVersion, kind: "Memcached", metadata: metadata, spec: spec,
            status: status, preserved: PreservedFields())
    }

    /// Creates the object from its parts, as read from a document.
    public init(
        apiVersion: String, kind: String, metadata: ObjectMeta, spec: MemcachedSpec,
        status: MemcachedStatus?, preserved: PreservedFields
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
        self.preserved = preserved
    }
}
