/// Custom memcached configuration: a secret, inline settings, or both.
public struct MemcachedConfiguration: JSONRepresentable {
    /// A secret holding configuration files.
    public var secretName: String?
    /// Configuration files given inline, by file name.
    public var inline: StringMap?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        secretName: String? = nil,
        inline: StringMap? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.secretName = secretName
        self.inline = inline
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        secretName = try reader.string("secretName")
        inline = try reader.stringMap("inline")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("secretName", secretName)
        writer.set("inline", inline)
        return writer.finish(preserved)
    }
}
