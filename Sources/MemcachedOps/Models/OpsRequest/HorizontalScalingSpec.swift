/// The section of a `HorizontalScaling` request.
public struct HorizontalScalingSpec: JSONRepresentable {
    /// The new number of replicas.
    public var replicas: Int32?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        replicas: Int32? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.replicas = replicas
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        replicas = try reader.int32("replicas")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("replicas", replicas)
        return writer.finish(preserved)
    }
}
