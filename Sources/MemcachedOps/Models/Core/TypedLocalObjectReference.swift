/// A reference to an object of a given kind and API group in the same namespace.
///
/// For cert-manager issuers, `apiGroup` is `cert-manager.io` and `kind` is `Issuer` or
/// `ClusterIssuer`.
public struct TypedLocalObjectReference: JSONRepresentable {
    /// The API group; `nil` means the core group.
    public var apiGroup: String?
    /// The kind, such as `Issuer`.
    public var kind: String
    /// The name.
    public var name: String
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        apiGroup: String? = nil,
        kind: String,
        name: String,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.apiGroup = apiGroup
        self.kind = kind
        self.name = name
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        apiGroup = try reader.string("apiGroup")
        kind = try reader.required("kind") { reader, key throws(ManifestError) in
            try reader.string(key)
        }
        name = try reader.required("name") { reader, key throws(ManifestError) in
            try reader.string(key)
        }
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("apiGroup", apiGroup)
        writer.set("kind", kind)
        writer.set("name", name)
        return writer.finish(preserved)
    }
}
