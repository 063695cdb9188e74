/// The section of a `RotateAuth` request.
public struct AuthenticationSpec: JSONRepresentable {
    /// The new authentication secret; absent means generate one.
    public var secretRef: LocalObjectReference?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        secretRef: LocalObjectReference? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.secretRef = secretRef
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        secretRef = try reader.model("secretRef")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("secretRef", secretRef)
        return writer.finish(preserved)
    }
}
