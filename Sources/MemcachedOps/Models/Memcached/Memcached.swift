/// A KubeDB Memcached database: `kubedb.com/v1` (the storage version) or `v1alpha2`.
///
/// Read one with ``ManifestReader`` or ``init(json:path:)``; every field this model does not
/// name, such as the pod template's contents, is kept and written back unchanged.
///
/// ```swift
/// let database = try Memcached(json: JSONReader.parse(bytes))
/// let replicas = database.defaulted().spec.replicas  // 1 when unset
/// ```
public struct Memcached: JSONRepresentable {
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
        self.apiVersion = apiVersion
        self.kind = "Memcached"
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
            try reader.model(key, as: MemcachedSpec.self)
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

    /// The database's name, or an empty string when unset.
    public var name: String { metadata.name ?? "" }

    /// The database's namespace; `default` when unset.
    public var namespace: String { metadata.namespace ?? "default" }
}
