/// A KubeDB MemcachedOpsRequest (`ops.kubedb.com/v1alpha1`): one operation on a database.
///
/// A `ReconfigureTLS` request adds, rotates, changes or removes TLS; ``Admission`` checks it
/// as KubeDB's webhook does, and the planner turns it into steps.
public struct MemcachedOpsRequest: JSONRepresentable {
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
        self.apiVersion = Self.apiVersionV1Alpha1
        self.kind = "MemcachedOpsRequest"
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
            try reader.model(key, as: MemcachedOpsRequestSpec.self)
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

    /// The request's name, or an empty string when unset.
    public var name: String { metadata.name ?? "" }

    /// The request's namespace; `default` when unset.
    public var namespace: String { metadata.namespace ?? "default" }
}
