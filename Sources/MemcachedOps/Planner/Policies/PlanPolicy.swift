/// A rule of your own that every plan must pass, such as "TLS is never removed in namespace
/// prod".
///
/// Pass policies in ``PlanOptions/policies``. The planner asks each policy about a plan that
/// could otherwise proceed; any violation blocks the plan with ``BlockReason/policy(_:)``
/// and the violations' messages. Policies never block the winding down of a failed request,
/// so a database is always resumed.
///
/// ```swift
/// struct NoRestartsInProduction: PlanPolicy {
///     let name = "no-restarts-in-production"
///     func violations(in context: PolicyContext) -> [PolicyViolation] {
///         guard context.request.namespace == "prod",
///             context.plan.steps.contains(where: { $0.action == .evictPod })
///         else { return [] }
///         return [violation("pods in prod are reloaded, never restarted")]
///     }
/// }
/// ```
///
/// A policy must be a pure function of its context, like the planner.
public protocol PlanPolicy: Sendable {
    /// A short name that identifies the policy in messages, such as `allowed-issuers`.
    var name: String { get }

    /// The ways a plan breaks the rule.
    ///
    /// - Parameter context: The request, what is true now, the plan, and the time.
    /// - Returns: One violation per problem; none when the plan passes.
    func violations(in context: PolicyContext) -> [PolicyViolation]
}

extension PlanPolicy {
    /// A violation of this policy.
    ///
    /// - Parameter message: What is wrong, in a sentence.
    /// - Returns: A violation naming this policy.
    public func violation(_ message: String) -> PolicyViolation {
        PolicyViolation(policy: name, message: message)
    }
}
