/// The progress of a MemcachedOpsRequest.
public struct MemcachedOpsRequestStatus: JSONRepresentable {
    /// The phase, such as `Progressing` or `Successful`.
    public var phase: OpsRequestPhase?
    /// The generation last acted on.
    public var observedGeneration: Int64?
    /// The steps so far, in first-insertion order.
    public var conditions: [Condition]?
    /// Backups paused for the request, kept as JSON.
    public var pausedBackups: JSONValue?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        phase: OpsRequestPhase? = nil,
        observedGeneration: Int64? = nil,
        conditions: [Condition]? = nil,
        pausedBackups: JSONValue? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.phase = phase
        self.observedGeneration = observedGeneration
        self.conditions = conditions
        self.pausedBackups = pausedBackups
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        phase = try reader.enumeration("phase")
        observedGeneration = try reader.int64("observedGeneration")
        conditions = try reader.models("conditions")
        pausedBackups = reader.raw("pausedBackups")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("phase", phase)
        writer.set("observedGeneration", observedGeneration)
        writer.set("conditions", conditions)
        writer.set("pausedBackups", pausedBackups)
        return writer.finish(preserved)
    }
}
