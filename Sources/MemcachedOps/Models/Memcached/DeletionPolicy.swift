/// What deleting a database object deletes: `Halt`, `Delete`, `WipeOut` or `DoNotTerminate`.
public struct DeletionPolicy: OpenEnumeration {
    /// The value's text.
    public var rawValue: String

    /// Creates a value from its text; unknown text is kept as it is.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Keep the data and secrets; delete the rest.
    public static let halt = DeletionPolicy(rawValue: "Halt")

    /// Delete the workload and data; keep secrets. The default.
    public static let delete = DeletionPolicy(rawValue: "Delete")

    /// Delete everything.
    public static let wipeOut = DeletionPolicy(rawValue: "WipeOut")

    /// Refuse deletion.
    public static let doNotTerminate = DeletionPolicy(rawValue: "DoNotTerminate")

    /// The values this package knows, in the order the API documents them.
    public static let knownValues: [DeletionPolicy] = [.halt, .delete, .wipeOut, .doNotTerminate]
}
