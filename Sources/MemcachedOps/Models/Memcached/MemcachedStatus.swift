/// The observed state of a Memcached database.
public struct MemcachedStatus: JSONRepresentable {
    /// The phase, such as `Ready`.
    public var phase: DatabasePhase?
    /// The generation last acted on.
    public var observedGeneration: Int64?
    /// Conditions, including `Ready` and, during an ops request, `Paused`.
    public var conditions: [Condition]?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        phase: DatabasePhase? = nil,
        observedGeneration: Int64? = nil,
        conditions: [Condition]? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.phase = phase
        self.observedGeneration = observedGeneration
        self.conditions = conditions
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        phase = try reader.enumeration("phase")
        observedGeneration = try reader.int64("observedGeneration")
        conditions = try reader.models("conditions")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("phase", phase)
        writer.set("observedGeneration", observedGeneration)
        writer.set("conditions", conditions)
        return writer.finish(preserved)
    }
}
