/// A policy: at most a given number of pods may be unavailable because of the plan.
///
/// The planner itself never makes more than one pod unavailable; this policy is stricter
/// where pods are already down. Evicting a ready pod while others are not ready counts them
/// all. With a maximum of 0, any plan that restarts a pod is blocked, which leaves only live
/// reloads (the `reload` or `automatic` strategy for operations that keep TLS on).
public struct MaximumUnavailablePods: PlanPolicy {
    /// The most pods that may be unavailable at once.
    public var maximum: Int

    /// The policy's name, `maximum-unavailable-pods`.
    public var name: String { "maximum-unavailable-pods" }

    /// Creates the policy.
    ///
    /// - Parameter maximum: The most pods that may be unavailable at once.
    public init(_ maximum: Int) {
        self.maximum = maximum
    }

    /// Violations: the next step would evict a pod and leave more than ``maximum`` pods
    /// unavailable, or the plan restarts pods when ``maximum`` is 0.
    public func violations(in context: PolicyContext) -> [PolicyViolation] {
        let evictions = context.plan.steps.filter { $0.action == .evictPod }
        guard !evictions.isEmpty else { return [] }
        if maximum <= 0 {
            let pods = evictions.map(\.target).joined(separator: ", ")
            return [violation("the plan restarts \(pods), but no pod may be unavailable")]
        }
        guard let next = context.nextStep, next.action == .evictPod else { return [] }
        let down = context.state.pods.filter { !$0.ready }.count
        let evictsReadyPod = context.state.pod(named: next.target)?.ready ?? false
        let after = down + (evictsReadyPod ? 1 : 0)
        guard after > maximum else { return [] }
        return [
            violation(
                "evicting \(next.target) would leave \(after) pods unavailable; at most "
                    + "\(maximum) may be")
        ]
    }
}
