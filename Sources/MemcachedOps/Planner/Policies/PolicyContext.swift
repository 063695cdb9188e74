/// What a ``PlanPolicy`` judges: the request, what is true now, the plan, and the time.
public struct PolicyContext: Sendable {
    /// The ops request being planned.
    public var request: MemcachedOpsRequest
    /// What is true now.
    public var state: ObservedState
    /// The plan, as it would proceed.
    public var plan: Plan
    /// The time the plan was made for.
    public var now: Timestamp

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - request: The ops request being planned.
    ///   - state: What is true now.
    ///   - plan: The plan, as it would proceed.
    ///   - now: The time the plan was made for.
    public init(request: MemcachedOpsRequest, state: ObservedState, plan: Plan, now: Timestamp) {
        self.request = request
        self.state = state
        self.plan = plan
        self.now = now
    }

    /// The step the plan would perform now, if any.
    public var nextStep: PlanStep? { plan.steps.first }

    /// The pods that are not ready now.
    public var unavailablePods: [ObservedPod] { state.pods.filter { !$0.ready } }
}
