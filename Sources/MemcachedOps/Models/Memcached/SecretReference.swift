/// A reference to a secret with KubeDB's rotation settings, as used by `authSecret`.
public struct SecretReference: JSONRepresentable {
    /// The API group of the referenced object.
    public var apiGroup: String?
    /// The kind of the referenced object.
    public var kind: String?
    /// The secret's name.
    public var name: String?
    /// The external secret store, if any.
    public var secretStoreName: String?
    /// How often the secret is rotated.
    public var rotateAfter: GoDuration?
    /// When the secret became active.
    public var activeFrom: Timestamp?
    /// Whether something other than KubeDB manages the secret.
    public var externallyManaged: Bool?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        apiGroup: String? = nil,
        kind: String? = nil,
        name: String? = nil,
        secretStoreName: String? = nil,
        rotateAfter: GoDuration? = nil,
        activeFrom: Timestamp? = nil,
        externallyManaged: Bool? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.apiGroup = apiGroup
        self.kind = kind
        self.name = name
        self.secretStoreName = secretStoreName
        self.rotateAfter = rotateAfter
        self.activeFrom = activeFrom
        self.externallyManaged = externallyManaged
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        apiGroup = try reader.string("apiGroup")
        kind = try reader.string("kind")
        name = try reader.string("name")
        secretStoreName = try reader.string("secretStoreName")
        rotateAfter = try reader.duration("rotateAfter")
        activeFrom = try reader.timestamp("activeFrom")
        externallyManaged = try reader.bool("externallyManaged")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("apiGroup", apiGroup)
        writer.set("kind", kind)
        writer.set("name", name)
        writer.set("secretStoreName", secretStoreName)
        writer.set("rotateAfter", rotateAfter)
        writer.set("activeFrom", activeFrom)
        writer.set("externallyManaged", externallyManaged)
        return writer.finish(preserved)
    }
}
