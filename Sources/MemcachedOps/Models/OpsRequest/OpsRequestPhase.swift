/// The phase of an ops request.
public struct OpsRequestPhase: OpenEnumeration {
    /// The value's text.
    public var rawValue: String

    /// Creates a value from its text; unknown text is kept as it is.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Not started yet.
    public static let pending = OpsRequestPhase(rawValue: "Pending")

    /// Running.
    public static let progressing = OpsRequestPhase(rawValue: "Progressing")

    /// Finished successfully.
    public static let successful = OpsRequestPhase(rawValue: "Successful")

    /// Waiting for approval.
    public static let waitingForApproval = OpsRequestPhase(rawValue: "WaitingForApproval")

    /// Finished with a failure.
    public static let failed = OpsRequestPhase(rawValue: "Failed")

    /// Approved, not yet running.
    public static let approved = OpsRequestPhase(rawValue: "Approved")

    /// Denied.
    public static let denied = OpsRequestPhase(rawValue: "Denied")

    /// Skipped.
    public static let skipped = OpsRequestPhase(rawValue: "Skipped")

    /// The values this package knows, in the order the API documents them.
    public static let knownValues: [OpsRequestPhase] = [
        .pending, .progressing, .successful, .waitingForApproval, .failed, .approved, .denied,
        .skipped,
    ]
}
