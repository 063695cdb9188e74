import MemcachedOps

/// What the reconciler reports as it works, for a caller to show progress.
public enum ReconcileEvent: Sendable, Hashable {
    /// A new plan was made; emitted when it differs from the previous one.
    case planned(Plan)
    /// A step is about to be performed.
    case stepStarted(PlanStep)
    /// A step was performed, with its outcome.
    case stepFinished(PlanStep, StepOutcome)
    /// The plan cannot go on now; the reconciler waits and plans again. Emitted once when
    /// the plan becomes blocked, not at every poll while it stays so.
    case blocked(BlockReason)
    /// The request ended; the status is its last.
    case ended(MemcachedOpsRequestStatus)
}

/// How a reconciler run ended.
public struct ReconcileOutcome: Sendable, Hashable {
    /// Why the run stopped.
    public enum Ending: Sendable, Hashable {
        /// The request reached `Successful`.
        case successful
        /// The request reached `Failed`; the message says which step failed and why.
        case failed(String)
        /// The planner refused the request before it started.
        case refused(Refusal)
        /// The run stopped after the number of steps it was allowed; the request goes on
        /// when a reconciler runs again.
        case interrupted
    }

    /// Why the run stopped.
    public var ending: Ending
    /// The request's status when the run stopped.
    public var status: MemcachedOpsRequestStatus?
    /// The steps this run performed, in order, with their outcomes.
    public var performed: [PerformedStep]

    /// One step a run performed.
    public struct PerformedStep: Sendable, Hashable {
        /// The step.
        public var step: PlanStep
        /// What happened.
        public var outcome: StepOutcome
    }

    /// Whether the request ended `Successful`.
    public var isSuccessful: Bool {
        if case .successful = ending { return true }
        return false
    }
}
