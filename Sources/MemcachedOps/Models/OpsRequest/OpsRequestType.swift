/// The type of a MemcachedOpsRequest.
public struct OpsRequestType: OpenEnumeration {
    /// The value's text.
    public var rawValue: String

    /// Creates a value from its text; unknown text is kept as it is.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Change the Memcached version.
    public static let updateVersion = OpsRequestType(rawValue: "UpdateVersion")

    /// Change the number of replicas.
    public static let horizontalScaling = OpsRequestType(rawValue: "HorizontalScaling")

    /// Change the resources of the pods.
    public static let verticalScaling = OpsRequestType(rawValue: "VerticalScaling")

    /// Grow the volumes.
    public static let volumeExpansion = OpsRequestType(rawValue: "VolumeExpansion")

    /// Restart the pods.
    public static let restart = OpsRequestType(rawValue: "Restart")

    /// Change the configuration.
    public static let reconfigure = OpsRequestType(rawValue: "Reconfigure")

    /// Add, rotate, change or remove TLS.
    public static let reconfigureTLS = OpsRequestType(rawValue: "ReconfigureTLS")

    /// Rotate the authentication secret.
    public static let rotateAuth = OpsRequestType(rawValue: "RotateAuth")

    /// The values this package knows, in the order the API documents them.
    public static let knownValues: [OpsRequestType] = [
        .updateVersion, .horizontalScaling, .verticalScaling, .volumeExpansion, .restart,
        .reconfigure, .reconfigureTLS, .rotateAuth,
    ]
}
