/// The section of an `UpdateVersion` request.
public struct UpdateVersionSpec: JSONRepresentable {
    /// The version to move to.
    public var targetVersion: String?
    /// When the database counts as ready again, kept as JSON.
    public var readinessCriteria: JSONValue?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        targetVersion: String? = nil,
        readinessCriteria: JSONValue? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.targetVersion = targetVersion
        self.readinessCriteria = readinessCriteria
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        targetVersion = try reader.string("targetVersion")
        readinessCriteria = reader.raw("readinessCriteria")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("targetVersion", targetVersion)
        writer.set("readinessCriteria", readinessCriteria)
        return writer.finish(preserved)
    }
}
