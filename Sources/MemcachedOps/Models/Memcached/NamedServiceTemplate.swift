/// A template for one of the database's services, chosen by alias.
///
/// Everything but the alias (metadata, spec) is kept as JSON in ``preserved``.
public struct NamedServiceTemplate: JSONRepresentable {
    /// Which service: `primary`, `standby` or `stats`.
    public var alias: ServiceAlias?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        alias: ServiceAlias? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.alias = alias
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        alias = try reader.enumeration("alias")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("alias", alias)
        return writer.finish(preserved)
    }
}
