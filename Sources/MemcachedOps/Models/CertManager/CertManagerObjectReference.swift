/// cert-manager's reference to an issuer: `name`, `kind` and `group`.
public struct CertManagerObjectReference: JSONRepresentable {
    /// The issuer's name.
    public var name: String
    /// `Issuer` or `ClusterIssuer`.
    public var kind: String?
    /// The API group, `cert-manager.io`.
    public var group: String?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        name: String,
        kind: String? = nil,
        group: String? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.name = name
        self.kind = kind
        self.group = group
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        name = try reader.required("name") { reader, key throws(ManifestError) in
            try reader.string(key)
        }
        kind = try reader.string("kind")
        group = try reader.string("group")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("name", name)
        writer.set("kind", kind)
        writer.set("group", group)
        return writer.finish(preserved)
    }
}
