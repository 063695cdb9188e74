/// Automatic ops settings of a `v1alpha2` Memcached.
public struct AutoOpsSpec: JSONRepresentable {
    /// Whether KubeDB's automatic ops requests are off.
    public var disabled: Bool?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        disabled: Bool? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.disabled = disabled
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        disabled = try reader.bool("disabled")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("disabled", disabled)
        return writer.finish(preserved)
    }
}
