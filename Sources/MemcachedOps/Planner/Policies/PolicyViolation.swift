/// One way a plan breaks a ``PlanPolicy``.
public struct PolicyViolation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The name of the policy that was broken.
    public var policy: String
    /// What is wrong, in a sentence.
    public var message: String

    /// Creates a violation.
    ///
    /// - Parameters:
    ///   - policy: The name of the policy that was broken.
    ///   - message: What is wrong.
    public init(policy: String, message: String) {
        self.policy = policy
        self.message = message
    }

    /// `policy: message`.
    public var description: String { "\(policy): \(message)" }
}
