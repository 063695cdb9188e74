import MemcachedOps
import MemcachedOpsRuntime
import Synchronization

/// A transport that "dies" after performing a given step: the step takes effect, but its
/// status is never written, as when the reconciler's process is killed in between.
final class CrashingTransport: OpsTransport {
    /// The simulated death.
    struct Crash: Error {}

    let base: any OpsTransport
    let crashAfter: Int
    private let performed = Mutex(0)
    private let last = Mutex<StepAction?>(nil)

    /// The last step performed.
    var lastStep: StepAction? { last.withLock { $0 } }

    /// - Parameters:
    ///   - base: The real transport.
    ///   - crashAfter: Die after the effect of this step (1 is the first).
    init(_ base: any OpsTransport, crashAfter: Int) {
        self.base = base
        self.crashAfter = crashAfter
    }

    func request(named name: String, namespace: String) async throws -> MemcachedOpsRequest? {
        try await base.request(named: name, namespace: namespace)
    }

    func observe(for request: MemcachedOpsRequest) async throws -> ObservedState {
        try await base.observe(for: request)
    }

    func perform(
        _ step: PlanStep, of plan: Plan, for request: MemcachedOpsRequest
    ) async throws -> StepOutcome {
        let outcome = try await base.perform(step, of: plan, for: request)
        performed.withLock { $0 += 1 }
        last.withLock { $0 = step.action }
        return outcome
    }

    func writeStatus(
        _ status: MemcachedOpsRequestStatus, for request: MemcachedOpsRequest
    ) async throws {
        if performed.withLock({ $0 }) >= crashAfter { throw Crash() }
        try await base.writeStatus(status, for: request)
    }
}
