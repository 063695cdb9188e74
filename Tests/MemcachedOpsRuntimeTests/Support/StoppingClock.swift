import MemcachedOps
import MemcachedOpsRuntime

/// A clock that stops a run once simulated time passes a limit: its sleep throws
/// `CancellationError`, so a run that would never end makes its test fail, not hang.
struct StoppingClock: OpsClock {
    let base: ManualClock
    let stopAt: Timestamp

    func now() async -> Timestamp { await base.now() }

    func sleep(for duration: Duration) async throws {
        try await base.sleep(for: duration)
        if base.current > stopAt { throw CancellationError() }
    }
}

extension InMemoryCluster {
    /// A reconciler on the cluster whose run stops after a simulated day.
    nonisolated func boundedReconciler(
        options: PlanOptions = PlanOptions(), pollInterval: Duration = .seconds(5),
        logger: OpsLogger = .disabled
    ) -> Reconciler {
        let clock = StoppingClock(
            base: clock, stopAt: clock.current.adding(GoDuration(seconds: 86_400)))
        return Reconciler(
            transport: self, options: options, clock: clock, pollInterval: pollInterval,
            logger: logger)
    }
}
