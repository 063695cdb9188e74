/// How serious a false ``Condition`` is: `Error`, `Warning` or `Info`.
public struct ConditionSeverity: OpenEnumeration {
    /// The value's text.
    public var rawValue: String

    /// Creates a value from its text; unknown text is kept as it is.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// An error.
    public static let error = ConditionSeverity(rawValue: "Error")

    /// A warning.
    public static let warning = ConditionSeverity(rawValue: "Warning")

    /// Information only.
    public static let info = ConditionSeverity(rawValue: "Info")

    /// The values this package knows, in the order the API documents them.
    public static let knownValues: [ConditionSeverity] = [.error, .warning, .info]
}
