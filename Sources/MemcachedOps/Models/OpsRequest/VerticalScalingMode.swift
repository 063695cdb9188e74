/// How vertical scaling is applied: `Restart` or `InPlace`.
public struct VerticalScalingMode: OpenEnumeration {
    /// The value's text.
    public var rawValue: String

    /// Creates a value from its text; unknown text is kept as it is.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Restart the pods with the new resources.
    public static let restart = VerticalScalingMode(rawValue: "Restart")

    /// Resize the pods in place.
    public static let inPlace = VerticalScalingMode(rawValue: "InPlace")

    /// The values this package knows, in the order the API documents them.
    public static let knownValues: [VerticalScalingMode] = [.restart, .inPlace]
}
