/// Whether a `Reconfigure` request restarts the pods: `auto`, `true` or `false`.
public struct ReconfigureRestart: OpenEnumeration {
    /// The value's text.
    public var rawValue: String

    /// Creates a value from its text; unknown text is kept as it is.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Restart when the change needs it.
    public static let auto = ReconfigureRestart(rawValue: "auto")

    /// Always restart.
    public static let always = ReconfigureRestart(rawValue: "true")

    /// Never restart.
    public static let never = ReconfigureRestart(rawValue: "false")

    /// The values this package knows, in the order the API documents them.
    public static let knownValues: [ReconfigureRestart] = [.auto, .always, .never]
}
