/// A top-level Kubernetes object with `apiVersion`, `kind`, `metadata`, `spec` and `status`.
///
/// ``Memcached``, ``MemcachedOpsRequest``, ``Issuer`` and ``Certificate`` conform; they share
/// one way of reading and writing, defined here.
public protocol KubernetesResource: JSONRepresentable {
    /// The desired state's type.
    associatedtype Spec: JSONRepresentable
    /// The observed state's type.
    associatedtype Status: JSONRepresentable

    /// The object's API version, such as `kubedb.com/v1`.
    var apiVersion: String { get set }
    /// The object's kind, such as `Memcached`.
    var kind: String { get set }
    /// Name, namespace, labels and annotations.
    var metadata: ObjectMeta { get set }
    /// The desired state.
    var spec: Spec { get set }
    /// The observed state, when read from a cluster.
    var status: Status? { get set }
    /// Fields the model does not name, kept in their places for writing back.
    var preserved: PreservedFields { get set }

    /// Creates the object from its parts.
    init(
        apiVersion: String, kind: String, metadata: ObjectMeta, spec: Spec, status: Status?,
        preserved: PreservedFields)
}

extension KubernetesResource {
    /// Reads the object from its JSON form; `spec` is required, `metadata` may be absent.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        let (apiVersion, kind, metadata) = try reader.resourceHeader()
        let spec = try reader.required("spec") { reader, key throws(ManifestError) in
            try reader.model(key, as: Spec.self)
        }
        let status = try reader.model("status", as: Status.self)
        self.init(
            apiVersion: apiVersion, kind: kind, metadata: metadata, spec: spec, status: status,
            preserved: reader.preserved())
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.setHeader(apiVersion: apiVersion, kind: kind, metadata: metadata)
        writer.set("spec", spec)
        writer.set("status", status)
        return writer.finish(preserved)
    }

    /// The object's name, or an empty string when unset.
    public var name: String { metadata.name ?? "" }

    /// The object's namespace; `default` when unset.
    public var namespace: String { metadata.namespace ?? "default" }
}
