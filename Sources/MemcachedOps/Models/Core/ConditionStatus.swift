/// The status of a ``Condition``: `True`, `False` or `Unknown`.
public struct ConditionStatus: OpenEnumeration {
    /// The value's text.
    public var rawValue: String

    /// Creates a value from its text; unknown text is kept as it is.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The condition holds.
    public static let `true` = ConditionStatus(rawValue: "True")

    /// The condition does not hold.
    public static let `false` = ConditionStatus(rawValue: "False")

    /// It is not known whether the condition holds.
    public static let unknown = ConditionStatus(rawValue: "Unknown")

    /// The values this package knows, in the order the API documents them.
    public static let knownValues: [ConditionStatus] = [.true, .false, .unknown]
}
