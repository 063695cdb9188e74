/// The section of a `Reconfigure` request.
public struct ReconfigurationSpec: JSONRepresentable {
    /// A secret with the new configuration.
    public var configSecret: LocalObjectReference?
    /// Configuration to apply, by file name.
    public var applyConfig: StringMap?
    /// Whether to remove the custom configuration.
    public var removeCustomConfig: Bool?
    /// Whether to restart: `auto`, `true` or `false` (strings).
    public var restart: ReconfigureRestart?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        configSecret: LocalObjectReference? = nil,
        applyConfig: StringMap? = nil,
        removeCustomConfig: Bool? = nil,
        restart: ReconfigureRestart? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.configSecret = configSecret
        self.applyConfig = applyConfig
        self.removeCustomConfig = removeCustomConfig
        self.restart = restart
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        configSecret = try reader.model("configSecret")
        applyConfig = try reader.stringMap("applyConfig")
        removeCustomConfig = try reader.bool("removeCustomConfig")
        restart = try reader.enumeration("restart")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("configSecret", configSecret)
        writer.set("applyConfig", applyConfig)
        writer.set("removeCustomConfig", removeCustomConfig)
        writer.set("restart", restart)
        return writer.finish(preserved)
    }
}
