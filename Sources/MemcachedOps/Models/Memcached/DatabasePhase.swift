/// The phase of a database.
public struct DatabasePhase: OpenEnumeration {
    /// The value's text.
    public var rawValue: String

    /// Creates a value from its text; unknown text is kept as it is.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The database is being created.
    public static let provisioning = DatabasePhase(rawValue: "Provisioning")

    /// Data is being restored.
    public static let dataRestoring = DatabasePhase(rawValue: "DataRestoring")

    /// The database is ready.
    public static let ready = DatabasePhase(rawValue: "Ready")

    /// Some replicas are not ready.
    public static let critical = DatabasePhase(rawValue: "Critical")

    /// The database is not ready.
    public static let notReady = DatabasePhase(rawValue: "NotReady")

    /// The database is halted.
    public static let halted = DatabasePhase(rawValue: "Halted")

    /// The phase is not known.
    public static let unknown = DatabasePhase(rawValue: "Unknown")

    /// The values this package knows, in the order the API documents them.
    public static let knownValues: [DatabasePhase] = [
        .provisioning, .dataRestoring, .ready, .critical, .notReady, .halted, .unknown,
    ]
}
