/// A reference by name to an object in the same namespace, such as `databaseRef`.
public struct LocalObjectReference: JSONRepresentable {
    /// The referenced object's name.
    public var name: String?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        name: String? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.name = name
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        name = try reader.string("name")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("name", name)
        return writer.finish(preserved)
    }
}
