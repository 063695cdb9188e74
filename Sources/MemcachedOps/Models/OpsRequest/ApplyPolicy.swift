/// When an ops request runs: `IfReady` (the default) or `Always`.
public struct ApplyPolicy: OpenEnumeration {
    /// The value's text.
    public var rawValue: String

    /// Creates a value from its text; unknown text is kept as it is.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Run only while the database is `Ready`.
    public static let ifReady = ApplyPolicy(rawValue: "IfReady")

    /// Run whatever the database's phase.
    public static let always = ApplyPolicy(rawValue: "Always")

    /// The values this package knows, in the order the API documents them.
    public static let knownValues: [ApplyPolicy] = [.ifReady, .always]
}
