/// What a MemcachedOpsRequest asks for: the database, the type, and that type's section.
public struct MemcachedOpsRequestSpec: JSONRepresentable {
    /// The Memcached database, in the same namespace.
    public var databaseRef: LocalObjectReference?
    /// The kind of operation, such as `ReconfigureTLS`.
    public var type: OpsRequestType?
    /// The section of an `UpdateVersion` request.
    public var updateVersion: UpdateVersionSpec?
    /// The section of a `HorizontalScaling` request.
    public var horizontalScaling: HorizontalScalingSpec?
    /// The section of a `VerticalScaling` request.
    public var verticalScaling: VerticalScalingSpec?
    /// The section of a `VolumeExpansion` request.
    public var volumeExpansion: JSONObject?
    /// The section of a `Reconfigure` request.
    public var configuration: ReconfigurationSpec?
    /// The section of a `ReconfigureTLS` request.
    public var tls: ReconfigureTLSSpec?
    /// The section of a `RotateAuth` request.
    public var authentication: AuthenticationSpec?
    /// The section of a `Restart` request.
    public var restart: JSONObject?
    /// The time limit for each step.
    public var timeout: GoDuration?
    /// When to run: `IfReady` (the default) or `Always`.
    public var apply: ApplyPolicy?
    /// How often a failed step is retried; defaults to 1.
    public var maxRetries: Int32?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        databaseRef: LocalObjectReference? = nil,
        type: OpsRequestType? = nil,
        updateVersion: UpdateVersionSpec? = nil,
        horizontalScaling: HorizontalScalingSpec? = nil,
        verticalScaling: VerticalScalingSpec? = nil,
        volumeExpansion: JSONObject? = nil,
        configuration: ReconfigurationSpec? = nil,
        tls: ReconfigureTLSSpec? = nil,
        authentication: AuthenticationSpec? = nil,
        restart: JSONObject? = nil,
        timeout: GoDuration? = nil,
        apply: ApplyPolicy? = nil,
        maxRetries: Int32? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.databaseRef = databaseRef
        self.type = type
        self.updateVersion = updateVersion
        self.horizontalScaling = horizontalScaling
        self.verticalScaling = verticalScaling
        self.volumeExpansion = volumeExpansion
        self.configuration = configuration
        self.tls = tls
        self.authentication = authentication
        self.restart = restart
        self.timeout = timeout
        self.apply = apply
        self.maxRetries = maxRetries
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        databaseRef = try reader.model("databaseRef")
        type = try reader.enumeration("type")
        updateVersion = try reader.model("updateVersion")
        horizontalScaling = try reader.model("horizontalScaling")
        verticalScaling = try reader.model("verticalScaling")
        volumeExpansion = try reader.rawObject("volumeExpansion")
        configuration = try reader.model("configuration")
        tls = try reader.model("tls")
        authentication = try reader.model("authentication")
        restart = try reader.rawObject("restart")
        timeout = try reader.duration("timeout")
        apply = try reader.enumeration("apply")
        maxRetries = try reader.int32("maxRetries")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("databaseRef", databaseRef)
        writer.set("type", type)
        writer.set("updateVersion", updateVersion)
        writer.set("horizontalScaling", horizontalScaling)
        writer.set("verticalScaling", verticalScaling)
        writer.set("volumeExpansion", volumeExpansion)
        writer.set("configuration", configuration)
        writer.set("tls", tls)
        writer.set("authentication", authentication)
        writer.set("restart", restart)
        writer.set("timeout", timeout)
        writer.set("apply", apply)
        writer.set("maxRetries", maxRetries)
        return writer.finish(preserved)
    }
}
