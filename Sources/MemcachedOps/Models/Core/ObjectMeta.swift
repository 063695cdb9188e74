/// The standard Kubernetes object metadata: name, namespace, labels, annotations.
///
/// Fields this model does not name, such as `managedFields` details, are kept as they are.
public struct ObjectMeta: JSONRepresentable {
    /// The object's name, unique in its namespace.
    public var name: String?
    /// A prefix the API server uses to generate a name.
    public var generateName: String?
    /// The namespace; `default` when absent.
    public var namespace: String?
    /// The server-assigned unique identifier.
    public var uid: String?
    /// The server's version of the object, for optimistic concurrency.
    public var resourceVersion: String?
    /// The generation of the desired state, bumped on every spec change.
    public var generation: Int64?
    /// When the object was created.
    public var creationTimestamp: Timestamp?
    /// When deletion was requested.
    public var deletionTimestamp: Timestamp?
    /// Seconds allowed for graceful deletion.
    public var deletionGracePeriodSeconds: Int64?
    /// Labels, in document order.
    public var labels: StringMap?
    /// Annotations, in document order.
    public var annotations: StringMap?
    /// The objects this one belongs to, kept as JSON.
    public var ownerReferences: JSONValue?
    /// Finalizers that must clear before deletion.
    public var finalizers: [String]?
    /// Server-side apply bookkeeping, kept as JSON.
    public var managedFields: JSONValue?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        name: String? = nil,
        generateName: String? = nil,
        namespace: String? = nil,
        uid: String? = nil,
        resourceVersion: String? = nil,
        generation: Int64? = nil,
        creationTimestamp: Timestamp? = nil,
        deletionTimestamp: Timestamp? = nil,
        deletionGracePeriodSeconds: Int64? = nil,
        labels: StringMap? = nil,
        annotations: StringMap? = nil,
        ownerReferences: JSONValue? = nil,
        finalizers: [String]? = nil,
        managedFields: JSONValue? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.name = name
        self.generateName = generateName
        self.namespace = namespace
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.generation = generation
        self.creationTimestamp = creationTimestamp
        self.deletionTimestamp = deletionTimestamp
        self.deletionGracePeriodSeconds = deletionGracePeriodSeconds
        self.labels = labels
        self.annotations = annotations
        self.ownerReferences = ownerReferences
        self.finalizers = finalizers
        self.managedFields = managedFields
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        name = try reader.string("name")
        generateName = try reader.string("generateName")
        namespace = try reader.string("namespace")
        uid = try reader.string("uid")
        resourceVersion = try reader.string("resourceVersion")
        generation = try reader.int64("generation")
        creationTimestamp = try reader.timestamp("creationTimestamp")
        deletionTimestamp = try reader.timestamp("deletionTimestamp")
        deletionGracePeriodSeconds = try reader.int64("deletionGracePeriodSeconds")
        labels = try reader.stringMap("labels")
        annotations = try reader.stringMap("annotations")
        ownerReferences = reader.raw("ownerReferences")
        finalizers = try reader.strings("finalizers")
        managedFields = reader.raw("managedFields")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("name", name)
        writer.set("generateName", generateName)
        writer.set("namespace", namespace)
        writer.set("uid", uid)
        writer.set("resourceVersion", resourceVersion)
        writer.set("generation", generation)
        writer.set("creationTimestamp", creationTimestamp)
        writer.set("deletionTimestamp", deletionTimestamp)
        writer.set("deletionGracePeriodSeconds", deletionGracePeriodSeconds)
        writer.set("labels", labels)
        writer.set("annotations", annotations)
        writer.set("ownerReferences", ownerReferences)
        writer.set("finalizers", finalizers)
        writer.set("managedFields", managedFields)
        return writer.finish(preserved)
    }
}
