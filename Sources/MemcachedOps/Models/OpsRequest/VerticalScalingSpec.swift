/// The section of a `VerticalScaling` request.
public struct VerticalScalingSpec: JSONRepresentable {
    /// Resources of the memcached container, kept as JSON.
    public var memcached: JSONValue?
    /// Resources of the exporter container, kept as JSON.
    public var exporter: JSONValue?
    /// When the database counts as ready again, kept as JSON.
    public var readinessCriteria: JSONValue?
    /// `Restart` or `InPlace`.
    public var mode: VerticalScalingMode?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        memcached: JSONValue? = nil,
        exporter: JSONValue? = nil,
        readinessCriteria: JSONValue? = nil,
        mode: VerticalScalingMode? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.memcached = memcached
        self.exporter = exporter
        self.readinessCriteria = readinessCriteria
        self.mode = mode
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        memcached = reader.raw("memcached")
        exporter = reader.raw("exporter")
        readinessCriteria = reader.raw("readinessCriteria")
        mode = try reader.enumeration("mode")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("memcached", memcached)
        writer.set("exporter", exporter)
        writer.set("readinessCriteria", readinessCriteria)
        writer.set("mode", mode)
        return writer.finish(preserved)
    }
}
