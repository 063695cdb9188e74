/// The observed state of an issuer; its `Ready` condition says whether it can sign.
public struct IssuerStatus: JSONRepresentable {
    /// Conditions, including `Ready`.
    public var conditions: [Condition]?
    /// ACME account details, kept as JSON.
    public var acme: JSONValue?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        conditions: [Condition]? = nil,
        acme: JSONValue? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.conditions = conditions
        self.acme = acme
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        conditions = try reader.models("conditions")
        acme = reader.raw("acme")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("conditions", conditions)
        writer.set("acme", acme)
        return writer.finish(preserved)
    }
}
