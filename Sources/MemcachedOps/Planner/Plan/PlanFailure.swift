/// Why a started request has failed: the step that failed, and the cause.
///
/// A failed request still resumes the database: its plan is the single step
/// ``StepAction/resumeDatabase``, after which ``TLSStatusWriter`` writes phase `Failed` and a
/// `Failed` condition built from this value.
public struct PlanFailure: Sendable, Hashable, CustomStringConvertible {
    /// What made the step fail.
    public enum Cause: Sendable, Hashable {
        /// The step ran longer than `spec.timeout`.
        case timedOut(limit: GoDuration, since: Timestamp)
        /// The step failed more often than `spec.maxRetries` allows.
        case retriesExhausted(failures: Int, lastError: String?)
        /// The request became impossible after it started.
        case refused(Refusal)
        /// The step was blocked until `spec.timeout` ran out.
        case blockedTooLong(BlockReason, limit: GoDuration)
    }

    /// The condition type of the step that failed, such as `IsPodReady--memcd-quickstart-0`.
    public var step: String
    /// What made it fail.
    public var cause: Cause

    /// Creates a failure.
    ///
    /// - Parameters:
    ///   - step: The condition type of the step that failed.
    ///   - cause: What made it fail.
    public init(step: String, cause: Cause) {
        self.step = step
        self.cause = cause
    }

    /// A stable, camel-case code for scripts: `timedOut`, `retriesExhausted`, `refused` or
    /// `blockedTooLong`.
    public var code: String {
        switch cause {
        case .timedOut: return "timedOut"
        case .retriesExhausted: return "retriesExhausted"
        case .refused: return "refused"
        case .blockedTooLong: return "blockedTooLong"
        }
    }

    /// Which step failed and why, in a sentence.
    public var message: String {
        switch cause {
        case .timedOut(let limit, let since):
            return "step \(step) ran past spec.timeout \(limit.canonical) (started \(since))"
        case .retriesExhausted(let failures, let lastError):
            let attempts = failures == 1 ? "1 attempt" : "\(failures) attempts"
            return "step \(step) failed after \(attempts), more than spec.maxRetries allows"
                + (lastError.map { ": \($0)" } ?? "")
        case .refused(let refusal):
            return "step \(step) cannot go on: \(refusal.message)"
        case .blockedTooLong(let reason, let limit):
            return "step \(step) was blocked longer than spec.timeout \(limit.canonical): "
                + reason.message
        }
    }

    /// The code and the message.
    public var description: String { "\(code): \(message)" }
}
