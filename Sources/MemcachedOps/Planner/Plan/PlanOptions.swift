/// How the planner plans: the reload strategy and the policies every plan must pass.
public struct PlanOptions: Sendable {
    /// How pods are brought onto the new configuration; ``ReloadStrategy/automatic`` by
    /// default.
    public var strategy: ReloadStrategy
    /// Rules a plan must pass before it may proceed; a violation blocks the plan with
    /// ``BlockReason/policy(_:)``. Policies never block the winding down of a failed request.
    public var policies: [any PlanPolicy]

    /// Creates options.
    ///
    /// - Parameters:
    ///   - strategy: How pods are brought onto the new configuration.
    ///   - policies: Rules every plan must pass.
    public init(strategy: ReloadStrategy = .automatic, policies: [any PlanPolicy] = []) {
        self.strategy = strategy
        self.policies = policies
    }
}
