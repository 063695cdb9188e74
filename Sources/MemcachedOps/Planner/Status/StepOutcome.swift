/// What happened when a transport performed a step.
public enum StepOutcome: Sendable, Hashable {
    /// The step did what it should: an action took effect, a check found what it looked for.
    case completed
    /// A wait is not over yet (a pod is not ready, a certificate is still issuing); the step
    /// will be planned again, and its time limit keeps running.
    case pending
    /// The step failed; it will be retried while `spec.maxRetries` allows.
    case failed(String)
}
