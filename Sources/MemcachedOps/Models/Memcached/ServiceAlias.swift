/// The alias of a service template: `primary`, `standby` or `stats`.
public struct ServiceAlias: OpenEnumeration {
    /// The value's text.
    public var rawValue: String

    /// Creates a value from its text; unknown text is kept as it is.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The client service.
    public static let primary = ServiceAlias(rawValue: "primary")

    /// The standby service.
    public static let standby = ServiceAlias(rawValue: "standby")

    /// The monitoring service.
    public static let stats = ServiceAlias(rawValue: "stats")

    /// The values this package knows, in the order the API documents them.
    public static let knownValues: [ServiceAlias] = [.primary, .standby, .stats]
}
