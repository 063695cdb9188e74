/// One entry of a status's `conditions` list, as kmodules and cert-manager write them.
///
/// KubeDB sets conditions by type: a new type is appended, an existing type is replaced in
/// place, so the list keeps first-insertion order; `Array<Condition>.set(_:)` does that.
public struct Condition: JSONRepresentable {
    /// The condition's type, such as `Ready` or `EvictPod--memcd-quickstart-0`.
    public var type: String
    /// Whether the condition holds.
    public var status: ConditionStatus
    /// The object generation the condition was set for.
    public var observedGeneration: Int64?
    /// How serious a false condition is.
    public var severity: ConditionSeverity?
    /// When the status last changed.
    public var lastTransitionTime: Timestamp?
    /// A one-word, CamelCase reason.
    public var reason: String?
    /// A human-readable message.
    public var message: String?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        type: String,
        status: ConditionStatus,
        observedGeneration: Int64? = nil,
        severity: ConditionSeverity? = nil,
        lastTransitionTime: Timestamp? = nil,
        reason: String? = nil,
        message: String? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.type = type
        self.status = status
        self.observedGeneration = observedGeneration
        self.severity = severity
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        type = try reader.required("type") { reader, key throws(ManifestError) in
            try reader.string(key)
        }
        status = try reader.required("status") { reader, key throws(ManifestError) in
            try reader.enumeration(key)
        }
        observedGeneration = try reader.int64("observedGeneration")
        severity = try reader.enumeration("severity")
        lastTransitionTime = try reader.timestamp("lastTransitionTime")
        reason = try reader.string("reason")
        message = try reader.string("message")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("type", type)
        writer.set("status", status)
        writer.set("observedGeneration", observedGeneration)
        writer.set("severity", severity)
        writer.set("lastTransitionTime", lastTransitionTime)
        writer.set("reason", reason)
        writer.set("message", message)
        return writer.finish(preserved)
    }
}
