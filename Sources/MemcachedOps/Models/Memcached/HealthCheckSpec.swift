/// How KubeDB checks a database's health; defaults are 10, 10 and 1.
public struct HealthCheckSpec: JSONRepresentable {
    /// Seconds between checks.
    public var periodSeconds: Int32?
    /// Seconds before a check times out.
    public var timeoutSeconds: Int32?
    /// Failed checks before the database is marked not ready.
    public var failureThreshold: Int32?
    /// Whether the check skips writing.
    public var disableWriteCheck: Bool?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        periodSeconds: Int32? = nil,
        timeoutSeconds: Int32? = nil,
        failureThreshold: Int32? = nil,
        disableWriteCheck: Bool? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.periodSeconds = periodSeconds
        self.timeoutSeconds = timeoutSeconds
        self.failureThreshold = failureThreshold
        self.disableWriteCheck = disableWriteCheck
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        periodSeconds = try reader.int32("periodSeconds")
        timeoutSeconds = try reader.int32("timeoutSeconds")
        failureThreshold = try reader.int32("failureThreshold")
        disableWriteCheck = try reader.bool("disableWriteCheck")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("periodSeconds", periodSeconds)
        writer.set("timeoutSeconds", timeoutSeconds)
        writer.set("failureThreshold", failureThreshold)
        writer.set("disableWriteCheck", disableWriteCheck)
        return writer.finish(preserved)
    }
}
